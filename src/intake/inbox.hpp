#pragma once
// What is waiting in the inbox, grouped into cases: a subfolder is one case,
// a file at the inbox root is one case (its pages may hold several documents).
#include "util/expected.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::intake {

struct InboxFile {
    std::filesystem::path path; // absolute
    std::string relative;       // relative to the inbox, as shown to people
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::string sha256; // known once the file is claimed; empty before
};

struct CaseSource {
    std::string case_id; // stable: the same folder or file always gives the same id
    std::string relative; // the folder or the root file, relative to the inbox
    std::vector<InboxFile> files;
};

// Something in the inbox that is not a regular file or folder: a link, a FIFO,
// a socket or a device. It is never followed or opened, and is reported once.
struct OddEntry {
    std::string relative;
    std::string kind; // "symlink", "fifo", …
};

struct InboxListing {
    std::vector<CaseSource> cases;
    std::vector<OddEntry> odd_entries;
};


// Temporary and system files of scanners and operating systems.
bool is_ignored_name(std::string_view name);

// A readable, file-system-safe id: a slug of the name plus a short hash of the
// relative path, so two names that slug alike still differ.
std::string case_id_for(std::string_view relative_source);

Expected<InboxListing> list_inbox(const std::filesystem::path& inbox);

// A name as it may be shown in a log line: bytes that are not printable ASCII
// or valid UTF-8 (and newlines) are escaped as \xNN.
std::string printable_name(std::string_view name);

// Decides when a file has stopped changing. A scanner writes in several
// passes, so a file is ready only after its size and modification time have
// stayed the same for `delay` on the monotonic clock.
class StabilityTracker {
public:
    using Clock = std::chrono::steady_clock;
    explicit StabilityTracker(std::chrono::milliseconds delay) : m_delay(delay) {}

    bool is_stable(const InboxFile& file, Clock::time_point now);

    // When the next file seen so far will have been unchanged for the delay,
    // if any is still settling: the watcher looks again then rather than at
    // its next poll, so a case waits the stability delay and no longer.
    std::optional<Clock::time_point> next_settle_time(Clock::time_point now) const;

private:
    struct Observation {
        std::uintmax_t size;
        std::int64_t mtime_ns;
        Clock::time_point since;
    };
    std::chrono::milliseconds m_delay;
    std::map<std::string, Observation> m_seen;
};

} // namespace berkas::intake

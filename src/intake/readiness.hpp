#pragma once
// Is a file in the inbox finished? No single signal is reliable on SMB shares
// and with scanners that write in several passes, so the signals are layered
// (RELIABILITY.md §4.3): stable size and mtime, not empty, nobody writing, and
// for a PDF, a complete structure.
#include "intake/inbox.hpp"

#include <chrono>
#include <filesystem>

namespace berkas::intake {

// False while another process holds the file open for writing, where the
// kernel can tell (a read lease is refused then). Unknown counts as false.
bool someone_is_writing(const std::filesystem::path& path);

// A file that starts like a PDF but has no %%EOF near its end is still being
// written (or truncated). Other formats are not judged here.
bool pdf_looks_complete(const std::filesystem::path& path);

enum class Readiness { ready, wait };

struct ReadinessPolicy {
    std::chrono::milliseconds stability_delay {5000};
    // A structurally incomplete PDF younger than this is waited for; an older
    // one is taken, and reading will reject it with a reason.
    std::chrono::seconds young_age {300};
    // run --once: there is no later, so what is there is taken as it is
    // (an empty or truncated file is then rejected with its reason).
    bool take_as_is = false;
};

Readiness assess(const InboxFile& file, StabilityTracker& tracker, StabilityTracker::Clock::time_point now,
                 const ReadinessPolicy& policy);

} // namespace berkas::intake

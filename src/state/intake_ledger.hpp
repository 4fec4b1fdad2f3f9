#pragma once
// The intake's book: every inbox entry berkas has claimed (copied into the
// spool and hashed), and how far each distinct content has got. One
// transaction per transition, so a kill at any moment leaves a state that the
// next start can resume from.
#include "state/store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace berkas::state {

// What identifies an inbox entry on disk, so that an original is archived
// only if it is still the file that was copied.
struct FileIdentity {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

struct Claim {
    std::int64_t id = 0;
    std::string sha256;
    std::string source;   // path relative to the inbox, as shown to people
    std::string case_key; // the subfolder, or the root file, the entry belongs to
    FileIdentity identity;
    std::string original; // pending | archived | kept
    std::optional<std::int64_t> duplicate_of;
};

// The life of one distinct content (by SHA-256):
//   received → reading → read | quarantined, and reading → received again
// when a run was interrupted (attempts counts the tries).
enum class FileState { received, reading, read, quarantined };

class IntakeLedger {
public:
    static Expected<IntakeLedger> open(Store& store);

    // Records a claimed inbox entry. A content already claimed makes this a
    // duplicate of the first claim: reported, never processed again.
    Expected<Claim> record_claim(const std::string& sha256, const std::string& source, const std::string& case_key,
                                 const FileIdentity& identity);
    Expected<void> set_original(std::int64_t claim_id, const std::string& original);

    // True when this very entry (same path and identity) was claimed already:
    // an original left in place is not taken twice.
    Expected<bool> already_claimed(const std::string& source, const FileIdentity& identity);

    Expected<std::vector<Claim>> claims_with_original_pending();
    // The content last claimed under this path relative to the inbox.
    Expected<std::optional<std::string>> content_of(const std::string& source);
    Expected<std::vector<Claim>> active_claims(); // not duplicates

    Expected<int> begin_reading(const std::string& sha256); // returns the attempt number
    Expected<void> finish(const std::string& sha256, FileState state);
    Expected<std::optional<FileState>> file_state(const std::string& sha256);
    // After a crash: contents left in `reading` go back to `received`.
    Expected<std::vector<std::pair<std::string, int>>> requeue_interrupted();
    Expected<std::map<std::string, int>> count_by_state();

private:
    explicit IntakeLedger(sqlite3* database) : m_database(database) {}
    sqlite3* m_database;
};

const char* to_string(FileState state);

} // namespace berkas::state

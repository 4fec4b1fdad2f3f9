#pragma once
// berkas's durable memory: SQLite in WAL mode under --state. It knows every
// file by its SHA-256, every case with its documents and problems, and the
// pages already read, so that running again duplicates nothing.
#include "model/case_result.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace berkas::state {

struct CaseSummary {
    std::string case_id;
    std::string source; // folder or file relative to the inbox
    std::string status; // complete | incomplete
    std::string profile;
    std::string applicant_name;
    std::string updated_at;
    int problem_count = 0;
};

struct RejectedFile {
    std::string source;
    std::string reason;
    std::string message;
};

// A verifier's decision on a case, timestamped and attributed. The latest
// decision counts; earlier ones stay as the trail.
struct Decision {
    std::string case_id;
    std::string decision; // approved | returned
    std::string actor;    // "verifier:<masked NIP>", "scan-back", …
    std::string note;
    std::string at;       // UTC, ISO 8601; set by the store
};

class Store {
public:
    static Expected<std::unique_ptr<Store>> open(const std::filesystem::path& database_path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Pages already read from a file with this content, if any.
    Expected<std::optional<std::vector<PageText>>> cached_pages(const std::string& sha256);
    // `digitally_signed`: the file is a PDF with a digital signature.
    Expected<void> remember_pages(const std::string& sha256, const std::string& source, std::uintmax_t size,
                                  const std::vector<PageText>& pages, bool digitally_signed = false);
    Expected<bool> is_digitally_signed(const std::string& sha256);

    // The fingerprint of the inputs a case was last evaluated with (hashes of
    // its files and of the rules); an unchanged fingerprint means nothing to do.
    Expected<std::optional<std::string>> case_fingerprint(const std::string& case_id);

    // Records the whole evaluation of a case in one transaction.
    Expected<void> save_case(const CaseResult& result, const std::string& source, const std::string& fingerprint,
                             const std::string& result_json);

    Expected<void> record_rejection(const std::string& sha256, const RejectedFile& rejected);
    Expected<std::optional<RejectedFile>> rejection(const std::string& sha256);

    Expected<void> record_decision(const Decision& decision);
    Expected<std::vector<Decision>> decisions(const std::string& case_id);

    Expected<std::vector<CaseSummary>> list_cases();
    Expected<std::vector<RejectedFile>> list_rejections();

    // The connection, for the stage's other record keepers (SubmissionLedger)
    // that share this database: one connection, one set of locks per process.
    sqlite3* connection() const { return m_database; }

private:
    explicit Store(sqlite3* database);
    Expected<void> execute(const std::string& sql);
    Expected<void> migrate();
    sqlite3* m_database;
};

} // namespace berkas::state

#pragma once
// The whole path for a batch of cases: read their files (in worker
// processes), understand the pages, validate the case against the profile,
// write its documents to the outbox and record it in the state.
#include "generation/renderer.hpp"
#include "intake/inbox.hpp"
#include "pipeline/intake_step.hpp"
#include "pipeline/case_documents.hpp"
#include "pipeline/scan_back.hpp"
#include "pipeline/rule_book.hpp"
#include "pipeline/settings.hpp"
#include "state/document_register.hpp"
#include "state/store.hpp"
#include "util/expected.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace berkas::pipeline {

struct RunSummary {
    IntakeSummary intake;
    int cases_seen = 0;
    int cases_evaluated = 0;
    int cases_unchanged = 0;
    int files_read = 0;
    int files_rejected = 0;
    int pages_read = 0;
    double seconds = 0;
};

class Pipeline {
public:
    // `self_executable` is started as `berkas worker` for reading.
    static Expected<std::unique_ptr<Pipeline>> create(const Settings& settings,
                                                      std::filesystem::path self_executable);

    // Claims everything in the inbox and processes every case with files.
    Expected<RunSummary> run_once();

    // Keeps claiming and processing until `stop` is set; the step under way
    // is finished first, so nothing is left half-written.
    // `after_pass` runs after every pass (the submission queue's follow-up).
    Expected<void> watch(const std::atomic<bool>& stop, const std::function<void()>& after_pass = [] {});

    // Processes the given cases; a case whose inputs and rules are unchanged
    // since its last evaluation is left as it is.
    Expected<RunSummary> process(const std::vector<intake::CaseSource>& cases);

    // Reloads the rules; on an error the rules in force stay.
    Expected<void> reload_rules();

    const RuleBook& rules() const { return m_rules; }

private:
    Pipeline(Settings settings, std::filesystem::path self_executable, RuleBook rules,
             generation::DocumentRenderer renderer, std::unique_ptr<state::Store> store, state::IntakeLedger ledger,
             std::unique_ptr<state::DocumentRegister> documents);
    Expected<RunSummary> claim_and_process(intake::StabilityTracker* tracker);
    void log_health(const RunSummary& last, const std::string& last_error);

    struct HashedFile {
        const intake::InboxFile* file;
        std::string sha256;
    };

    Expected<std::vector<HashedFile>> hash_files(const intake::CaseSource& source);
    // Told of each file (by content hash) once it is read or rejected, or known from before.
    using Settled = std::function<Expected<void>(const std::string& sha256)>;
    Expected<void> read_new_files(const std::vector<HashedFile>& files, RunSummary& summary, const Settled& settled);
    Expected<void> record_reading(const HashedFile& file, Expected<reading::FileReading>&& result,
                                  RunSummary& summary);
    Expected<void> reject(const HashedFile& file, const Error& error, RunSummary& summary);
    // True when the file was read or rejected before (its state is made to say so).
    Expected<bool> settle_known_file(const HashedFile& file);
    Expected<void> move_to_quarantine(const HashedFile& file, const std::string& reason, const std::string& detail);
    Expected<void> evaluate_case(const intake::CaseSource& source, const std::vector<HashedFile>& files,
                                 RunSummary& summary);
    Expected<void> evaluate_source(const intake::CaseSource& source, RunSummary& summary);
    Expected<CaseResult> understand_case(const intake::CaseSource& source, const std::vector<HashedFile>& files);
    Expected<void> write_outputs(CaseResult& result, const std::vector<HashedFile>& files);

    Settings m_settings;
    std::filesystem::path m_self_executable;
    RuleBook m_rules;
    generation::DocumentRenderer m_renderer;
    std::unique_ptr<state::Store> m_store;
    state::IntakeLedger m_ledger;
    IntakeStep m_intake;
    std::unique_ptr<state::DocumentRegister> m_documents;
    CaseDocuments m_case_documents;
    ScanBackDesk m_scan_backs;
};

} // namespace berkas::pipeline

#include "pipeline/pipeline.hpp"

#include "pipeline/case_grouping.hpp"
#include "pipeline/output_versions.hpp"
#include "pipeline/rejection.hpp"
#include "pipeline/result_json.hpp"
#include "pipeline/worker_pool.hpp"
#include "understanding/case_reader.hpp"
#include "util/crash_point.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/log.hpp"
#include "validation/validator.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

namespace berkas::pipeline {

namespace fs = std::filesystem;

namespace {

// Today's date, or the one SOURCE_DATE_EPOCH names, so that the same inputs at
// the same time give byte-identical documents (reproducible-builds convention).
std::tm today()
{
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
        now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm local {};
    localtime_r(&now, &local);
    return local;
}

std::string iso_date(const std::tm& date)
{
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &date);
    return text;
}

std::string fingerprint_of(const RuleBook& rules, const std::vector<std::string>& hashes)
{
    std::string material = rules.version + '\n' + rules.profile.id + '\n';
    for (const std::string& hash : hashes)
        material += hash + '\n';
    return sha256_hex(material);
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

Expected<std::unique_ptr<Pipeline>> Pipeline::create(const Settings& settings, fs::path self_executable)
{
    BERKAS_TRY(ensure_directory(settings.state));
    BERKAS_TRY(ensure_directory(settings.outbox / "cases"));
    RuleBook rules = BERKAS_TRY(load_rule_book(settings.rules_dir, settings.profile));
    auto renderer = BERKAS_TRY(generation::DocumentRenderer::create(settings.templates_dir));
    auto store = BERKAS_TRY(state::Store::open(settings.state / "berkas.sqlite3"));
    auto ledger = BERKAS_TRY(state::IntakeLedger::open(*store));
    auto documents = BERKAS_TRY(state::DocumentRegister::open(*store));
    Settings resolved = settings;
    if (resolved.intake.archive_dir.empty())
        resolved.intake.archive_dir = resolved.state / "archive";
    std::unique_ptr<Pipeline> pipeline(new Pipeline(std::move(resolved), std::move(self_executable), std::move(rules),
                                                    std::move(renderer), std::move(store), ledger,
                                                    std::move(documents)));
    BERKAS_TRY(pipeline->m_intake.recover());
    return pipeline;
}

Pipeline::Pipeline(Settings settings, fs::path self_executable, RuleBook rules, generation::DocumentRenderer renderer,
                   std::unique_ptr<state::Store> store, state::IntakeLedger ledger,
                   std::unique_ptr<state::DocumentRegister> documents)
    : m_settings(std::move(settings))
    , m_self_executable(std::move(self_executable))
    , m_rules(std::move(rules))
    , m_renderer(std::move(renderer))
    , m_store(std::move(store))
    , m_ledger(ledger)
    , m_intake(m_settings, m_ledger)
    , m_documents(std::move(documents))
    , m_case_documents(m_settings, m_renderer, *m_documents)
    , m_scan_backs(*m_store, *m_documents, m_settings.outbox / "cases")
{
}

Expected<void> Pipeline::reload_rules()
{
    m_rules = BERKAS_TRY(load_rule_book(m_settings.rules_dir, m_settings.profile));
    return {};
}

Expected<RunSummary> Pipeline::run_once() { return claim_and_process(nullptr); }

Expected<RunSummary> Pipeline::claim_and_process(intake::StabilityTracker* tracker)
{
    auto listing = BERKAS_TRY(intake::list_inbox(m_settings.inbox));
    IntakeSummary claimed = BERKAS_TRY(m_intake.claim(listing, tracker));
    auto cases = BERKAS_TRY(m_intake.claimed_cases());
    RunSummary summary = BERKAS_TRY(process(cases));
    summary.intake = claimed;
    return summary;
}

Expected<RunSummary> Pipeline::process(const std::vector<intake::CaseSource>& claimed)
{
    auto start = std::chrono::steady_clock::now();
    RunSummary summary;
    std::vector<intake::CaseSource> sources = claimed; // each file with its content hash from here on
    for (intake::CaseSource& source : sources) {
        auto hashed = BERKAS_TRY(hash_files(source));
        for (size_t i = 0; i < hashed.size(); ++i)
            source.files[i].sha256 = hashed[i].sha256;
    }
    RunGrouping grouping(std::move(sources));
    std::vector<HashedFile> all_files;
    for (const intake::InboxFile* file : grouping.reading_order())
        all_files.push_back(HashedFile {file, file->sha256});
    for (size_t i = 0; i < grouping.sources().size(); ++i)
        if (grouping.sources()[i].files.empty())
            grouping.identify(i, BERKAS_TRY(identify_source(grouping.sources()[i], *m_store, m_rules.documents)));
    // Cases are evaluated while other files are still being read (RunGrouping).
    auto settled = [&](const std::string& sha256) -> Expected<void> {
        for (size_t i : grouping.file_settled(sha256))
            grouping.identify(i, BERKAS_TRY(identify_source(grouping.sources()[i], *m_store, m_rules.documents)));
        for (size_t i : grouping.take_ready())
            BERKAS_TRY(evaluate_source(grouping.sources()[i], summary));
        return {};
    };
    BERKAS_TRY(read_new_files(all_files, summary, settled));
    for (const intake::CaseSource& source : grouping.take_rest())
        BERKAS_TRY(evaluate_source(source, summary));
    summary.cases_seen = static_cast<int>(grouping.cases_seen());
    summary.seconds = seconds_since(start);
    return summary;
}

Expected<void> Pipeline::evaluate_source(const intake::CaseSource& source, RunSummary& summary)
{
    std::vector<HashedFile> hashed;
    for (const intake::InboxFile& file : source.files)
        hashed.push_back(HashedFile {&file, file.sha256});
    return evaluate_case(source, hashed, summary);
}

Expected<std::vector<Pipeline::HashedFile>> Pipeline::hash_files(const intake::CaseSource& source)
{
    std::vector<HashedFile> files;
    for (const intake::InboxFile& file : source.files) {
        std::string sha256 = file.sha256.empty() ? BERKAS_TRY(sha256_file(file.path)) : file.sha256;
        files.push_back(HashedFile {&file, std::move(sha256)});
    }
    return files;
}

Expected<void> Pipeline::read_new_files(const std::vector<HashedFile>& files, RunSummary& summary,
                                        const Settled& settled)
{
    std::vector<const HashedFile*> unread;
    std::set<std::string> queued; // a byte-identical copy is read once
    for (const HashedFile& file : files) {
        if (BERKAS_TRY(settle_known_file(file))) {
            BERKAS_TRY(settled(file.sha256));
            continue;
        }
        if (!queued.insert(file.sha256).second)
            continue;
        // Interrupted reads (berkas itself was stopped) only raise the attempt
        // count: the main process never parses, so a file cannot be what
        // killed it. Files that crash or hang a worker are rejected by the pool.
        unread.push_back(&file);
    }
    std::vector<fs::path> paths;
    for (const HashedFile* file : unread)
        paths.push_back(file->file->path);
    if (unread.empty())
        return {};
    WorkerPool pool(m_self_executable, {"worker"}, m_settings.workers, m_settings.worker_limits, m_settings.limits);
    // Progress is recorded as it happens: a kill loses at most the files being read.
    std::optional<Error> failure;
    auto started = [&](size_t i) {
        auto attempt = m_ledger.begin_reading(unread[i]->sha256);
        if (!attempt && !failure)
            failure = attempt.error();
    };
    auto finished = [&](size_t i, WorkerPool::Result&& result) {
        auto recorded = record_reading(*unread[i], std::move(result), summary);
        if (recorded && !failure)
            recorded = settled(unread[i]->sha256);
        if (!recorded && !failure)
            failure = recorded.error();
    };
    pool.read_all(paths, started, finished);
    if (failure)
        return tl::unexpected(*failure);
    return {};
}

Expected<bool> Pipeline::settle_known_file(const HashedFile& file)
{
    // The pages or the rejection, the quarantine move and the file's state
    // are separate steps; a kill between them is mended here.
    std::optional<state::FileState> terminal;
    if (BERKAS_TRY(m_store->cached_pages(file.sha256)).has_value())
        terminal = state::FileState::read;
    else if (auto rejected = BERKAS_TRY(m_store->rejection(file.sha256)); rejected.has_value()) {
        terminal = state::FileState::quarantined;
        BERKAS_TRY(move_to_quarantine(file, rejected->reason, {}));
    }
    if (!terminal)
        return false;
    if (BERKAS_TRY(m_ledger.file_state(file.sha256)) != terminal)
        BERKAS_TRY(m_ledger.finish(file.sha256, *terminal));
    return true;
}

Expected<void> Pipeline::move_to_quarantine(const HashedFile& file, const std::string& reason,
                                            const std::string& detail)
{
    std::error_code missing;
    if (!fs::exists(file.file->path, missing))
        return {}; // moved already
    BERKAS_TRY(quarantine_file(file.file->path, file.file->relative, m_settings.outbox / "karantina", reason, detail));
    return {};
}

Expected<void> Pipeline::record_reading(const HashedFile& file, WorkerPool::Result&& result, RunSummary& summary)
{
    if (result) {
        summary.files_read++;
        summary.pages_read += static_cast<int>(result->pages.size());
        BERKAS_TRY(save_thumbnails(m_settings.state / "thumbnails", file.sha256, result->pages));
        BERKAS_TRY(m_scan_backs.receive(file.sha256, file.file->relative, result->pages));
        BERKAS_TRY(m_store->remember_pages(file.sha256, file.file->relative, file.file->size, result->pages,
                                           result->digitally_signed));
        return m_ledger.finish(file.sha256, state::FileState::read);
    }
    if (result.error().code == "worker_unavailable") { // the installation, not the file: it stays queued
        BERKAS_TRY(m_ledger.finish(file.sha256, state::FileState::received));
        return make_error("reading", result.error().message, file.file->relative);
    }
    return reject(file, result.error(), summary);
}

Expected<void> Pipeline::reject(const HashedFile& file, const Error& error, RunSummary& summary)
{
    summary.files_rejected++;
    log::warning("berkas ditolak (" + error.code + "): " + intake::printable_name(file.file->relative));
    // Record, then move: after a kill in between, settle_known_file finishes the move.
    BERKAS_TRY(m_store->record_rejection(
        file.sha256, state::RejectedFile {file.file->relative, error.code, rejection_message(error.code)}));
    BERKAS_TRY(move_to_quarantine(file, error.code, error.message));
    return m_ledger.finish(file.sha256, state::FileState::quarantined);
}

Expected<void> Pipeline::evaluate_case(const intake::CaseSource& source, const std::vector<HashedFile>& files,
                                       RunSummary& summary)
{
    std::vector<HashedFile> readable;
    std::vector<std::string> hashes;
    for (const HashedFile& file : files) {
        // A signed copy scanned back belongs to the case in its QR code, not to this one.
        if (BERKAS_TRY(m_store->rejection(file.sha256)) || BERKAS_TRY(m_documents->is_scan_back(file.sha256)))
            continue;
        readable.push_back(file);
        hashes.push_back(file.sha256);
    }
    if (readable.empty())
        return {}; // nothing readable: the rejections say why
    std::sort(hashes.begin(), hashes.end());
    std::string fingerprint = fingerprint_of(m_rules, hashes);
    auto folder = m_settings.outbox / "cases" / source.case_id;
    if (BERKAS_TRY(m_store->case_fingerprint(source.case_id)) == fingerprint && fs::exists(folder / "result.json")) {
        summary.cases_unchanged++;
        return {};
    }
    CaseResult result = BERKAS_TRY(understand_case(source, readable));
    BERKAS_TRY(write_outputs(result, readable));
    crash_point("after_outputs");
    nlohmann::json outcome = result_to_json(result);
    BERKAS_TRY(m_scan_backs.annotate(outcome, result.case_id));
    std::string outcome_text = outcome.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    BERKAS_TRY(write_file_atomic(folder / "result.json", outcome_text + "\n"));
    BERKAS_TRY(m_store->save_case(result, source.relative, fingerprint, outcome_text));
    summary.cases_evaluated++;
    log::info("kasus " + result.case_id + ": " + (result.status == CaseStatus::complete ? "lengkap" : "belum lengkap") +
              ", " + std::to_string(result.problems.size()) + " masalah");
    return {};
}

Expected<CaseResult> Pipeline::understand_case(const intake::CaseSource& source, const std::vector<HashedFile>& files)
{
    std::vector<understanding::SourcePages> pages;
    for (const HashedFile& file : files) {
        auto cached = BERKAS_TRY(m_store->cached_pages(file.sha256));
        pages.push_back(understanding::SourcePages {file.file->relative, cached.value_or(std::vector<PageText> {})});
    }
    CaseResult result;
    result.case_id = source.case_id;
    result.profile = m_rules.profile.id;
    result.rules_version = m_rules.version;
    result.documents = understanding::find_documents(pages, m_rules.documents);
    for (Document& document : result.documents) {
        for (const HashedFile& file : files) {
            if (file.file->relative == document.source)
                document.digitally_signed = BERKAS_TRY(m_store->is_digitally_signed(file.sha256));
        }
    }
    result.applicant = understanding::identify_applicant(result.documents, m_rules.documents);
    std::tm date = today();
    auto verdict = validation::validate_case(result.documents, result.applicant, m_rules.profile,
                                             CivilDate {date.tm_year + 1900, date.tm_mon + 1, date.tm_mday});
    result.status = verdict.status;
    result.requirements = std::move(verdict.requirements);
    result.problems = std::move(verdict.problems);
    return result;
}

Expected<void> Pipeline::write_outputs(CaseResult& result, const std::vector<HashedFile>& files)
{
    if (auto kept = BERKAS_TRY(keep_previous_outputs(m_settings.outbox / "cases" / result.case_id)))
        log::info("kasus " + result.case_id + ": keluaran sebelumnya disimpan di versi/" + std::to_string(*kept));
    std::vector<CaseFile> case_files;
    for (const HashedFile& file : files)
        case_files.push_back(CaseFile {file.file->relative, file.sha256});
    return m_case_documents.write(result, case_files, iso_date(today()));
}

} // namespace berkas::pipeline

#include "pipeline/pipeline.hpp"

#include "pipeline/rejection.hpp"
#include "pipeline/result_json.hpp"
#include "pipeline/worker_pool.hpp"
#include "understanding/case_reader.hpp"
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
    auto documents = BERKAS_TRY(state::DocumentRegister::open(*store));
    return std::unique_ptr<Pipeline>(new Pipeline(settings, std::move(self_executable), std::move(rules),
                                                  std::move(renderer), std::move(store), std::move(documents)));
}

Pipeline::Pipeline(Settings settings, fs::path self_executable, RuleBook rules, generation::DocumentRenderer renderer,
                   std::unique_ptr<state::Store> store, std::unique_ptr<state::DocumentRegister> documents)
    : m_settings(std::move(settings))
    , m_self_executable(std::move(self_executable))
    , m_rules(std::move(rules))
    , m_renderer(std::move(renderer))
    , m_store(std::move(store))
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

Expected<RunSummary> Pipeline::run_once()
{
    auto cases = BERKAS_TRY(intake::scan_inbox(m_settings.inbox));
    return process(cases);
}

Expected<RunSummary> Pipeline::process(const std::vector<intake::CaseSource>& cases)
{
    auto start = std::chrono::steady_clock::now();
    RunSummary summary;
    summary.cases_seen = static_cast<int>(cases.size());
    std::vector<std::vector<HashedFile>> hashed;
    std::vector<HashedFile> all_files;
    for (const intake::CaseSource& source : cases) {
        hashed.push_back(BERKAS_TRY(hash_files(source)));
        all_files.insert(all_files.end(), hashed.back().begin(), hashed.back().end());
    }
    BERKAS_TRY(read_new_files(all_files, summary));
    for (size_t i = 0; i < cases.size(); ++i)
        BERKAS_TRY(evaluate_case(cases[i], hashed[i], summary));
    summary.seconds = seconds_since(start);
    return summary;
}

Expected<std::vector<Pipeline::HashedFile>> Pipeline::hash_files(const intake::CaseSource& source)
{
    std::vector<HashedFile> files;
    for (const intake::InboxFile& file : source.files)
        files.push_back(HashedFile {&file, BERKAS_TRY(sha256_file(file.path))});
    return files;
}

Expected<void> Pipeline::read_new_files(const std::vector<HashedFile>& files, RunSummary& summary)
{
    std::vector<const HashedFile*> unread;
    std::set<std::string> queued; // a byte-identical copy is read once
    for (const HashedFile& file : files) {
        bool known = BERKAS_TRY(m_store->cached_pages(file.sha256)).has_value() ||
                     BERKAS_TRY(m_store->rejection(file.sha256)).has_value();
        if (!known && queued.insert(file.sha256).second)
            unread.push_back(&file);
    }
    if (unread.empty())
        return {};
    std::vector<fs::path> paths;
    for (const HashedFile* file : unread)
        paths.push_back(file->file->path);
    WorkerPool pool(m_self_executable, {"worker"}, WorkerLimits {m_settings.workers, 3ull << 30, std::chrono::seconds(600)});
    auto results = pool.read_all(paths);
    for (size_t i = 0; i < unread.size(); ++i) {
        const HashedFile& file = *unread[i];
        if (results[i]) {
            summary.files_read++;
            summary.pages_read += static_cast<int>(results[i]->size());
            BERKAS_TRY(save_thumbnails(m_settings.state / "thumbnails", file.sha256, *results[i]));
            BERKAS_TRY(m_scan_backs.receive(file.sha256, file.file->relative, *results[i]));
            BERKAS_TRY(m_store->remember_pages(file.sha256, file.file->relative, file.file->size, *results[i]));
            continue;
        }
        const Error& error = results[i].error();
        summary.files_rejected++;
        log::warning("berkas ditolak (" + error.code + "): " + file.file->relative);
        BERKAS_TRY(quarantine_file(file.file->path, file.file->relative, m_settings.outbox / "karantina", error.code,
                                   error.message));
        BERKAS_TRY(m_store->record_rejection(
            file.sha256, state::RejectedFile {file.file->relative, error.code, rejection_message(error.code)}));
    }
    return {};
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
    nlohmann::json outcome = result_to_json(result);
    BERKAS_TRY(m_scan_backs.annotate(outcome, result.case_id));
    BERKAS_TRY(write_file_atomic(folder / "result.json", outcome.dump(2) + "\n"));
    BERKAS_TRY(m_store->save_case(result, source.relative, fingerprint, outcome.dump(2)));
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
    result.applicant = understanding::identify_applicant(result.documents, m_rules.documents);
    auto verdict = validation::validate_case(result.documents, result.applicant, m_rules.profile);
    result.status = verdict.status;
    result.requirements = std::move(verdict.requirements);
    result.problems = std::move(verdict.problems);
    return result;
}

Expected<void> Pipeline::write_outputs(CaseResult& result, const std::vector<HashedFile>& files)
{
    std::vector<CaseFile> case_files;
    for (const HashedFile& file : files)
        case_files.push_back(CaseFile {file.file->relative, file.sha256});
    return m_case_documents.write(result, case_files, iso_date(today()));
}

} // namespace berkas::pipeline

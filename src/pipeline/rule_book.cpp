#include "pipeline/rule_book.hpp"

#include "util/file.hpp"
#include "util/hash.hpp"

#include <algorithm>

namespace berkas::pipeline {

namespace fs = std::filesystem;

namespace {

constexpr const char* documents_file = "documents.yaml";

// A required document type that no rule recognises can never be present.
std::optional<std::string> unrecognised_requirement(const understanding::DocumentRules& documents,
                                                    const validation::Profile& profile)
{
    for (DocumentType type : profile.required_documents)
        if (!documents.type_rule(type))
            return std::string(to_string(type));
    return std::nullopt;
}

std::string requirement_error(const fs::path& profile_path, const std::string& type)
{
    return profile_path.string() + ": required document '" + type + "' has no rule in " + documents_file +
           " to recognise it";
}

bool looks_like_document_rules(const fs::path& file, const std::string& text)
{
    return file.filename() == documents_file || text.find("document_types:") != std::string::npos;
}

std::string documents_summary(const understanding::DocumentRules& rules)
{
    return std::to_string(rules.types.size()) + " jenis dokumen, " + std::to_string(rules.fields.size()) + " isian";
}

std::string profile_summary(const validation::Profile& profile)
{
    return "profil " + profile.id + ": " + std::to_string(profile.required_documents.size()) + " dokumen wajib, " +
           std::to_string(profile.sop_steps.size()) + " langkah SOP";
}

void check_document_file(RuleFileReport& report, const std::string& text,
                         std::optional<understanding::DocumentRules>& parsed)
{
    report.kind = RuleFileKind::documents;
    report.errors = understanding::check_document_rules(text, report.file.string());
    if (!report.errors.empty())
        return;
    parsed = *understanding::parse_document_rules(text, report.file.string());
    report.summary = documents_summary(*parsed);
}

void check_profile_file(RuleFileReport& report, const std::string& text,
                        const std::optional<understanding::DocumentRules>& documents)
{
    report.kind = RuleFileKind::profile;
    report.errors = validation::check_profile(text, report.file.string());
    if (!report.errors.empty())
        return;
    auto profile = *validation::parse_profile(text, report.file.string());
    if (documents)
        if (auto type = unrecognised_requirement(*documents, profile))
            report.errors.push_back(Error {"rules", requirement_error(report.file, *type), report.file.string(), {}});
    report.summary = profile_summary(profile);
}

std::optional<understanding::DocumentRules> document_rules_at(const fs::path& path)
{
    auto text = read_file(path);
    if (!text)
        return std::nullopt;
    auto parsed = understanding::parse_document_rules(*text, path.string());
    return parsed ? std::optional(*parsed) : std::nullopt;
}

} // namespace

Expected<RuleBook> load_rule_book(const fs::path& rules_dir, const std::string& profile)
{
    auto documents_path = rules_dir / documents_file;
    auto profile_path = rules_dir / (profile + ".yaml");
    if (profile.empty() || profile.find('/') != std::string::npos || !fs::exists(profile_path))
        return make_error("config", "profile '" + profile + "' not found", profile_path.string());
    std::string documents_text = BERKAS_TRY(read_file(documents_path));
    std::string profile_text = BERKAS_TRY(read_file(profile_path));
    RuleBook book;
    book.documents = BERKAS_TRY(understanding::parse_document_rules(documents_text, documents_path.string()));
    book.profile = BERKAS_TRY(validation::parse_profile(profile_text, profile_path.string()));
    if (auto type = unrecognised_requirement(book.documents, book.profile))
        return tl::unexpected(Error {"rules", requirement_error(profile_path, *type), profile_path.string(), {}});
    book.version = sha256_hex(documents_text + '\0' + profile_text).substr(0, 16);
    return book;
}

std::vector<fs::path> rule_files_in(const fs::path& rules_dir)
{
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::directory_iterator it(rules_dir, error), end; !error && it != end; it.increment(error))
        if (it->path().extension() == ".yaml" && it->path().filename() != documents_file)
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    files.insert(files.begin(), rules_dir / documents_file);
    return files;
}

std::vector<RuleFileReport> check_rule_files(const std::vector<fs::path>& files, const fs::path& rules_dir)
{
    std::vector<RuleFileReport> reports(files.size());
    std::vector<std::string> texts(files.size());
    std::optional<understanding::DocumentRules> documents;
    bool documents_checked = false;
    for (size_t i = 0; i < files.size(); ++i) {
        reports[i].file = files[i];
        auto text = read_file(files[i]);
        if (!text) {
            reports[i].errors.push_back(Error {"rules", files[i].string() + ": cannot read: " + text.error().message,
                                               files[i].string(), {}});
            continue;
        }
        texts[i] = *text;
        if (looks_like_document_rules(files[i], texts[i])) {
            check_document_file(reports[i], texts[i], documents);
            documents_checked = true;
        }
    }
    if (!documents_checked)
        documents = document_rules_at(rules_dir / documents_file);
    for (size_t i = 0; i < files.size(); ++i)
        if (reports[i].errors.empty() && !looks_like_document_rules(files[i], texts[i]))
            check_profile_file(reports[i], texts[i], documents);
    return reports;
}

} // namespace berkas::pipeline

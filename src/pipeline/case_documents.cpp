#include "pipeline/case_documents.hpp"

#include "util/crash_point.hpp"
#include "util/file.hpp"

namespace berkas::pipeline {

namespace fs = std::filesystem;

namespace {

fs::path case_folder(const Settings& settings, const std::string& case_id)
{
    return settings.outbox / "cases" / case_id;
}

void remove_if_present(const fs::path& path)
{
    std::error_code ignored;
    fs::remove(path, ignored);
}

} // namespace

CaseDocuments::CaseDocuments(const Settings& settings, const generation::DocumentRenderer& renderer,
                             state::DocumentRegister& documents)
    : m_settings(settings)
    , m_renderer(renderer)
    , m_documents(documents)
{
}

Expected<void> CaseDocuments::write(CaseResult& result, const std::vector<CaseFile>& files, const std::string& today)
{
    fs::path folder = case_folder(m_settings, result.case_id);
    BERKAS_TRY(ensure_directory(folder));
    bool complete = result.status == CaseStatus::complete;
    IssuedDocument second = complete ? IssuedDocument::recommendation_letter : IssuedDocument::deficiency_notice;
    result.outputs = {file_name(IssuedDocument::verification_sheet), file_name(second)};

    generation::LetterContext sheet {result, m_settings.office, "", today,
                                     thumbnails_for(result, files, m_settings.state / "thumbnails")};
    BERKAS_TRY(write_document(IssuedDocument::verification_sheet, sheet));
    if (!complete) {
        BERKAS_TRY(write_document(IssuedDocument::deficiency_notice, sheet));
        return withdraw_letter(result);
    }
    generation::LetterContext letter = BERKAS_TRY(letter_context(result, today));
    BERKAS_TRY(write_document(IssuedDocument::recommendation_letter, letter));
    crash_point("after_letter_written");
    BERKAS_TRY(m_documents.mark_letter_issued(result.case_id));
    remove_if_present(folder / file_name(IssuedDocument::deficiency_notice));
    return {};
}

Expected<generation::LetterContext> CaseDocuments::letter_context(const CaseResult& result, const std::string& today)
{
    int year = std::stoi(today.substr(0, 4));
    state::LetterNumber number = BERKAS_TRY(m_documents.reserve_letter_number(result.case_id, year, today));
    crash_point("after_letter_number");
    // A letter written again keeps its number and its date, as the agenda book has them.
    std::string formatted = format_letter_number(m_settings.letter_number_format, number.sequence, number.year);
    return generation::LetterContext {result, m_settings.office, formatted, number.date.empty() ? today : number.date};
}

// An incomplete case has no letter. Its number goes back to the sequence unless a
// letter was written with it: one on disk may have been printed already.
Expected<void> CaseDocuments::withdraw_letter(const CaseResult& result)
{
    fs::path letter = case_folder(m_settings, result.case_id) / file_name(IssuedDocument::recommendation_letter);
    std::error_code ignored;
    if (fs::exists(letter, ignored))
        BERKAS_TRY(m_documents.mark_letter_issued(result.case_id));
    remove_if_present(letter);
    return m_documents.release_letter_number(result.case_id);
}

Expected<void> CaseDocuments::write_document(IssuedDocument document, const generation::LetterContext& context)
{
    generation::RenderedDocument rendered = BERKAS_TRY(m_renderer.render(document, context));
    BERKAS_TRY(write_file_atomic(case_folder(m_settings, context.result.case_id) / file_name(document), rendered.pdf));
    return m_documents.record_layout(context.result.case_id, document, rendered.layout);
}

} // namespace berkas::pipeline

#include "model/issued_document.hpp"

namespace berkas {

namespace {

constexpr std::string_view code_prefix = "berkas:case:";

} // namespace

std::string_view file_stem(IssuedDocument document)
{
    switch (document) {
    case IssuedDocument::verification_sheet: return "lembar-verifikasi";
    case IssuedDocument::recommendation_letter: return "surat-rekomendasi";
    case IssuedDocument::deficiency_notice: return "pemberitahuan-kekurangan";
    }
    return "lembar-verifikasi";
}

std::optional<IssuedDocument> issued_document_from_stem(std::string_view stem)
{
    for (IssuedDocument document : all_issued_documents) {
        if (file_stem(document) == stem)
            return document;
    }
    return std::nullopt;
}

std::string file_name(IssuedDocument document) { return std::string(file_stem(document)) + ".pdf"; }

std::string_view indonesian_name(IssuedDocument document)
{
    switch (document) {
    case IssuedDocument::verification_sheet: return "Lembar verifikasi";
    case IssuedDocument::recommendation_letter: return "Surat rekomendasi";
    case IssuedDocument::deficiency_notice: return "Pemberitahuan kekurangan berkas";
    }
    return "Lembar verifikasi";
}

std::string document_code(std::string_view case_id, IssuedDocument document)
{
    return std::string(code_prefix) + std::string(case_id) + ":" + std::string(file_stem(document));
}

std::optional<DocumentCode> parse_document_code(std::string_view payload)
{
    if (payload.substr(0, code_prefix.size()) != code_prefix)
        return std::nullopt;
    std::string_view rest = payload.substr(code_prefix.size());
    DocumentCode code;
    if (size_t colon = rest.rfind(':'); colon != std::string_view::npos) {
        code.document = issued_document_from_stem(rest.substr(colon + 1));
        if (!code.document)
            return std::nullopt;
        rest = rest.substr(0, colon);
    }
    if (rest.empty() || rest.find(':') != std::string_view::npos)
        return std::nullopt;
    code.case_id = std::string(rest);
    return code;
}

} // namespace berkas

#include "validation/validator.hpp"

#include <algorithm>

namespace berkas::validation {

namespace {

bool has_document(const std::vector<Document>& documents, DocumentType type)
{
    return std::any_of(documents.begin(), documents.end(), [type](const Document& d) { return d.type == type; });
}

Problem problem(std::string code)
{
    std::string message = problem_message(code);
    return Problem {std::move(code), std::move(message)};
}

} // namespace

std::string problem_message(std::string_view code)
{
    constexpr std::string_view missing = "missing:";
    if (code.substr(0, missing.size()) == missing) {
        auto type = document_type_from_string(code.substr(missing.size()));
        return std::string(indonesian_name(type.value_or(DocumentType::unknown))) + " tidak ditemukan";
    }
    return "Masalah tidak dikenal: " + std::string(code);
}

Verdict validate_case(const std::vector<Document>& documents, const Applicant&, const Profile& profile)
{
    Verdict verdict;
    for (DocumentType type : profile.required_documents) {
        bool present = has_document(documents, type);
        verdict.requirements.push_back(RequirementCheck {type, present});
        if (!present)
            verdict.problems.push_back(problem("missing:" + std::string(to_string(type))));
    }
    verdict.status = verdict.problems.empty() ? CaseStatus::complete : CaseStatus::incomplete;
    return verdict;
}

} // namespace berkas::validation

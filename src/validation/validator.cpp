#include "validation/validator.hpp"

#include "validation/identity_checks.hpp"
#include "validation/wording.hpp"

#include <algorithm>

namespace berkas::validation {

namespace {

std::vector<const Document*> of_type(const std::vector<Document>& documents, DocumentType type, bool other_person)
{
    std::vector<const Document*> found;
    for (const Document& document : documents)
        if (document.type == type && document.other_person == other_person)
            found.push_back(&document);
    return found;
}

std::string identity_of(const Document& document)
{
    std::string identity;
    auto add = [&](const char* field, const char* label) {
        auto value = document.fields.find(field);
        if (value != document.fields.end())
            identity += std::string(identity.empty() ? "" : ", ") + label + " " + value->second;
    };
    add("nama", "atas nama");
    add("nip", "NIP");
    add("nik", "NIK");
    return identity;
}

Problem other_person_problem(const Document& document, const Applicant& applicant)
{
    std::string message = where(document) + " " + identity_of(document) + " bukan milik pemohon";
    if (applicant.nama)
        message += " (" + name_without_titles(applicant.nama->value) + ")";
    message += "; dokumen ini tidak dihitung untuk pemohon";
    return Problem {"other_person:" + std::string(to_string(document.type)), message};
}

// A present document none of whose copies has every key field.
std::optional<Problem> unreadable_problem(const std::vector<const Document*>& copies)
{
    for (const Document* copy : copies)
        if (copy->unread_key_fields.empty())
            return std::nullopt;
    const Document& first = *copies.front();
    std::string fields;
    for (const std::string& field : first.unread_key_fields)
        fields += (fields.empty() ? "" : " dan ") + field_label(field);
    return Problem {"unreadable:" + std::string(to_string(first.type)),
                    where(first) + ": " + fields + " tidak terbaca; pindai ulang dokumen ini dengan lebih jelas"};
}

void check_documents(const std::vector<Document>& documents, const Applicant& applicant, const Profile& profile,
                     Verdict& verdict)
{
    for (DocumentType type : profile.required_documents) {
        auto own = of_type(documents, type, false);
        verdict.requirements.push_back(RequirementCheck {type, !own.empty()});
        if (own.empty() && of_type(documents, type, true).empty())
            verdict.problems.push_back(Problem {"missing:" + std::string(to_string(type)),
                                                problem_message("missing:" + std::string(to_string(type)))});
        if (!own.empty() && profile.checks.readable_documents)
            if (auto problem = unreadable_problem(own))
                verdict.problems.push_back(*problem);
    }
    for (const Document& document : documents)
        if (document.other_person)
            verdict.problems.push_back(other_person_problem(document, applicant));
}

std::string after_prefix(std::string_view code, std::string_view prefix)
{
    return code.substr(0, prefix.size()) == prefix ? std::string(code.substr(prefix.size())) : std::string();
}

std::string_view document_name(const std::string& type_name)
{
    return indonesian_name(document_type_from_string(type_name).value_or(DocumentType::unknown));
}

} // namespace

std::string problem_message(std::string_view code)
{
    if (auto type = after_prefix(code, "missing:"); !type.empty())
        return std::string(document_name(type)) + " tidak ditemukan";
    if (auto type = after_prefix(code, "unreadable:"); !type.empty())
        return std::string(document_name(type)) + " ada, tetapi data utamanya tidak terbaca";
    if (auto type = after_prefix(code, "other_person:"); !type.empty())
        return std::string(document_name(type)) + " milik orang lain";
    if (code == "nik_invalid") return "Susunan NIK tidak sah";
    if (code == "nip_invalid") return "Susunan NIP tidak sah";
    if (code == "nik_nip_birthdate_mismatch") return "Tanggal lahir menurut NIK dan NIP berbeda";
    if (code == "nik_nip_gender_mismatch") return "Jenis kelamin menurut NIK dan NIP berbeda";
    if (code == "nip_mismatch") return "NIP tidak sama di semua dokumen";
    if (code == "nik_mismatch") return "NIK tidak sama di semua dokumen";
    if (code == "name_mismatch") return "Nama pemohon tidak sama di semua dokumen";
    if (code == "email_missing") return "Alamat email dinas tidak ditemukan";
    if (code == "email_not_go_id") return "Alamat email bukan email dinas berdomain .go.id";
    if (code == "sk_outdated") return "SK terakhir sudah terlalu lama";
    return "Masalah tidak dikenal: " + std::string(code);
}

Verdict validate_case(const std::vector<Document>& documents, const Applicant& applicant, const Profile& profile,
                      const CivilDate& today)
{
    Verdict verdict;
    check_documents(documents, applicant, profile, verdict);
    CaseView view {documents, applicant, profile, today};
    check_identifier_structure(view, verdict.problems);
    check_nik_against_nip(view, verdict.problems);
    check_same_identity(view, verdict.problems);
    check_email(view, verdict.problems);
    check_sk_age(view, verdict.problems);
    verdict.status = verdict.problems.empty() ? CaseStatus::complete : CaseStatus::incomplete;
    return verdict;
}

} // namespace berkas::validation

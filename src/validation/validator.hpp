#pragma once
// Checks a case against its office's profile. Pure: the case's documents and
// applicant in, the requirement checks and problems out.
//
// Problem codes (stable; result.json → problems[].code):
//   missing:<type>              a required document is not in the case
//   other_person:<type>         a document carries another person's NIP or NIK
//   unreadable:<type>           a required document whose key fields cannot be read
//   nik_invalid, nip_invalid    the identifier's structure is impossible (DOMAIN.md §3)
//   nik_nip_birthdate_mismatch  NIK and NIP give different birth dates
//   nik_nip_gender_mismatch     NIK and NIP give different genders
//   nip_mismatch, nik_mismatch  the documents carry different NIPs / NIKs
//   name_mismatch               the documents name the applicant differently (titles stripped, fuzzy)
//   email_missing               no e-mail address, when the profile requires one
//   email_not_go_id             the e-mail address is not on a .go.id domain
//   sk_outdated                 the latest SK is older than the profile allows
// Every message is Indonesian and names the document (file and page) and the field.
#include "model/case_result.hpp"
#include "model/identity.hpp"
#include "validation/profile.hpp"

namespace berkas::validation {

struct Verdict {
    CaseStatus status = CaseStatus::incomplete;
    std::vector<RequirementCheck> requirements;
    std::vector<Problem> problems;
};

// `today` dates the SK freshness check and bounds the NIP's TMT.
Verdict validate_case(const std::vector<Document>& documents, const Applicant& applicant, const Profile& profile,
                      const CivilDate& today);

// The general Indonesian sentence for a problem code, e.g. "missing:ktp" →
// "Fotokopi KTP tidak ditemukan" (problems found in a case carry a more precise one).
std::string problem_message(std::string_view code);

} // namespace berkas::validation

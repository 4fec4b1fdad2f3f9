#pragma once
// The checks on who the applicant is: each identifier's structure, NIK and
// NIP against each other, the same NIP, NIK and name on every document, the
// e-mail address and the SK's age. Each appends the problems it finds.
#include "model/case_result.hpp"
#include "model/identity.hpp"
#include "validation/profile.hpp"

#include <vector>

namespace berkas::validation {

struct CaseView {
    const std::vector<Document>& documents; // other people's documents included; the checks skip them
    const Applicant& applicant;
    const Profile& profile;
    CivilDate today;
};

void check_identifier_structure(const CaseView& view, std::vector<Problem>& problems);
void check_nik_against_nip(const CaseView& view, std::vector<Problem>& problems);
void check_same_identity(const CaseView& view, std::vector<Problem>& problems);
void check_email(const CaseView& view, std::vector<Problem>& problems);
void check_sk_age(const CaseView& view, std::vector<Problem>& problems);

} // namespace berkas::validation

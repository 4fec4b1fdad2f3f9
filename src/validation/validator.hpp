#pragma once
// Checks a case against its office's profile. Pure: the case's documents and
// applicant in, the requirement checks and problems out.
#include "model/case_result.hpp"
#include "validation/profile.hpp"

namespace berkas::validation {

struct Verdict {
    CaseStatus status = CaseStatus::incomplete;
    std::vector<RequirementCheck> requirements;
    std::vector<Problem> problems;
};

Verdict validate_case(const std::vector<Document>& documents, const Applicant& applicant, const Profile& profile);

// The Indonesian sentence for a problem code, e.g. "missing:ktp" → "Fotokopi KTP tidak ditemukan".
std::string problem_message(std::string_view code);

} // namespace berkas::validation

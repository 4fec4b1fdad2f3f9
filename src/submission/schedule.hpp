#pragma once
// The parts of an office profile (rules/<profile>.yaml) that concern the time
// after approval: the SOP's standard times (mutu baku) per step, how long a
// certificate is valid and how early its renewal falls due. Every key is
// optional; a profile without them gets the defaults below.
//
//   sop_steps:
//     - {step: verification, standard_minutes: 15, activity: "Verifikator memeriksa kelengkapan berkas"}
//     - {step: registered, standard_minutes: 20, activity: "Mendaftarkan pemohon di AMS"}
//   certificate_validity_years: 2
//   renewal_notice_days: 30
#include "util/expected.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::submission {

// "verification" is the time from the case's first evaluation to the
// verifier's decision; every other step is a lifecycle step, timed from the
// step before it.
inline constexpr const char* verification_step = "verification";

struct SopStep {
    std::string step;
    int standard_minutes = 0;
    std::string activity;
};

struct Schedule {
    std::vector<SopStep> steps;
    int certificate_validity_years = 2; // DOMAIN.md §4.3: "2 years" is unverified; the SOP of Muara Enim states it
    int renewal_notice_days = 30;

    // The standard time of a step: the sum of the SOP rows that name it
    // (an SOP often splits one step into several activities).
    std::optional<int> standard_minutes(std::string_view step) const;
    // The activities of a step, joined, for the report.
    std::string activities(std::string_view step) const;
};

// `source_name` appears in errors as "source_name:line:col: message".
Expected<Schedule> parse_schedule(std::string_view profile_yaml, std::string_view source_name);

} // namespace berkas::submission

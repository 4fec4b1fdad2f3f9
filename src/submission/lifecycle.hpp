#pragma once
// The certificate's life after the verifier's approval, as the offices' SOPs
// describe it (DOMAIN.md §1.3, /work/shared/seeds): berkas or the verifier
// submits the application to BSrE's AMS, the applicant is registered and gets
// the activation e-mail, the verifier checks the identity, the applicant sets
// the passphrase in person, BSrE issues the certificate, the office hands it
// over; later it may be revoked, and before it expires it must be renewed.
// Pure: the allowed steps are one table, and every refusal is a sentence a
// verifier can act on.
#include "util/dates.hpp"
#include "util/expected.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::submission {

enum class Step {
    submitted,
    registered,
    activation_sent,
    identity_verified,
    passphrase_set,
    issued,
    delivered,
    rejected,
    revoked,
    renewal_due,
};

inline constexpr Step all_steps[] = {Step::submitted,      Step::registered, Step::activation_sent,
                                     Step::identity_verified, Step::passphrase_set, Step::issued,
                                     Step::delivered,      Step::rejected,   Step::revoked,
                                     Step::renewal_due};

// The steps of a normal issuance, in order (for the SOP timing report).
inline constexpr Step issuance_path[] = {Step::submitted,         Step::registered,     Step::activation_sent,
                                         Step::identity_verified, Step::passphrase_set, Step::issued,
                                         Step::delivered};

const char* to_string(Step step);                  // "activation_sent"
std::optional<Step> step_from_string(std::string_view name);
const char* label(Step step);                      // Indonesian: "email aktivasi terkirim"

// The steps allowed after `current`; nullopt is a case approved and not yet submitted.
std::vector<Step> allowed_after(std::optional<Step> current);

// Refuses a step the SOP does not allow after `current`, naming the ones it does.
Expected<void> check_transition(std::optional<Step> current, Step next);

// What `berkas mark` was given besides the step.
struct StepDetails {
    std::string note;
    std::string serial;    // issued only
    std::string issued_on; // issued only, YYYY-MM-DD
};

// Checks the details that belong to a step: issued needs the certificate's
// serial and issue date (not in the future), rejected needs a reason, and
// passphrase_set takes nothing at all — berkas records only that the applicant
// set it, never anything that could be the passphrase.
Expected<void> check_details(Step step, const StepDetails& details, DayNumber today);

struct CertificateDates {
    DayNumber issued_on = 0;
    DayNumber expires_on = 0;
    DayNumber renewal_due_on = 0;
};

// Expiry = issue date + validity; renewal falls due `notice_days` before it.
CertificateDates certificate_dates(DayNumber issued_on, int validity_years, int notice_days);

} // namespace berkas::submission

#pragma once
// An office's profile (rules/<name>.yaml): the documents its SOP requires,
// which checks it applies, and the SOP's steps with their standard times.
#include "model/document_type.hpp"
#include "util/expected.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::validation {

// Each check can be switched off by an office whose SOP does not ask for it.
// A missing document and a document about someone else are always reported.
struct Checks {
    bool nik_structure = true;     // nik_invalid
    bool nip_structure = true;     // nip_invalid
    bool nik_nip_birthdate = true; // nik_nip_birthdate_mismatch
    bool nik_nip_gender = true;    // nik_nip_gender_mismatch
    bool same_nip = true;          // nip_mismatch
    bool same_nik = true;          // nik_mismatch
    bool same_name = true;         // name_mismatch
    bool readable_documents = true; // unreadable:<type>
    bool email_go_id = true;       // email_not_go_id
    bool email_required = false;   // email_missing
    std::optional<int> sk_max_age_years; // sk_outdated; unset = not checked
};

// The steps of an application, in order, as the submission queue tracks them
// (submission/lifecycle.hpp): `verification` is the office's own work from the
// application's arrival to the verifier's decision (dispositions, the
// completeness check, letters); `submitted` is the entry at BSrE's AMS; the rest
// follow at BSrE and with the applicant. A SOP step names the state its
// activity leads to.
inline constexpr std::array<std::string_view, 8> lifecycle_states {
    "verification", "submitted", "registered", "activation_sent", "identity_verified", "passphrase_set", "issued",
    "delivered"};

struct SopStep {
    std::string step;     // one of lifecycle_states
    std::string activity; // as the SOP words it (optional)
    std::string actor;    // pelaksana, e.g. "Verifikator"
    int standard_minutes = 0; // mutu baku
};

struct Profile {
    std::string id;   // file stem, e.g. "pontianak"
    std::string name; // shown to people
    std::string sop;  // the SOP it follows, e.g. "SOP Penerbitan Sertifikat Elektronik (000.8.3.3/26/SP-B/2023)"
    std::vector<DocumentType> required_documents;
    Checks checks;
    std::vector<SopStep> sop_steps;
    int certificate_validity_years = 2;
    int renewal_notice_days = 30;

    // The standard minutes of every SOP activity that leads to `state`.
    int standard_minutes_to(std::string_view state) const;
};

// `source_name` appears in errors as "source_name:line:col: message"; the
// profile id must equal its file stem.
Expected<Profile> parse_profile(std::string_view yaml_text, std::string_view source_name);

// Every error in the file (for `berkas rules check`).
std::vector<Error> check_profile(std::string_view yaml_text, std::string_view source_name);

} // namespace berkas::validation

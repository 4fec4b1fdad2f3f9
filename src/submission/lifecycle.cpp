#include "submission/lifecycle.hpp"

#include <algorithm>

namespace berkas::submission {

namespace {

struct StepNames {
    Step step;
    const char* code;
    const char* label;
};

constexpr StepNames names[] = {
    {Step::submitted, "submitted", "diajukan ke BSrE"},
    {Step::registered, "registered", "terdaftar di AMS"},
    {Step::activation_sent, "activation_sent", "email aktivasi terkirim"},
    {Step::identity_verified, "identity_verified", "identitas terverifikasi"},
    {Step::passphrase_set, "passphrase_set", "passphrase diatur pemohon"},
    {Step::issued, "issued", "sertifikat terbit"},
    {Step::delivered, "delivered", "sertifikat diserahkan"},
    {Step::rejected, "rejected", "ditolak"},
    {Step::revoked, "revoked", "sertifikat dicabut"},
    {Step::renewal_due, "renewal_due", "perlu diperpanjang"},
};

struct Transition {
    std::optional<Step> from;
    std::vector<Step> to;
};

// The SOPs' order. Any step before issuance may end in a rejection (BSrE's RA
// or the verifier refuses); an issued certificate may be handed over, revoked,
// or fall due for renewal; renewal follows the issuance flow again from
// "submitted" (DOMAIN.md §1.3: "Renewal uses the same flow").
const std::vector<Transition>& transitions()
{
    static const std::vector<Transition> table = {
        {std::nullopt, {Step::submitted}},
        {Step::submitted, {Step::registered, Step::rejected}},
        {Step::registered, {Step::activation_sent, Step::rejected}},
        {Step::activation_sent, {Step::identity_verified, Step::rejected}},
        {Step::identity_verified, {Step::passphrase_set, Step::rejected}},
        {Step::passphrase_set, {Step::issued, Step::rejected}},
        {Step::issued, {Step::delivered, Step::revoked, Step::renewal_due}},
        {Step::delivered, {Step::revoked, Step::renewal_due}},
        {Step::renewal_due, {Step::submitted, Step::revoked}},
        {Step::rejected, {}},
        {Step::revoked, {}},
    };
    return table;
}

std::string describe(std::optional<Step> step)
{
    if (!step)
        return "disetujui, belum diajukan";
    return std::string(label(*step)) + " (" + to_string(*step) + ")";
}

std::string list_steps(const std::vector<Step>& steps)
{
    std::string text;
    for (Step step : steps)
        text += (text.empty() ? "" : ", ") + std::string(to_string(step));
    return text;
}

} // namespace

const char* to_string(Step step)
{
    for (const StepNames& entry : names) {
        if (entry.step == step)
            return entry.code;
    }
    return "?";
}

const char* label(Step step)
{
    for (const StepNames& entry : names) {
        if (entry.step == step)
            return entry.label;
    }
    return "?";
}

std::optional<Step> step_from_string(std::string_view name)
{
    for (const StepNames& entry : names) {
        if (name == entry.code)
            return entry.step;
    }
    return std::nullopt;
}

std::vector<Step> allowed_after(std::optional<Step> current)
{
    for (const Transition& transition : transitions()) {
        if (transition.from == current)
            return transition.to;
    }
    return {};
}

Expected<void> check_transition(std::optional<Step> current, Step next)
{
    std::vector<Step> allowed = allowed_after(current);
    if (std::find(allowed.begin(), allowed.end(), next) != allowed.end())
        return {};
    std::string message = "langkah '" + std::string(to_string(next)) + "' tidak diizinkan SOP setelah status " +
                          describe(current);
    message += allowed.empty() ? "; status ini adalah akhir proses" : "; yang diizinkan: " + list_steps(allowed);
    return make_error("transition", message);
}

Expected<void> check_details(Step step, const StepDetails& details, DayNumber today)
{
    bool has_certificate = !details.serial.empty() || !details.issued_on.empty();
    if (step != Step::issued && has_certificate)
        return make_error("usage", "--serial dan --issued hanya untuk langkah 'issued'");
    if (step == Step::passphrase_set && !details.note.empty())
        return make_error("usage", "langkah 'passphrase_set' tidak menerima catatan: berkas hanya mencatat bahwa "
                                   "pemohon sendiri telah mengatur passphrase, tidak pernah isinya");
    if (step == Step::rejected && details.note.empty())
        return make_error("usage", "langkah 'rejected' memerlukan alasan penolakan (--note \"...\")");
    if (step != Step::issued)
        return {};
    if (details.serial.empty() || details.issued_on.empty())
        return make_error("usage", "langkah 'issued' memerlukan nomor seri sertifikat (--serial) dan tanggal terbit "
                                   "(--issued YYYY-MM-DD)");
    auto issued_on = parse_day(details.issued_on);
    if (!issued_on)
        return make_error("usage", "tanggal terbit harus berbentuk YYYY-MM-DD, bukan '" + details.issued_on + "'");
    if (*issued_on > today)
        return make_error("usage", "tanggal terbit " + details.issued_on + " belum tiba");
    return {};
}

CertificateDates certificate_dates(DayNumber issued_on, int validity_years, int notice_days)
{
    DayNumber expires_on = add_years(issued_on, validity_years);
    return CertificateDates {issued_on, expires_on, expires_on - notice_days};
}

} // namespace berkas::submission

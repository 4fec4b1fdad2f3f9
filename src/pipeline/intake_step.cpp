#include "pipeline/intake_step.hpp"

#include "util/crash_point.hpp"
#include "util/file.hpp"
#include "util/log.hpp"

#include <map>
#include <sys/statvfs.h>

namespace berkas::pipeline {

namespace fs = std::filesystem;

namespace {

state::FileIdentity identity_of(const intake::SpooledCopy& copy)
{
    return state::FileIdentity {copy.device, copy.inode, copy.size, copy.mtime_ns};
}

state::FileIdentity identity_of(const intake::InboxFile& file)
{
    return state::FileIdentity {file.device, file.inode, file.size, file.mtime_ns};
}

intake::SpooledCopy copy_of(const state::Claim& claim, const fs::path& spool)
{
    return intake::SpooledCopy {claim.sha256,          spool / claim.sha256,  claim.identity.device,
                                claim.identity.inode,  claim.identity.size,   claim.identity.mtime_ns};
}

void remove_temporary_outputs(const fs::path& outbox)
{
    std::error_code error;
    for (fs::recursive_directory_iterator it(outbox, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error) && it->path().filename().string().find(".tmp.") != std::string::npos)
            fs::remove(it->path(), error);
    }
}

bool transient(const Error& error)
{
    return error.code == "busy" || error.code == "no_space" || error.code == "permission" || error.code == "io" ||
           error.code == "changed";
}

} // namespace

IntakeStep::IntakeStep(const Settings& settings, state::IntakeLedger& ledger)
    : m_settings(settings), m_ledger(ledger), m_spool(settings.state / "spool")
{
}

Expected<void> IntakeStep::recover()
{
    BERKAS_TRY(ensure_directory(m_spool / "tmp"));
    intake::clean_spool_leftovers(m_spool);
    remove_temporary_outputs(m_settings.outbox);
    for (auto& [sha256, attempts] : BERKAS_TRY(m_ledger.requeue_interrupted()))
        log::warning("pembacaan terputus, diantrekan lagi (percobaan ke-" + std::to_string(attempts) + ")");
    for (const state::Claim& claim : BERKAS_TRY(m_ledger.claims_with_original_pending()))
        BERKAS_TRY(settle_original(claim, copy_of(claim, m_spool)));
    return {};
}

bool IntakeStep::enough_free_space() const
{
    struct statvfs info {};
    if (::statvfs(m_settings.state.c_str(), &info) != 0)
        return true;
    std::uint64_t free_bytes = static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
    return free_bytes >= m_settings.intake.min_free_bytes;
}

void IntakeStep::report_odd_entries(const intake::InboxListing& listing)
{
    for (const intake::OddEntry& odd : listing.odd_entries) {
        if (m_reported.insert("odd:" + odd.relative).second)
            log::warning("diabaikan (" + odd.kind + ", tidak diikuti): " + intake::printable_name(odd.relative));
    }
}

Expected<IntakeSummary> IntakeStep::claim(const intake::InboxListing& listing, intake::StabilityTracker* tracker)
{
    IntakeSummary summary;
    report_odd_entries(listing);
    if (!enough_free_space()) {
        if (m_reported.insert("disk").second)
            log::warning("ruang disk hampir habis; penerimaan berkas dijeda sampai ruang tersedia");
        summary.paused = true;
        return summary;
    }
    m_reported.erase("disk");
    for (const intake::CaseSource& source : listing.cases) {
        if (!ready(source, tracker, summary))
            continue;
        for (const intake::InboxFile& file : source.files)
            BERKAS_TRY(claim_file(file, source.relative, summary));
    }
    return summary;
}

bool IntakeStep::ready(const intake::CaseSource& source, intake::StabilityTracker* tracker, IntakeSummary& summary)
{
    intake::ReadinessPolicy policy {m_settings.stability_delay, m_settings.intake.young_age, tracker == nullptr};
    intake::StabilityTracker immediate(std::chrono::milliseconds(0));
    bool all_ready = true;
    for (const intake::InboxFile& file : source.files) {
        auto verdict = intake::assess(file, tracker ? *tracker : immediate, intake::StabilityTracker::Clock::now(),
                                      policy);
        // An empty placeholder is never ready; filled later, it is.
        all_ready = all_ready && verdict == intake::Readiness::ready; // assess every file: it starts their clocks
    }
    if (!all_ready)
        summary.waiting++;
    return all_ready;
}

Expected<void> IntakeStep::claim_file(const intake::InboxFile& file, const std::string& case_key,
                                      IntakeSummary& summary)
{
    if (BERKAS_TRY(m_ledger.already_claimed(file.relative, identity_of(file))))
        return {}; // an original kept in place, taken before
    auto copy = intake::copy_into_spool(file.path, m_spool);
    if (!copy) {
        if (!transient(copy.error()) && copy.error().code != "not_regular")
            return tl::unexpected(copy.error());
        if (m_reported.insert("claim:" + file.relative + copy.error().code).second)
            log::warning("belum dapat diambil, dicoba lagi nanti (" + copy.error().code + "): " +
                         intake::printable_name(file.relative));
        summary.waiting++;
        return {};
    }
    crash_point("after_spool_copy");
    state::Claim claim = BERKAS_TRY(m_ledger.record_claim(copy->sha256, file.relative, case_key, identity_of(*copy)));
    crash_point("after_claim");
    if (claim.duplicate_of) {
        summary.duplicates++;
        log::info("duplikat (isi sama dengan berkas yang sudah diterima): " + intake::printable_name(file.relative));
    } else {
        summary.claimed++;
        log::info("diterima: " + intake::printable_name(file.relative));
    }
    return settle_original(claim, *copy);
}

Expected<void> IntakeStep::settle_original(const state::Claim& claim, const intake::SpooledCopy& copy)
{
    if (m_settings.intake.keep_originals)
        return m_ledger.set_original(claim.id, "kept");
    fs::path original = m_settings.inbox / claim.source;
    if (!fs::exists(fs::symlink_status(original))) // archived before a crash, or taken away by a person
        return m_ledger.set_original(claim.id, "archived");
    auto archived = intake::archive_original(original, claim.source, copy, m_settings.intake.archive_dir);
    if (!archived) {
        // The original changed after the copy: it stays, and will be claimed again as new content.
        log::warning("berkas asli tidak diarsipkan: " + archived.error().message);
        return m_ledger.set_original(claim.id, "kept");
    }
    return m_ledger.set_original(claim.id, "archived");
}

Expected<std::vector<intake::CaseSource>> IntakeStep::claimed_cases()
{
    std::map<std::string, intake::CaseSource> cases;
    for (const state::Claim& claim : BERKAS_TRY(m_ledger.active_claims())) {
        intake::CaseSource& source = cases[claim.case_key];
        source.case_id = intake::case_id_for(claim.case_key);
        source.relative = claim.case_key;
        intake::InboxFile file;
        file.path = m_spool / claim.sha256;
        file.relative = claim.source;
        file.size = claim.identity.size;
        file.sha256 = claim.sha256;
        source.files.push_back(std::move(file));
    }
    std::vector<intake::CaseSource> list;
    for (auto& [key, source] : cases)
        list.push_back(std::move(source));
    return list;
}

} // namespace berkas::pipeline

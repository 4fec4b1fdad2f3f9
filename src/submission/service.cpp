#include "submission/service.hpp"

#include "state/intake_ledger.hpp"

#include "util/crash_point.hpp"
#include "submission/package.hpp"
#include "util/dates.hpp"
#include "util/log.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <csignal>
#include <thread>
#include <unistd.h>

namespace berkas::submission {

namespace fs = std::filesystem;

namespace {

constexpr std::time_t package_retry_seconds = 300;

bool process_is_alive(int pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

std::string digits_of(const std::string& text)
{
    std::string digits;
    std::copy_if(text.begin(), text.end(), std::back_inserter(digits), [](char c) { return c >= '0' && c <= '9'; });
    return digits;
}

tl::unexpected<Error> refuse(std::string message)
{
    return make_error("usage", std::move(message));
}

} // namespace

std::string verifier_actor(const std::string& nip) { return "verifier:" + mask_identifiers(digits_of(nip)); }

SubmissionService::SubmissionService(ServiceSettings settings, state::Store& store, state::SubmissionLedger ledger,
                                     Clock clock, std::unique_ptr<HttpTransport> http)
    : m_settings(std::move(settings))
    , m_store(store)
    , m_ledger(std::move(ledger))
    , m_clock(std::move(clock))
    , m_http(std::move(http))
{
}

Expected<std::unique_ptr<SubmissionService>> SubmissionService::open(ServiceSettings settings, state::Store& store,
                                                                     Clock clock)
{
    std::unique_ptr<HttpTransport> http;
    if (settings.transport.kind == TransportKind::http)
        http = BERKAS_TRY(HttpTransport::create(settings.transport));
    auto ledger = BERKAS_TRY(state::SubmissionLedger::attach(store));
    std::unique_ptr<SubmissionService> service(
        new SubmissionService(std::move(settings), store, std::move(ledger), std::move(clock), std::move(http)));
    int recovered = BERKAS_TRY(service->m_ledger.recover_interrupted(process_is_alive, service->now_text()));
    if (recovered > 0)
        log::warning(std::to_string(recovered) + " pengiriman terputus dipulihkan; dikirim ulang dengan kunci yang sama");
    return service;
}

std::string SubmissionService::now_text() const { return format_utc_timestamp(m_clock()); }

void SubmissionService::warn_once(const std::string& key, const std::string& message)
{
    if (m_warned.insert(key + '\n' + message).second)
        log::warning(message);
}

Expected<std::optional<std::string>> SubmissionService::approval_blocked(const std::string& case_id)
{
    auto record = BERKAS_TRY(m_ledger.case_record(case_id));
    if (!record)
        return std::optional<std::string>("kasus '" + case_id + "' tidak dikenal");
    if (record->status != "complete")
        return std::optional<std::string>("kasus " + case_id + " belum lengkap; hanya kasus lengkap yang dapat disetujui");
    auto returned = BERKAS_TRY(m_ledger.fingerprint_at_last_return(case_id));
    if (returned && *returned == record->fingerprint)
        return std::optional<std::string>("kasus " + case_id + " dikembalikan ke pemohon dan belum ada dokumen baru "
                                          "sejak itu; tambahkan dokumen yang diminta ke foldernya di inbox");
    return std::optional<std::string>();
}

Expected<std::string> SubmissionService::identify_verifier(const std::string& verifier_nip) const
{
    std::string nip = digits_of(verifier_nip);
    if (nip.size() != 18 || nip.size() != verifier_nip.size())
        return refuse("NIP verifikator harus 18 angka");
    const auto& known = m_settings.verifier_nips;
    if (!known.empty() && std::find(known.begin(), known.end(), nip) == known.end())
        return refuse("NIP " + mask_identifiers(nip) + " bukan verifikator kantor ini (office.verifiers di berkas.yaml)");
    return verifier_actor(nip);
}

Expected<bool> SubmissionService::approve(const std::string& case_id, const std::string& verifier_nip,
                                          const std::string& note)
{
    std::string actor = BERKAS_TRY(identify_verifier(verifier_nip));
    if (auto blocked = BERKAS_TRY(approval_blocked(case_id)))
        return refuse(*blocked);
    if (BERKAS_TRY(m_ledger.has_effective_approval(case_id)))
        return false;
    BERKAS_TRY(m_store.record_decision(state::Decision {case_id, "approved", actor, trim(note), {}}));
    log::info("kasus " + case_id + " disetujui oleh " + actor);
    return true;
}

Expected<void> SubmissionService::return_case(const std::string& case_id, const std::string& reason,
                                              const std::string& actor)
{
    if (trim(reason).empty())
        return refuse("pengembalian memerlukan alasan (--reason \"...\")");
    auto record = BERKAS_TRY(m_ledger.case_record(case_id));
    if (!record)
        return refuse("kasus '" + case_id + "' tidak dikenal");
    auto entry = BERKAS_TRY(m_ledger.entry(case_id));
    bool in_flight = entry && (entry->state == "sending" || entry->state == "sent");
    if (in_flight || BERKAS_TRY(m_ledger.current_step(case_id)))
        return refuse("kasus " + case_id + " sudah diajukan ke BSrE; catat penolakan dengan: berkas mark " + case_id +
                          " rejected --note \"...\"");
    BERKAS_TRY(m_store.record_decision(state::Decision {case_id, "returned", actor, trim(reason), {}}));
    BERKAS_TRY(m_ledger.record_return(case_id, record->fingerprint, now_text()));
    if (entry) {
        BERKAS_TRY(m_ledger.remove_entry(case_id));
        std::error_code ignored;
        fs::remove_all(entry->package, ignored); // a returned case must not be entered into AMS
    }
    log::info("kasus " + case_id + " dikembalikan ke pemohon oleh " + actor);
    return {};
}

Expected<void> SubmissionService::mark(const std::string& case_id, Step step, const StepDetails& details,
                                       const std::string& actor)
{
    if (!BERKAS_TRY(m_ledger.case_record(case_id)))
        return refuse("kasus '" + case_id + "' tidak dikenal");
    if (!BERKAS_TRY(m_ledger.has_effective_approval(case_id)))
        return refuse("kasus " + case_id + " belum disetujui verifikator (berkas approve)");
    auto entry = BERKAS_TRY(m_ledger.entry(case_id));
    if (!entry)
        return refuse("kasus " + case_id + " belum masuk antrean pengajuan; periksa peringatan paketnya");
    auto current_name = BERKAS_TRY(m_ledger.current_step(case_id));
    std::optional<Step> current = current_name ? step_from_string(*current_name) : std::nullopt;
    BERKAS_TRY(check_transition(current, step));
    std::time_t now = m_clock();
    BERKAS_TRY(check_details(step, details, local_day(now)));
    bool by_hand = step == Step::submitted && !current;
    if (by_hand && entry->state != "waiting" && entry->state != "failed")
        return refuse("kasus " + case_id + " dikirim otomatis lewat HTTP (status antrean: " + entry->state +
                          "); tunggu pengirimannya atau lihat: berkas queue");
    std::optional<state::Certificate> certificate;
    if (step == Step::issued) {
        auto dates = certificate_dates(*parse_day(details.issued_on), m_settings.schedule.certificate_validity_years,
                                       m_settings.schedule.renewal_notice_days);
        certificate = state::Certificate {case_id, trim(details.serial), format_day(dates.issued_on),
                                          format_day(dates.expires_on), format_day(dates.renewal_due_on), {}};
    }
    state::LifecycleEvent event {case_id, to_string(step), actor, trim(details.note), format_utc_timestamp(now)};
    BERKAS_TRY(m_ledger.record_step(event, certificate, by_hand));
    log::info("kasus " + case_id + ": " + label(step) + " (dicatat oleh " + actor + ")");
    return {};
}

Expected<bool> SubmissionService::retry(const std::string& case_id) { return m_ledger.retry_failed(case_id, now_text()); }

Expected<FollowUpSummary> SubmissionService::follow_up()
{
    FollowUpSummary summary;
    BERKAS_TRY(queue_approved(summary));
    BERKAS_TRY(send_due(summary));
    BERKAS_TRY(mark_renewals_due(summary));
    return summary;
}

Expected<void> SubmissionService::queue_approved(FollowUpSummary& summary)
{
    for (const std::string& case_id : BERKAS_TRY(m_ledger.approved_without_entry())) {
        if (auto blocked = BERKAS_TRY(approval_blocked(case_id))) {
            BERKAS_TRY(m_ledger.ignore_latest_approval(case_id, *blocked, now_text()));
            log::warning("persetujuan kasus " + case_id + " tidak berlaku: " + *blocked);
            continue;
        }
        auto failed_at = m_build_failed_at.find(case_id);
        if (failed_at != m_build_failed_at.end() && m_clock() - failed_at->second < package_retry_seconds)
            continue;
        if (auto queued = queue_case(case_id); !queued) {
            m_build_failed_at[case_id] = m_clock();
            warn_once(case_id, "paket kasus " + case_id + " belum dapat dibuat: " + queued.error().describe());
            continue;
        }
        m_build_failed_at.erase(case_id);
        summary.queued++;
    }
    return {};
}

Expected<fs::path> SubmissionService::build_package_of(const std::string& case_id, const std::string& transport)
{
    auto record = BERKAS_TRY(m_ledger.case_record(case_id));
    auto decisions = BERKAS_TRY(m_store.decisions(case_id));
    if (!record || decisions.empty())
        return make_error("package", "kasus " + case_id + " tidak dikenal atau belum diputuskan");
    const state::Decision& approval = decisions.back();
    fs::path target = m_settings.outbox / "bsre" / case_id;
    auto ledger = BERKAS_TRY(state::IntakeLedger::open(m_store));
    auto locate = [&](const std::string& source) -> std::optional<fs::path> {
        auto content = ledger.content_of(source);
        if (content && *content && fs::exists(m_settings.spool / **content))
            return m_settings.spool / **content;
        if (fs::exists(m_settings.inbox / source)) // not claimed through intake (an older state)
            return m_settings.inbox / source;
        return std::nullopt;
    };
    PackageRequest request {case_id, record->result_json, locate, m_settings.outbox / "cases" / case_id,
                            target, approval.actor, approval.at, transport, now_text()};
    BERKAS_TRY(build_package(request, m_settings.merge_limits));
    return target;
}

// The package first, then the queue entry that points at it ("effect, then
// record"): a crash in between leaves a package that the next run rebuilds.
Expected<void> SubmissionService::queue_case(const std::string& case_id)
{
    const char* transport = to_string(m_settings.transport.kind);
    fs::path target = BERKAS_TRY(build_package_of(case_id, transport));
    std::string now = now_text();
    crash_point("after_package_before_queue");
    bool by_hand = m_settings.transport.kind == TransportKind::folder;
    state::QueueEntry entry;
    entry.case_id = case_id;
    entry.transport = transport;
    entry.state = by_hand ? "waiting" : "pending";
    entry.next_attempt_at = now;
    entry.package = target.string();
    entry.created_at = now;
    BERKAS_TRY(m_ledger.add_entry(entry));
    log::info("kasus " + case_id + ": paket pengajuan siap di " + target.string() +
              (by_hand ? " (menunggu dimasukkan ke AMS oleh verifikator)" : " (antre untuk dikirim)"));
    return {};
}

Expected<void> SubmissionService::send_due(FollowUpSummary& summary)
{
    for (const state::QueueEntry& entry : BERKAS_TRY(m_ledger.due_entries(now_text()))) {
        if (!m_http) {
            warn_once(entry.case_id, "kasus " + entry.case_id + " menunggu pengiriman HTTP, tetapi submission.transport "
                                     "bukan http; kirim dengan tangan dan catat dengan berkas mark");
            continue;
        }
        if (!BERKAS_TRY(m_ledger.has_effective_approval(entry.case_id))) {
            BERKAS_TRY(m_ledger.remove_entry(entry.case_id)); // returned while it waited
            continue;
        }
        if (!fs::exists(fs::path(entry.package) / manifest_file)) { // removed by hand: the same package again
            if (auto rebuilt = build_package_of(entry.case_id, entry.transport); !rebuilt) {
                warn_once(entry.case_id, "paket kasus " + entry.case_id + " hilang dan belum dapat dibuat ulang: " +
                                             rebuilt.error().describe());
                continue;
            }
        }
        BERKAS_TRY(send_entry(entry, summary));
    }
    return {};
}

// Each attempt is claimed in the database before the request leaves, so a
// crash at any point is recovered by sending again under the same key.
Expected<void> SubmissionService::send_entry(const state::QueueEntry& entry, FollowUpSummary& summary)
{
    const TransportSettings& transport = m_settings.transport;
    const auto started = std::chrono::steady_clock::now();
    for (int attempt = entry.attempts + 1;; ++attempt) {
        if (!BERKAS_TRY(m_ledger.claim(entry.case_id, static_cast<int>(::getpid()), now_text())))
            return {}; // another berkas process is sending it
        crash_point("after_claim_before_send");
        SendOutcome outcome = m_http->send(entry.case_id, entry.package);
        if (outcome.kind == SendOutcome::Kind::delivered) {
            crash_point("after_send_before_commit");
            state::LifecycleEvent submitted {entry.case_id, to_string(Step::submitted), "http", outcome.detail,
                                             now_text()};
            BERKAS_TRY(m_ledger.complete_send(entry.case_id, outcome.detail, submitted));
            log::info("kasus " + entry.case_id + " terkirim (" + outcome.detail + ")");
            summary.sent++;
            return {};
        }
        bool give_up = outcome.kind == SendOutcome::Kind::permanent || attempt >= transport.max_attempts;
        auto delay = retry_delay(transport, attempt);
        std::time_t next = m_clock() + static_cast<std::time_t>((delay.count() + 999) / 1000);
        BERKAS_TRY(m_ledger.release(entry.case_id, give_up ? "failed" : "pending", outcome.detail,
                                    format_utc_timestamp(next), now_text()));
        if (give_up) {
            log::error("pengiriman kasus " + entry.case_id + " gagal setelah " + std::to_string(attempt) +
                       " percobaan: " + outcome.detail + "; setelah diperbaiki: berkas submit --retry " + entry.case_id);
            summary.failed++;
            return {};
        }
        log::warning("pengiriman kasus " + entry.case_id + " gagal (percobaan " + std::to_string(attempt) +
                     "): " + outcome.detail);
        auto spent = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        if (spent + delay > transport.wait_in_run_max) { // a slow or hanging receiver must not hold up the batch
            summary.waiting++;
            return {};
        }
        std::this_thread::sleep_for(delay);
    }
}

Expected<void> SubmissionService::mark_renewals_due(FollowUpSummary& summary)
{
    std::string today = format_day(local_day(m_clock()));
    for (const state::Certificate& certificate : BERKAS_TRY(m_ledger.renewals_due(today))) {
        state::LifecycleEvent event {certificate.case_id, to_string(Step::renewal_due), "berkas",
                                     "sertifikat " + certificate.serial + " berlaku sampai " + certificate.expires_on,
                                     now_text()};
        BERKAS_TRY(m_ledger.record_step(event, std::nullopt, false));
        log::info("kasus " + certificate.case_id + ": sertifikat perlu diperpanjang (berlaku sampai " +
                  certificate.expires_on + ")");
        summary.renewals_due++;
    }
    return {};
}

} // namespace berkas::submission

#include "app/commands_queue.hpp"

#include "app/cli.hpp"
#include "generation/indonesian.hpp"
#include "reporting/report_writer.hpp"
#include "state/store.hpp"
#include "submission/service.hpp"
#include "util/dates.hpp"
#include "util/file.hpp"
#include "util/log.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

namespace berkas::app {

namespace fs = std::filesystem;

namespace {

int exit_status_for(const Error& error)
{
    for (const char* code : {"usage", "transition", "config", "rules"}) {
        if (error.code == code)
            return exit_usage;
    }
    return exit_failure;
}

int report_error(const Error& error)
{
    std::cerr << "berkas: galat: " << mask_identifiers(error.describe()) << "\n";
    return exit_status_for(error);
}

Expected<submission::Schedule> load_schedule(const pipeline::Settings& settings)
{
    fs::path profile = settings.rules_dir / (settings.profile + ".yaml");
    if (!fs::exists(profile))
        return make_error("config", "office profile not found", profile.string());
    return submission::parse_schedule(BERKAS_TRY(read_file(profile)), profile.string());
}

Expected<submission::ServiceSettings> service_settings(const pipeline::Settings& settings)
{
    submission::ServiceSettings service;
    service.inbox = settings.inbox;
    service.spool = settings.state / "spool";
    service.outbox = settings.outbox;
    service.transport = settings.submission;
    service.schedule = BERKAS_TRY(load_schedule(settings));
    for (const generation::Official& verifier : settings.office.verifiers) {
        std::string nip = generation::digits_only(verifier.nip);
        if (!nip.empty())
            service.verifier_nips.push_back(nip);
    }
    return service;
}

std::string office_name(const pipeline::Settings& settings)
{
    std::string name;
    for (const std::string& line : settings.office.letterhead)
        name += (name.empty() ? "" : " · ") + generation::title_case(line);
    return name;
}

// Who records a step: the verifier named by NIP, or the logged-in user.
Expected<std::string> actor_for(const submission::SubmissionService& service, const std::string& verifier_nip)
{
    if (!verifier_nip.empty())
        return service.identify_verifier(verifier_nip);
    const char* user = std::getenv("USER");
    return std::string("user:") + (user && *user ? user : "tidak-diketahui");
}

struct Session {
    std::unique_ptr<state::Store> store;
    std::unique_ptr<submission::SubmissionService> service;
};

Expected<Session> open_session(const pipeline::Settings& settings)
{
    BERKAS_TRY(ensure_directory(settings.state));
    Session session;
    session.store = BERKAS_TRY(state::Store::open(settings.state / "berkas.sqlite3"));
    auto configured = BERKAS_TRY(service_settings(settings));
    session.service = BERKAS_TRY(submission::SubmissionService::open(std::move(configured), *session.store));
    return session;
}

void print_follow_up(const submission::FollowUpSummary& summary)
{
    std::printf("antrean: %d paket baru, %d terkirim, %d menunggu dicoba lagi, %d gagal, %d perlu perpanjangan\n",
                summary.queued, summary.sent, summary.waiting, summary.failed, summary.renewals_due);
}

int command_approve(Session& session, const QueueCommandLine& line)
{
    auto approved = session.service->approve(line.case_id, line.verifier, line.note);
    if (!approved)
        return report_error(approved.error());
    if (!*approved) {
        std::printf("kasus %s sudah disetujui sebelumnya; tidak ada yang dicatat ulang\n", line.case_id.c_str());
        return exit_ok;
    }
    auto summary = session.service->follow_up();
    if (!summary)
        return report_error(summary.error());
    auto entry = session.service->ledger().entry(line.case_id);
    std::printf("kasus %s disetujui\n", line.case_id.c_str());
    if (entry && *entry)
        std::printf("paket pengajuan: %s (antrean: %s)\n", (*entry)->package.c_str(), (*entry)->state.c_str());
    else
        std::printf("paket pengajuan belum dapat dibuat; lihat peringatan di atas\n");
    return exit_ok;
}

int command_return(Session& session, const QueueCommandLine& line)
{
    auto actor = actor_for(*session.service, line.verifier);
    if (!actor)
        return report_error(actor.error());
    if (auto returned = session.service->return_case(line.case_id, line.reason, *actor); !returned)
        return report_error(returned.error());
    std::printf("kasus %s dikembalikan ke pemohon; dapat disetujui lagi setelah ada dokumen baru\n",
                line.case_id.c_str());
    return exit_ok;
}

int command_mark(Session& session, const QueueCommandLine& line)
{
    auto step = submission::step_from_string(line.step);
    if (!step) {
        std::string known;
        for (submission::Step candidate : submission::all_steps)
            known += (known.empty() ? "" : ", ") + std::string(submission::to_string(candidate));
        return report_error(Error {"usage", "langkah tidak dikenal '" + line.step + "'; pilih salah satu: " + known, {}, {}});
    }
    auto actor = actor_for(*session.service, line.verifier);
    if (!actor)
        return report_error(actor.error());
    submission::StepDetails details {line.note, line.serial, line.issued};
    if (auto marked = session.service->mark(line.case_id, *step, details, *actor); !marked)
        return report_error(marked.error());
    std::printf("kasus %s: %s\n", line.case_id.c_str(), submission::label(*step));
    return exit_ok;
}

int command_submit(Session& session, const QueueCommandLine& line)
{
    if (!line.retry.empty()) {
        auto retried = session.service->retry(line.retry);
        if (!retried)
            return report_error(retried.error());
        if (!*retried)
            return report_error(Error {"usage", "kasus " + line.retry + " tidak dalam keadaan gagal kirim", {}, {}});
    }
    auto summary = session.service->follow_up();
    if (!summary)
        return report_error(summary.error());
    print_follow_up(*summary);
    return exit_ok;
}

nlohmann::json queue_as_json(state::SubmissionLedger& ledger, const std::vector<state::QueueEntry>& entries,
                             const std::map<std::string, state::Certificate>& certificates)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& entry : entries) {
        auto step = ledger.current_step(entry.case_id);
        nlohmann::json row = {{"case_id", entry.case_id}, {"transport", entry.transport}, {"queue", entry.state},
                              {"attempts", entry.attempts}, {"next_attempt_at", entry.next_attempt_at},
                              {"last_error", entry.last_error}, {"receipt", entry.receipt},
                              {"package", entry.package}, {"sent_at", entry.sent_at},
                              {"step", step && *step ? nlohmann::json(**step) : nlohmann::json(nullptr)}};
        if (auto it = certificates.find(entry.case_id); it != certificates.end())
            row["certificate"] = {{"serial", it->second.serial}, {"issued_on", it->second.issued_on},
                                  {"expires_on", it->second.expires_on},
                                  {"renewal_due_on", it->second.renewal_due_on}};
        out.push_back(row);
    }
    return out;
}

int command_queue(Session& session, const QueueCommandLine& line)
{
    auto& ledger = session.service->ledger();
    auto entries = ledger.entries();
    auto certificates = ledger.certificates();
    if (!entries || !certificates)
        return report_error(!entries ? entries.error() : certificates.error());
    std::map<std::string, state::Certificate> latest;
    for (const auto& certificate : *certificates)
        latest[certificate.case_id] = certificate;
    if (line.as_json) {
        std::cout << queue_as_json(ledger, *entries, latest).dump(2) << "\n";
        return exit_ok;
    }
    std::printf("%-28s %-8s %-26s %-10s %s\n", "KASUS", "ANTREAN", "TAHAP", "BERLAKU", "KETERANGAN");
    for (const auto& entry : *entries) {
        auto step = ledger.current_step(entry.case_id);
        auto parsed = step && *step ? submission::step_from_string(**step) : std::nullopt;
        std::string stage = parsed ? submission::label(*parsed) : "disetujui";
        auto certificate = latest.find(entry.case_id);
        std::string expires = certificate == latest.end() ? "-" : certificate->second.expires_on;
        std::string detail = !entry.last_error.empty() && entry.state != "sent"
                                 ? entry.last_error + " (percobaan " + std::to_string(entry.attempts) + ")"
                                 : entry.state == "waiting" ? "masukkan ke AMS: " + entry.package : entry.receipt;
        std::printf("%-28s %-8s %-26s %-10s %s\n", entry.case_id.c_str(), entry.state.c_str(), stage.c_str(),
                    expires.c_str(), detail.c_str());
    }
    std::printf("\n%zu kasus dalam antrean pengajuan\n", entries->size());
    return exit_ok;
}

Expected<DayNumber> day_option(const std::string& text, DayNumber fallback, const char* option)
{
    if (text.empty())
        return fallback;
    auto day = parse_day(text);
    if (!day)
        return make_error("usage", std::string(option) + " harus berbentuk YYYY-MM-DD, bukan '" + text + "'");
    return *day;
}

int command_report(Session& session, const QueueCommandLine& line, const pipeline::Settings& settings)
{
    std::time_t now = session.service->now();
    auto to = day_option(line.to, local_day(now), "--to");
    if (!to)
        return report_error(to.error());
    auto from = day_option(line.from, reporting::default_report_start(*to), "--from");
    if (!from)
        return report_error(from.error());
    reporting::ReportRequest request {*from, *to, now, office_name(settings), settings.outbox,
                                      session.service->settings().schedule};
    auto folder = reporting::write_report(session.service->ledger(), request);
    if (!folder)
        return report_error(folder.error());
    std::printf("laporan %s s.d. %s: %s\n", format_day(*from).c_str(), format_day(*to).c_str(), folder->c_str());
    return exit_ok;
}

} // namespace

void add_queue_commands(CLI::App& app, QueueCommandLine& line)
{
    auto verifier_option = [&](CLI::App* command, const char* help) {
        return command->add_option("--verifier", line.verifier, help);
    };
    line.approve = app.add_subcommand("approve", "Approve a complete case for submission to BSrE");
    line.approve->add_option("case", line.case_id, "Case id (see status)")->required();
    verifier_option(line.approve, "NIP of the approving verifier (18 digits)")->required();
    line.approve->add_option("--note", line.note, "Note kept with the decision");

    line.return_case = app.add_subcommand("return", "Send a case back to the applicant for a new document");
    line.return_case->add_option("case", line.case_id, "Case id")->required();
    line.return_case->add_option("--reason", line.reason, "Why, in words for the applicant")->required();
    verifier_option(line.return_case, "NIP of the verifier (default: the logged-in user)");

    line.mark = app.add_subcommand("mark", "Record a step of the certificate's life (SOP order is enforced)");
    line.mark->add_option("case", line.case_id, "Case id")->required();
    line.mark->add_option("state", line.step,
                          "submitted, registered, activation_sent, identity_verified, passphrase_set, issued, "
                          "delivered, rejected, revoked or renewal_due")
        ->required();
    line.mark->add_option("--note", line.note, "Note (the reason, for rejected)");
    line.mark->add_option("--serial", line.serial, "Certificate serial number (issued)");
    line.mark->add_option("--issued", line.issued, "Issue date YYYY-MM-DD (issued)");
    verifier_option(line.mark, "NIP of the verifier (default: the logged-in user)");

    line.submit = app.add_subcommand("submit", "Package approved cases and send what is due");
    line.submit->add_option("--retry", line.retry, "Put a failed send of this case back in the queue");

    line.queue = app.add_subcommand("queue", "List the submission queue and each case's step");
    line.queue->add_flag("--json", line.as_json, "Machine-readable output");

    line.report = app.add_subcommand("report", "Write the office's report into outbox/reports/<date>/");
    line.report->add_option("--from", line.from, "First day YYYY-MM-DD (default: 1 January of --to's year)");
    line.report->add_option("--to", line.to, "Last day YYYY-MM-DD (default: today)");
}

std::optional<int> run_queue_command(const QueueCommandLine& line, const pipeline::Settings& settings)
{
    CLI::App* commands[] = {line.approve, line.return_case, line.mark, line.submit, line.queue, line.report};
    if (std::none_of(std::begin(commands), std::end(commands), [](CLI::App* c) { return c && c->parsed(); }))
        return std::nullopt;
    auto session = open_session(settings);
    if (!session)
        return report_error(session.error());
    if (line.approve->parsed())
        return command_approve(*session, line); // follows up after recording the decision
    if (line.submit->parsed())
        return command_submit(*session, line); // follows up after --retry
    // Approved cases without a queue entry get one before anything else.
    if (auto summary = session->service->follow_up(); !summary)
        return report_error(summary.error());
    if (line.return_case->parsed())
        return command_return(*session, line);
    if (line.mark->parsed())
        return command_mark(*session, line);
    if (line.queue->parsed())
        return command_queue(*session, line);
    return command_report(*session, line, settings);
}

struct FollowUp::Parts {
    Session session;
    pipeline::Settings settings;
};

FollowUp::FollowUp(std::unique_ptr<Parts> parts)
    : m_parts(std::move(parts))
{
}

FollowUp::~FollowUp() = default;

Expected<std::unique_ptr<FollowUp>> FollowUp::open(const pipeline::Settings& settings)
{
    auto parts = std::make_unique<Parts>(Parts {BERKAS_TRY(open_session(settings)), settings});
    return std::unique_ptr<FollowUp>(new FollowUp(std::move(parts)));
}

bool FollowUp::after_batch()
{
    auto summary = m_parts->session.service->follow_up();
    if (!summary) {
        log::error("antrean pengajuan: " + summary.error().describe());
        return false;
    }
    if (summary->queued || summary->sent || summary->failed || summary->renewals_due)
        log::info("antrean pengajuan: " + std::to_string(summary->queued) + " paket baru, " +
                  std::to_string(summary->sent) + " terkirim, " + std::to_string(summary->failed) + " gagal, " +
                  std::to_string(summary->renewals_due) + " perlu perpanjangan");
    return true;
}

void FollowUp::daily_report()
{
    auto& service = *m_parts->session.service;
    std::time_t now = service.now();
    if (now - m_last_report_attempt < 3600)
        return; // at most one attempt an hour, so a failing report does not flood the log
    DayNumber today = local_day(now);
    auto last = service.ledger().last_report_day();
    if (!last) {
        log::error("laporan harian: " + last.error().describe());
        return;
    }
    if (*last && **last >= format_day(today))
        return;
    m_last_report_attempt = now;
    reporting::ReportRequest request {reporting::default_report_start(today), today, now, office_name(m_parts->settings),
                                      m_parts->settings.outbox, service.settings().schedule};
    auto folder = reporting::write_report(service.ledger(), request);
    if (!folder)
        log::error("laporan harian gagal, dicoba lagi dalam satu jam: " + folder.error().describe());
    else
        log::info("laporan harian: " + folder->string());
}

} // namespace berkas::app

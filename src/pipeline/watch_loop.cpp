// Pipeline::watch: the long-running intake loop of `berkas watch`.
#include "intake/watcher.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/rule_watch.hpp"
#include "util/log.hpp"

#include <thread>

namespace berkas::pipeline {

namespace {

using Clock = std::chrono::steady_clock;

std::string health_line(const std::map<std::string, int>& files, const RunSummary& last, const std::string& error)
{
    std::string line = "sehat: berkas";
    for (const char* state : {"received", "reading", "read", "quarantined", "duplicate"}) {
        auto count = files.find(state);
        line += std::string(" ") + state + "=" + std::to_string(count == files.end() ? 0 : count->second);
    }
    line += "; menunggu=" + std::to_string(last.intake.waiting);
    if (last.intake.paused)
        line += "; DIJEDA (ruang disk)";
    line += "; galat terakhir: " + (error.empty() ? std::string("-") : error);
    return line;
}

// Files still settling are looked at again when the first of them has been
// unchanged for the stability delay, or after poll_interval (a file may still
// be written to without its size or time changing in between); otherwise the
// loop waits for an event or the next full rescan.
Clock::time_point next_look(const RunSummary& last, const intake::StabilityTracker& tracker,
                            const Settings& settings, Clock::time_point next_rescan)
{
    if (last.intake.waiting == 0)
        return next_rescan;
    const auto now = Clock::now();
    const auto settles = tracker.next_settle_time(now);
    const auto poll = now + settings.poll_interval;
    return settles ? std::min(poll, *settles + std::chrono::milliseconds(10)) : poll;
}

} // namespace

void Pipeline::log_health(const RunSummary& last, const std::string& last_error)
{
    auto counts = m_ledger.count_by_state();
    log::info(health_line(counts ? *counts : std::map<std::string, int> {}, last, last_error));
}

Expected<void> Pipeline::watch(const std::atomic<bool>& stop, const std::function<void()>& after_pass)
{
    auto mode = BERKAS_TRY(intake::watch_mode_from_string(m_settings.watch_mode));
    auto watcher = BERKAS_TRY(intake::InboxWatcher::create(m_settings.inbox, mode));
    intake::StabilityTracker tracker(m_settings.stability_delay);
    RuleWatch rule_watch(m_settings); // a broken edit is logged and the rules in force stay
    log::info(std::string("mengawasi ") + m_settings.inbox.string() +
              (watcher.uses_inotify() ? " (inotify + pemindaian ulang)" : " (polling)"));
    RunSummary last;
    std::string last_error;
    auto next_rescan = Clock::now();
    auto next_health = Clock::now() + std::chrono::minutes(1);
    bool look = true; // at start-up: scan
    while (!stop) {
        if (look || Clock::now() >= next_rescan) {
            auto summary = claim_and_process(&tracker);
            if (summary) {
                last = *summary;
                if (summary->cases_evaluated || summary->files_rejected || summary->intake.claimed ||
                    summary->intake.duplicates)
                    log::info("putaran selesai: " + std::to_string(summary->intake.claimed) + " diterima, " +
                              std::to_string(summary->cases_evaluated) + " kasus diperiksa, " +
                              std::to_string(summary->files_rejected) + " ditolak");
            } else {
                last_error = summary.error().describe();
                log::error("pemrosesan gagal, dicoba lagi: " + last_error);
            }
            next_rescan = Clock::now() + m_settings.rescan_interval;
            after_pass();
        }
        if (Clock::now() >= next_health) {
            log_health(last, last_error);
            next_health = Clock::now() + std::chrono::minutes(1);
        }
        auto deadline = next_look(last, tracker, m_settings, next_rescan);
        look = false;
        while (!stop && !look && Clock::now() < deadline) {
            look = watcher.wait(std::chrono::milliseconds(200));
            look = rule_watch.poll(*this) == RuleWatch::Outcome::reloaded || look; // new rules: evaluate again
        }
        look = look || last.intake.waiting > 0;
    }
    log::info("berhenti dengan rapi");
    return {};
}

} // namespace berkas::pipeline

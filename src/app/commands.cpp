#include "app/commands.hpp"

#include "app/cli.hpp"
#include "app/commands_documents.hpp"
#include "app/commands_queue.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/worker_main.hpp"
#include "util/log.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace berkas::app {

namespace {

std::atomic<bool> stop_requested {false};

void request_stop(int) { stop_requested = true; }

std::filesystem::path self_executable() { return std::filesystem::read_symlink("/proc/self/exe"); }

// Configuration problems (rules, templates, profile) are the administrator's
// to fix: exit 2. Anything else is a system failure: exit 1.
int exit_status_for(const Error& error) { return error.code == "config" || error.code == "rules" ? exit_usage : exit_failure; }

int report_error(const Error& error)
{
    std::cerr << "berkas: galat: " << error.describe() << "\n";
    return exit_status_for(error);
}

void print_summary(const pipeline::RunSummary& summary)
{
    char line[256];
    double per_page = summary.pages_read ? summary.seconds / summary.pages_read : 0;
    double per_case = summary.cases_evaluated ? summary.seconds / summary.cases_evaluated : 0;
    std::snprintf(line, sizeof line,
                  "selesai: %d kasus diperiksa, %d tidak berubah, %d berkas dibaca (%d halaman), %d berkas ditolak; "
                  "%.1f dtk (%.2f dtk/halaman, %.2f dtk/kasus)",
                  summary.cases_evaluated, summary.cases_unchanged, summary.files_read, summary.pages_read,
                  summary.files_rejected, summary.seconds, per_page, per_case);
    log::info(line);
}

std::string status_label(const std::string& status) { return status == "complete" ? "lengkap" : "belum lengkap"; }

} // namespace

int command_run_once(const pipeline::Settings& settings)
{
    auto pipeline = pipeline::Pipeline::create(settings, self_executable());
    if (!pipeline)
        return report_error(pipeline.error());
    auto follow_up = FollowUp::open(settings);
    if (!follow_up)
        return report_error(follow_up.error());
    auto summary = (*pipeline)->run_once();
    if (!summary)
        return report_error(summary.error());
    print_summary(*summary);
    return (*follow_up)->after_batch() ? exit_ok : exit_failure;
}

int command_watch(const pipeline::Settings& settings)
{
    auto pipeline = pipeline::Pipeline::create(settings, self_executable());
    if (!pipeline)
        return report_error(pipeline.error());
    auto follow_up = FollowUp::open(settings);
    if (!follow_up)
        return report_error(follow_up.error());
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    auto watched = (*pipeline)->watch(stop_requested, [&] {
        (*follow_up)->after_batch();
        (*follow_up)->daily_report();
    });
    if (!watched)
        return report_error(watched.error());
    return exit_ok;
}

int command_status(const pipeline::Settings& settings, bool as_json)
{
    auto store = state::Store::open(settings.state / "berkas.sqlite3");
    if (!store)
        return report_error(store.error());
    auto cases = (*store)->list_cases();
    auto rejected = (*store)->list_rejections();
    if (!cases || !rejected)
        return report_error(!cases ? cases.error() : rejected.error());
    if (as_json) {
        nlohmann::json out = {{"cases", nlohmann::json::array()}, {"rejected", nlohmann::json::array()}};
        for (const auto& c : *cases)
            out["cases"].push_back({{"case_id", c.case_id}, {"source", c.source}, {"status", c.status},
                                    {"profile", c.profile}, {"nama", c.applicant_name},
                                    {"problems", c.problem_count}, {"updated_at", c.updated_at}});
        for (const auto& r : *rejected)
            out["rejected"].push_back({{"source", r.source}, {"reason", r.reason}, {"message", r.message}});
        auto scan_backs = scan_backs_json(**store);
        if (!scan_backs)
            return report_error(scan_backs.error());
        out["scan_backs"] = *scan_backs;
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return exit_ok;
    }
    std::printf("%-32s %-14s %-8s %s\n", "KASUS", "STATUS", "MASALAH", "PEMOHON");
    for (const auto& c : *cases)
        std::printf("%-32s %-14s %-8d %s\n", c.case_id.c_str(), status_label(c.status).c_str(), c.problem_count,
                    c.applicant_name.c_str());
    if (auto printed = print_scan_backs(**store); !printed)
        return report_error(printed.error());
    if (!rejected->empty())
        std::printf("\nBERKAS DITOLAK\n");
    for (const auto& r : *rejected)
        std::printf("%s: %s (%s)\n", r.source.c_str(), r.message.c_str(), r.reason.c_str());
    std::printf("\n%zu kasus, %zu berkas ditolak\n", cases->size(), rejected->size());
    return exit_ok;
}

int command_worker() { return pipeline::run_worker(std::cin, std::cout); }

} // namespace berkas::app

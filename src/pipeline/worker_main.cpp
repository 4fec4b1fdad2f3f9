#include "pipeline/worker_main.hpp"

#include "pipeline/worker_protocol.hpp"
#include "reading/ocr_engine.hpp"
#include "reading/reader.hpp"
#include "reading/tesseract_runtime.hpp"
#include "util/log.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <istream>
#include <ostream>
#include <string>

namespace berkas::pipeline {

namespace {

// Raises the soft CPU limit to what this process has used so far plus the
// budget. The hard limit stays where it is: an unprivileged process can never
// raise it again, and the worker reads many files.
void allow_cpu_for_next_file(int budget_seconds)
{
    if (budget_seconds <= 0)
        return;
    rusage usage {};
    rlimit limit {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0 || ::getrlimit(RLIMIT_CPU, &limit) != 0)
        return;
    const rlim_t used = rlim_t(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1; // whole seconds, rounded up
    limit.rlim_cur = std::min(used + rlim_t(budget_seconds), limit.rlim_max);
    ::setrlimit(RLIMIT_CPU, &limit);
}

struct InjectedFault {
    std::string kind; // crash | hang | spin, or empty
    std::string only_for; // a part of the path; empty: every file
};

InjectedFault injected_fault()
{
    const char* setting = std::getenv("BERKAS_TEST_WORKER_FAULT");
    if (setting == nullptr || *setting == '\0')
        return {};
    std::string value = setting;
    const auto colon = value.find(':');
    if (colon == std::string::npos)
        return {value, {}};
    return {value.substr(0, colon), value.substr(colon + 1)};
}

void act_out(const InjectedFault& fault, const std::string& path)
{
    if (fault.kind.empty() || path.find(fault.only_for) == std::string::npos)
        return;
    log::warning("pekerja baca: gangguan uji '" + fault.kind + "' disuntikkan (BERKAS_TEST_WORKER_FAULT)");
    if (fault.kind == "crash")
        ::raise(SIGSEGV);
    if (fault.kind == "hang") {
        for (;;)
            ::pause();
    }
    if (fault.kind == "spin") {
        volatile unsigned long spins = 0;
        for (;;)
            spins = spins + 1;
    }
}

// Reading still works without them, only slower (tesseract_runtime.hpp).
void warn_when_shortcuts_are_missing(const reading::tesseract_runtime::Shortcuts& shortcuts)
{
    if (shortcuts.serial_openmp && shortcuts.raw_line_images && shortcuts.stride_index && shortcuts.time_step_writes)
        return;
    const auto yes_no = [](bool on) { return std::string(on ? "ya" : "tidak"); };
    log::warning("pintasan runtime Tesseract tidak semua aktif (OpenMP serial: " + yes_no(shortcuts.serial_openmp) +
                 ", gambar baris mentah: " + yes_no(shortcuts.raw_line_images) +
                 ", indeks jaringan: " + yes_no(shortcuts.stride_index) +
                 ", keluaran jaringan: " + yes_no(shortcuts.time_step_writes) +
                 "); pembacaan ±20 % lebih lambat");
}

} // namespace

int run_worker(std::istream& requests, std::ostream& responses)
{
    auto engine = reading::OcrEngine::create("ind");
    if (!engine) {
        log::error("pekerja baca tidak dapat memulai Tesseract: " + engine.error().describe());
        return kWorkerCannotStart;
    }
    warn_when_shortcuts_are_missing(reading::tesseract_runtime::in_effect());
    const InjectedFault fault = injected_fault();
    std::string line;
    while (std::getline(requests, line)) {
        auto request = decode_request(line);
        if (!request) {
            responses << encode_response(tl::unexpected(request.error())) << std::flush;
            continue;
        }
        allow_cpu_for_next_file(request->cpu_seconds);
        act_out(fault, request->path);
        const auto result = reading::read_file(request->path, **engine, request->limits, request->share);
        responses << encode_response(result) << std::flush;
    }
    return 0;
}

} // namespace berkas::pipeline

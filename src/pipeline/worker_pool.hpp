#pragma once
// Reading runs in worker processes: PoDoFo, poppler and Tesseract parse
// untrusted bytes, and a crash or a spin there must cost one file, never the
// watcher. Each worker is this same executable started as `berkas worker`,
// with an address-space limit and no core dumps; the pool kills a worker that
// overruns its wall-clock budget and starts a fresh one.
#include "model/case_result.hpp"
#include "util/expected.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace berkas::pipeline {

struct WorkerLimits {
    int workers = 2;                                   // at most one per core
    std::uint64_t address_space_bytes = 3ull << 30;     // RLIMIT_AS per worker
    std::chrono::seconds timeout_per_file {600};       // wall clock
};

class WorkerPool {
public:
    WorkerPool(std::filesystem::path executable, std::vector<std::string> worker_arguments, WorkerLimits limits);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Reads every file, in parallel across the workers. The result at index i
    // belongs to files[i]. A crash or timeout is retried once on a fresh worker
    // before it is reported as worker_crashed or timeout.
    std::vector<Expected<std::vector<PageText>>> read_all(const std::vector<std::filesystem::path>& files);

    // The same, telling as it goes: `started(i)` when files[i] is handed to a
    // worker (each attempt), `finished(i, result)` as soon as it is done, so
    // that the caller can record progress durably.
    using Result = Expected<std::vector<PageText>>;
    void read_all(const std::vector<std::filesystem::path>& files, const std::function<void(size_t)>& started,
                  const std::function<void(size_t, Result&&)>& finished);

private:
    struct Worker {
        pid_t pid = -1;
        int to_worker = -1;
        int from_worker = -1;
        std::string buffer;
        int job = -1; // index into the files being read, or -1 when idle
        std::chrono::steady_clock::time_point deadline;
    };

    bool spawn(Worker& worker);
    void stop(Worker& worker, bool kill_it);
    bool send(Worker& worker, int job, const std::filesystem::path& file);

    std::filesystem::path m_executable;
    std::vector<std::string> m_arguments;
    WorkerLimits m_limits;
    std::vector<Worker> m_workers;
};

} // namespace berkas::pipeline

#pragma once
// Reading runs in worker processes: qpdf, poppler, Leptonica and Tesseract
// parse untrusted bytes, and a crash or a spin there must cost one file, never
// the watcher. Each worker is this same executable started as `berkas worker`,
// with limits on address space and CPU time and no core dumps; the pool kills
// a worker that overruns its wall-clock budget and starts a fresh one.
#include "reading/reader.hpp"
#include "util/expected.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace berkas::pipeline {

// What one worker process may spend (RELIABILITY.md §4.4).
struct WorkerLimits {
    std::uint64_t address_space_bytes = 2ull << 30; // RLIMIT_AS; 20000² px OCR needed 1.5 GB
    std::chrono::seconds cpu_per_file {120};        // RLIMIT_CPU, renewed before each file
    std::chrono::milliseconds wall_per_file {600'000}; // then the pool kills the worker
};

class WorkerPool {
public:
    // At most `workers` processes at once, and never more than one per core.
    WorkerPool(std::filesystem::path executable, std::vector<std::string> worker_arguments, int workers,
               WorkerLimits limits, reading::ReadLimits read_limits = {});
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Reads every file, in parallel across the workers; with fewer files than
    // workers, each file's pages are shared out (PageShare). The result at
    // index i belongs to files[i]. A crash or timeout is retried once on a fresh worker
    // before it is reported as worker_crashed or timeout. A worker that cannot
    // start at all (Tesseract missing) reports worker_unavailable: the
    // installation is at fault, not the file.
    std::vector<Expected<reading::FileReading>> read_all(const std::vector<std::filesystem::path>& files);

    // The same, telling as it goes: `started(i)` when files[i] is handed to a
    // worker (each attempt), `finished(i, result)` as soon as it is done, so
    // that the caller can record progress durably.
    using Result = Expected<reading::FileReading>;
    void read_all(const std::vector<std::filesystem::path>& files, const std::function<void(size_t)>& started,
                  const std::function<void(size_t, Result&&)>& finished);

    int worker_count() const { return static_cast<int>(m_workers.size()); }

private:
    struct Worker {
        pid_t pid = -1;
        int to_worker = -1;
        int from_worker = -1;
        std::string buffer;
        int job = -1; // index into the files being read, or -1 when idle
        std::chrono::steady_clock::time_point deadline;
    };

    // What one worker is given: a whole file, or a share of its pages when
    // there are fewer files than workers.
    struct Job {
        size_t file = 0;
        reading::PageShare share;
    };

    // A file's shares as they come back, merged.
    struct FileProgress {
        int shares_left = 0;
        bool started = false;
        std::optional<Result> merged;
    };

    struct Batch {
        const std::vector<std::filesystem::path>& files;
        std::vector<Job> jobs;
        std::vector<int> attempts; // per job
        std::vector<FileProgress> progress; // per file
        std::deque<int> pending; // jobs
        const std::function<void(size_t)>& started;
        const std::function<void(size_t, Result&&)>& finished;
    };

    bool spawn(Worker& worker);
    int stop(Worker& worker, bool kill_it); // returns the wait status
    bool send(Worker& worker, int job, const Batch& batch);
    static void plan_jobs(Batch& batch, int workers);
    static void complete_job(Batch& batch, int job, Result&& result);
    void assign_pending(Batch& batch);
    void wait_for_workers(Batch& batch);
    void receive(Worker& worker, Batch& batch);
    void worker_died(Worker& worker, Batch& batch);
    void fail_attempt(Batch& batch, int job, Error failure);

    std::filesystem::path m_executable;
    std::vector<std::string> m_arguments;
    WorkerLimits m_limits;
    reading::ReadLimits m_read_limits;
    std::vector<Worker> m_workers;
};

} // namespace berkas::pipeline

#include "pipeline/worker_pool.hpp"

#include "pipeline/worker_main.hpp"
#include "pipeline/worker_protocol.hpp"
#include "util/log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace berkas::pipeline {

using Clock = std::chrono::steady_clock;

namespace {

// A worker that closed its output is exiting; this is how long it may take
// before it is killed anyway.
constexpr auto kExitGrace = std::chrono::seconds(2);

// Runs in the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void become_worker(int request_fd, int response_fd, const std::vector<char*>& argv,
                                std::uint64_t address_space, pid_t parent)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // a worker never outlives the process that feeds it
    if (::getppid() != parent)
        ::_exit(127);
    ::dup2(request_fd, STDIN_FILENO);
    ::dup2(response_fd, STDOUT_FILENO);
    rlimit no_core {0, 0}; // no page of a KTP scan ever lands in a core file
    ::setrlimit(RLIMIT_CORE, &no_core);
    rlimit memory {address_space, address_space};
    ::setrlimit(RLIMIT_AS, &memory);
    ::execv(argv[0], argv.data());
    ::_exit(127);
}

bool write_all(int fd, const std::string& text)
{
    size_t written = 0;
    while (written < text.size()) {
        ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += static_cast<size_t>(n);
    }
    return true;
}

Error failure(std::string code, std::string message) { return Error {std::move(code), std::move(message), {}, {}}; }

std::string seconds_text(std::chrono::duration<double> duration)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g s", duration.count());
    return text;
}

// Why a worker ended before answering, from its wait status.
Error failure_of(int status, const WorkerLimits& limits)
{
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        return failure("timeout", "reading used more than " + seconds_text(limits.cpu_per_file) + " of CPU time");
    if (WIFEXITED(status) && WEXITSTATUS(status) == kWorkerCannotStart)
        return failure("worker_unavailable", "the reading worker cannot start (is Tesseract with the 'ind' "
                                             "language installed?)");
    if (WIFSIGNALED(status))
        return failure("worker_crashed", "the reading worker was killed by signal " +
                                             std::to_string(WTERMSIG(status)) + " (" + ::strsignal(WTERMSIG(status)) +
                                             ")");
    return failure("worker_crashed", "the reading worker exited with status " +
                                         std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                                         " before answering");
}

int at_most_one_per_core(int workers)
{
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    return std::max(1, cores > 0 ? std::min(workers, cores) : workers);
}

} // namespace

WorkerPool::WorkerPool(std::filesystem::path executable, std::vector<std::string> worker_arguments, int workers,
                       WorkerLimits limits, reading::ReadLimits read_limits)
    : m_executable(std::move(executable))
    , m_arguments(std::move(worker_arguments))
    , m_limits(limits)
    , m_read_limits(read_limits)
    , m_workers(static_cast<size_t>(at_most_one_per_core(workers)))
{
    std::signal(SIGPIPE, SIG_IGN); // a dead worker must not kill us through its pipe
}

WorkerPool::~WorkerPool()
{
    for (Worker& worker : m_workers)
        stop(worker, false);
}

bool WorkerPool::spawn(Worker& worker)
{
    int requests[2], responses[2];
    if (::pipe2(requests, O_CLOEXEC) != 0)
        return false;
    if (::pipe2(responses, O_CLOEXEC) != 0) {
        ::close(requests[0]);
        ::close(requests[1]);
        return false;
    }
    std::vector<std::string> arguments {m_executable.string()};
    arguments.insert(arguments.end(), m_arguments.begin(), m_arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::setenv("OMP_THREAD_LIMIT", "1", 0);
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid == 0)
        become_worker(requests[0], responses[1], argv, m_limits.address_space_bytes, parent);
    ::close(requests[0]);
    ::close(responses[1]);
    if (pid < 0) {
        ::close(requests[1]);
        ::close(responses[0]);
        return false;
    }
    worker = Worker {pid, requests[1], responses[0], {}, -1, {}};
    return true;
}

int WorkerPool::stop(Worker& worker, bool kill_it)
{
    if (worker.pid < 0)
        return 0;
    ::close(worker.to_worker); // end of input: a healthy worker exits by itself
    if (kill_it)
        ::kill(worker.pid, SIGKILL);
    ::close(worker.from_worker);
    int status = 0;
    while (::waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
    }
    worker = Worker {};
    return status;
}

bool WorkerPool::send(Worker& worker, int job, const Batch& batch)
{
    worker.job = job;
    worker.buffer.clear();
    worker.deadline = Clock::now() + m_limits.wall_per_file;
    const int cpu_seconds = static_cast<int>(m_limits.cpu_per_file.count());
    const Job& work = batch.jobs[static_cast<size_t>(job)];
    return write_all(worker.to_worker,
                     encode_request(ReadRequest {batch.files[work.file].string(), m_read_limits, cpu_seconds, work.share}));
}

void WorkerPool::fail_attempt(Batch& batch, int job, Error failed)
{
    const auto index = static_cast<size_t>(job);
    const std::filesystem::path& file = batch.files[batch.jobs[index].file];
    failed.file = file.string();
    if (failed.code != "worker_unavailable" && ++batch.attempts[index] < 2) {
        log::warning("pekerja baca gagal (" + failed.code + "), dicoba sekali lagi: " + file.string());
        batch.pending.push_back(job);
        return;
    }
    if (failed.code != "worker_unavailable")
        failed.message += ", on both attempts";
    complete_job(batch, job, tl::unexpected(std::move(failed)));
}

// With fewer files than workers, each file is split into page shares so that
// no worker idles while one reads a bundle page after page.
void WorkerPool::plan_jobs(Batch& batch, int workers)
{
    const size_t files = batch.files.size();
    const int shares = files > 0 && files < size_t(workers) ? int((size_t(workers) + files - 1) / files) : 1;
    batch.progress.assign(files, FileProgress {shares, false, std::nullopt});
    for (size_t file = 0; file < files; ++file) {
        for (int part = 0; part < shares; ++part) {
            batch.pending.push_back(static_cast<int>(batch.jobs.size()));
            batch.jobs.push_back(Job {file, reading::PageShare {part, shares}});
        }
    }
    batch.attempts.assign(batch.jobs.size(), 0);
}

// A share's pages join those of the others; the first failure of any share is
// the file's. The file is finished when its last share is.
void WorkerPool::complete_job(Batch& batch, int job, Result&& result)
{
    const size_t file = batch.jobs[static_cast<size_t>(job)].file;
    FileProgress& progress = batch.progress[file];
    if (!progress.merged || (*progress.merged && !result)) {
        progress.merged = std::move(result);
    } else if (*progress.merged) {
        reading::FileReading& merged = **progress.merged;
        for (PageText& page : result->pages)
            merged.pages.push_back(std::move(page));
        merged.digitally_signed = merged.digitally_signed || result->digitally_signed;
        merged.times.render_seconds += result->times.render_seconds;
        merged.times.rendered_pages += result->times.rendered_pages;
        merged.times.ocr_seconds += result->times.ocr_seconds;
        merged.times.ocr_pages += result->times.ocr_pages;
    }
    if (--progress.shares_left > 0)
        return;
    if (*progress.merged)
        std::sort((*progress.merged)->pages.begin(), (*progress.merged)->pages.end(),
                  [](const PageText& a, const PageText& b) { return a.number < b.number; });
    batch.finished(file, std::move(*progress.merged));
}

void WorkerPool::worker_died(Worker& worker, Batch& batch)
{
    const int job = worker.job;
    const auto give_up = Clock::now() + kExitGrace;
    int status = 0;
    pid_t ended = 0;
    while ((ended = ::waitpid(worker.pid, &status, WNOHANG)) == 0 && Clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (ended == worker.pid) {
        ::close(worker.to_worker);
        ::close(worker.from_worker);
        worker = Worker {};
    } else {
        status = stop(worker, true);
    }
    fail_attempt(batch, job, failure_of(status, m_limits));
}

void WorkerPool::assign_pending(Batch& batch)
{
    for (Worker& worker : m_workers) {
        if (worker.job >= 0 || batch.pending.empty())
            continue;
        const int job = batch.pending.front();
        batch.pending.pop_front();
        if (worker.pid < 0 && !spawn(worker)) {
            fail_attempt(batch, job, failure("worker_crashed", "the reading worker could not be started"));
            continue;
        }
        FileProgress& progress = batch.progress[batch.jobs[static_cast<size_t>(job)].file];
        if (!progress.started || batch.attempts[static_cast<size_t>(job)] > 0) // each attempt, not each share
            batch.started(batch.jobs[static_cast<size_t>(job)].file);
        progress.started = true;
        if (!send(worker, job, batch))
            worker_died(worker, batch);
    }
}

void WorkerPool::receive(Worker& worker, Batch& batch)
{
    char chunk[65536];
    const ssize_t n = ::read(worker.from_worker, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        worker_died(worker, batch);
        return;
    }
    worker.buffer.append(chunk, static_cast<size_t>(n));
    const auto newline = worker.buffer.find('\n');
    if (newline == std::string::npos)
        return;
    auto result = decode_response(worker.buffer.substr(0, newline));
    const int job = worker.job;
    if (!result)
        result.error().file = batch.files[batch.jobs[static_cast<size_t>(job)].file].string();
    worker.job = -1;
    worker.buffer.clear();
    assign_pending(batch); // the worker reads on while the caller records (and evaluates cases)
    complete_job(batch, job, std::move(result));
}

void WorkerPool::wait_for_workers(Batch& batch)
{
    std::vector<pollfd> polled;
    std::vector<Worker*> owners;
    auto wait = std::chrono::milliseconds(1000);
    for (Worker& worker : m_workers) {
        if (worker.job < 0)
            continue;
        polled.push_back(pollfd {worker.from_worker, POLLIN, 0});
        owners.push_back(&worker);
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(worker.deadline - Clock::now());
        wait = std::clamp(left, std::chrono::milliseconds(0), wait);
    }
    if (polled.empty())
        return;
    ::poll(polled.data(), polled.size(), static_cast<int>(wait.count()));
    for (size_t i = 0; i < polled.size(); ++i) {
        Worker& worker = *owners[i];
        if (polled[i].revents != 0) {
            receive(worker, batch);
        } else if (Clock::now() >= worker.deadline) {
            const int job = worker.job;
            stop(worker, true);
            fail_attempt(batch, job, failure("timeout", "reading took longer than " +
                                                            seconds_text(m_limits.wall_per_file) + " (wall clock)"));
        }
    }
}

std::vector<Expected<reading::FileReading>> WorkerPool::read_all(const std::vector<std::filesystem::path>& files)
{
    std::vector<std::optional<Result>> results(files.size());
    read_all(
        files, [](size_t) {}, [&](size_t i, Result&& result) { results[i] = std::move(result); });
    std::vector<Result> out;
    for (auto& result : results)
        out.push_back(std::move(*result));
    return out;
}

void WorkerPool::read_all(const std::vector<std::filesystem::path>& files, const std::function<void(size_t)>& started,
                          const std::function<void(size_t, Result&&)>& finished)
{
    Batch batch {files, {}, {}, {}, {}, started, finished};
    plan_jobs(batch, worker_count());
    auto busy = [&] { return std::any_of(m_workers.begin(), m_workers.end(), [](auto& w) { return w.job >= 0; }); };
    while (!batch.pending.empty() || busy()) {
        assign_pending(batch);
        wait_for_workers(batch);
    }
}

} // namespace berkas::pipeline

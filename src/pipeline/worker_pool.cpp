#include "pipeline/worker_pool.hpp"

#include "pipeline/worker_protocol.hpp"
#include "util/log.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <deque>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berkas::pipeline {

using Clock = std::chrono::steady_clock;

namespace {

// Runs in the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void become_worker(int request_fd, int response_fd, const std::vector<char*>& argv,
                                std::uint64_t address_space)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // a worker never outlives the process it reads for
    ::dup2(request_fd, STDIN_FILENO);
    ::dup2(response_fd, STDOUT_FILENO);
    rlimit no_core {0, 0};
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

} // namespace

WorkerPool::WorkerPool(std::filesystem::path executable, std::vector<std::string> worker_arguments,
                       WorkerLimits limits)
    : m_executable(std::move(executable))
    , m_arguments(std::move(worker_arguments))
    , m_limits(limits)
    , m_workers(static_cast<size_t>(std::max(1, limits.workers)))
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
    pid_t pid = ::fork();
    if (pid == 0)
        become_worker(requests[0], responses[1], argv, m_limits.address_space_bytes);
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

void WorkerPool::stop(Worker& worker, bool kill_it)
{
    if (worker.pid < 0)
        return;
    ::close(worker.to_worker); // end of input: a healthy worker exits by itself
    if (kill_it)
        ::kill(worker.pid, SIGKILL);
    ::close(worker.from_worker);
    int status = 0;
    ::waitpid(worker.pid, &status, 0);
    worker = Worker {};
}

bool WorkerPool::send(Worker& worker, int job, const std::filesystem::path& file)
{
    if (worker.pid < 0 && !spawn(worker))
        return false;
    if (!write_all(worker.to_worker, encode_request(file.string()))) {
        stop(worker, true);
        return false;
    }
    worker.job = job;
    worker.buffer.clear();
    worker.deadline = Clock::now() + m_limits.timeout_per_file;
    return true;
}

std::vector<Expected<std::vector<PageText>>> WorkerPool::read_all(const std::vector<std::filesystem::path>& files)
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
    std::vector<int> attempts(files.size(), 0);
    std::deque<int> pending;
    for (size_t i = 0; i < files.size(); ++i)
        pending.push_back(static_cast<int>(i));

    auto fail_attempt = [&](int job, const char* code, const char* what) {
        if (++attempts[static_cast<size_t>(job)] < 2) {
            log::warning(std::string("pekerja baca ") + what + ", dicoba sekali lagi: " + files[job].string());
            pending.push_back(job);
            return;
        }
        finished(static_cast<size_t>(job), make_error(code, what, files[job].string()));
    };

    auto busy = [&] { return std::any_of(m_workers.begin(), m_workers.end(), [](auto& w) { return w.job >= 0; }); };
    while (!pending.empty() || busy()) {
        for (Worker& worker : m_workers) {
            if (worker.job >= 0 || pending.empty())
                continue;
            int job = pending.front();
            pending.pop_front();
            started(static_cast<size_t>(job));
            if (!send(worker, job, files[job]))
                fail_attempt(job, "worker_crashed", "tidak dapat dijalankan");
        }
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
            continue;
        ::poll(polled.data(), polled.size(), static_cast<int>(wait.count()));
        for (size_t i = 0; i < polled.size(); ++i) {
            Worker& worker = *owners[i];
            if (polled[i].revents != 0) {
                char chunk[65536];
                ssize_t n = ::read(worker.from_worker, chunk, sizeof chunk);
                if (n > 0) {
                    worker.buffer.append(chunk, static_cast<size_t>(n));
                    auto newline = worker.buffer.find('\n');
                    if (newline != std::string::npos) {
                        int job = worker.job;
                        worker.job = -1;
                        finished(static_cast<size_t>(job), decode_response(worker.buffer.substr(0, newline)));
                    }
                    continue;
                }
                if (n < 0 && errno == EINTR)
                    continue;
                int job = worker.job;
                stop(worker, true); // end of file: the worker died mid-file
                fail_attempt(job, "worker_crashed", "berhenti tiba-tiba");
                continue;
            }
            if (Clock::now() >= worker.deadline) {
                int job = worker.job;
                stop(worker, true);
                fail_attempt(job, "timeout", "melewati batas waktu");
            }
        }
    }
}

} // namespace berkas::pipeline

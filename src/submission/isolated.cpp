#include "submission/isolated.hpp"

#include "util/file.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berkas::submission {

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void run_child(int answer_fd, const std::function<Expected<std::string>()>& work,
                            const IsolationLimits& limits)
{
    rlimit no_core {0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    rlimit memory {limits.address_space_bytes, limits.address_space_bytes};
    ::setrlimit(RLIMIT_AS, &memory);
    nlohmann::json answer;
    try {
        auto result = work();
        answer = result ? nlohmann::json {{"ok", *result}}
                        : nlohmann::json {{"code", result.error().code}, {"message", result.error().message},
                                          {"file", result.error().file}};
    } catch (...) {
        answer = {{"code", "pdf_crashed"}, {"message", "unexpected exception"}, {"file", ""}};
    }
    write_all(answer_fd, answer.dump());
    ::_exit(0); // no atexit handlers, no flushing of the parent's buffers
}

// Reads the child's answer until it closes the pipe or the deadline passes.
bool read_answer(int fd, Clock::time_point deadline, std::string& answer)
{
    char chunk[65536];
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            return false;
        pollfd polled {fd, POLLIN, 0};
        int ready = ::poll(&polled, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready <= 0)
            continue;
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return true;
        answer.append(chunk, static_cast<size_t>(n));
    }
}

} // namespace

Expected<std::string> run_isolated(const std::function<Expected<std::string>()>& work, const IsolationLimits& limits)
{
    int answer_pipe[2];
    if (::pipe2(answer_pipe, O_CLOEXEC) != 0)
        return make_error("io", "cannot create a pipe for the PDF worker");
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(answer_pipe[0]);
        ::close(answer_pipe[1]);
        return make_error("io", "cannot start the PDF worker");
    }
    if (pid == 0) {
        ::close(answer_pipe[0]);
        run_child(answer_pipe[1], work, limits);
    }
    ::close(answer_pipe[1]);
    std::string answer;
    bool finished = read_answer(answer_pipe[0], Clock::now() + limits.timeout, answer);
    ::close(answer_pipe[0]);
    if (!finished)
        ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!finished)
        return make_error("timeout", "menggabungkan PDF melewati batas waktu");
    auto parsed = nlohmann::json::parse(answer, nullptr, false);
    if (WIFSIGNALED(status) || !parsed.is_object())
        return make_error("pdf_crashed", "penggabung PDF berhenti tiba-tiba" +
                                             (WIFSIGNALED(status) ? " (sinyal " + std::to_string(WTERMSIG(status)) + ")"
                                                                  : std::string()));
    if (parsed.contains("ok"))
        return parsed["ok"].get<std::string>();
    return make_error(parsed.value("code", "pdf"), parsed.value("message", ""), parsed.value("file", ""));
}

} // namespace berkas::submission

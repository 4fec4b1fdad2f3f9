#pragma once
// Runs a shell command for a test and gives back its exit status and its
// output (stdout and stderr together).
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace berkas::testing {

struct CommandOutput {
    int status = -1; // the exit status; -1 when it did not exit normally
    std::string output;
};

inline CommandOutput run_command(const std::string& command)
{
    CommandOutput result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return result;
    std::array<char, 4096> buffer {};
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        result.output.append(buffer.data(), n);
    int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace berkas::testing

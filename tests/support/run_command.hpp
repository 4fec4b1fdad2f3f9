#pragma once
// Running the real binaries from end-to-end tests, as a clerk's shell would,
// and reading what they wrote.
#include "util/file.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

namespace berkas::testing {

struct CommandOutput {
    int status = -1; // exit status, or -1 when the command did not exit normally
    std::string output; // stdout and stderr together
};

inline CommandOutput run(const std::string& command)
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

inline CommandOutput run_command(const std::string& command) { return run(command); }

// The JSON in `path`, or a discarded value when it is missing or malformed.
inline nlohmann::json read_json(const std::filesystem::path& path)
{
    auto text = berkas::read_file(path);
    return text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
}

inline std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

} // namespace berkas::testing

#pragma once
// Runs a shell command for a test and collects what it prints: the real tools
// (pdftotext, pdffonts, pdftoppm, the berkas binary) are the judges.
#include "util/file.hpp"

#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace berkas::testing {

struct CommandOutput {
    int status = -1;    // exit status; -1 when it did not exit normally (e.g. killed)
    int signal = 0;     // the signal that killed it, if any
    std::string output; // stdout and stderr together
};

inline CommandOutput run_command(const std::string& command)
{
    CommandOutput result;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr)
        return result;
    std::array<char, 4096> buffer {};
    while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
        result.output.append(buffer.data(), n);
    int status = ::pclose(pipe);
    if (WIFEXITED(status))
        result.status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) // the shell ran the command in its own place
        result.signal = WTERMSIG(status);
    else if (result.status > 128) // the shell reports a child killed by a signal as 128 + the signal
        result.signal = result.status - 128;
    return result;
}

inline CommandOutput run(const std::string& command) { return run_command(command); }

inline std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

// The JSON in `path`, or a discarded value when it is missing or malformed.
inline nlohmann::json read_json(const std::filesystem::path& path)
{
    auto text = berkas::read_file(path);
    return text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
}

// Whitespace-insensitive: pdftotext breaks lines where the layout does.
inline std::string collapse_whitespace(const std::string& text)
{
    std::string collapsed;
    for (char c : text) {
        bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\f';
        if (!blank)
            collapsed += c;
        else if (!collapsed.empty() && collapsed.back() != ' ')
            collapsed += ' ';
    }
    return collapsed;
}

inline bool contains_text(const std::string& text, const std::string& part)
{
    return collapse_whitespace(text).find(collapse_whitespace(part)) != std::string::npos;
}

} // namespace berkas::testing

#pragma once
// Helpers for the intake tests: born-digital PDFs that read in milliseconds
// (so the tests exercise intake, not OCR), a `berkas watch` child process, and
// direct looks into the state database.
#include "support/temp_dir.hpp"
#include "unit/test_reading_fixtures.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace berkas::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A small PDF with a text layer; `marker` makes its content (and hash) unique.
inline std::string text_pdf(const std::string& marker)
{
    return reading::testing::make_text_pdf({{"FORMULIR PERMOHONAN PENERBITAN SERTIFIKAT ELEKTRONIK",
                                             "Balai Besar Sertifikasi Elektronik (BSrE)", "Nama Lengkap : " + marker,
                                             "Nomor berkas uji " + marker}});
}

inline std::string base_config(const std::string& extra = {})
{
    std::string source = BERKAS_SOURCE_DIR;
    return "paths:\n  rules: " + source + "/rules\n  templates: " + source + "/templates\nworkers: 1\n" + extra;
}

// Starts berkas in `folder` with its output appended to `log`.
inline pid_t spawn_berkas(const fs::path& folder, const std::vector<std::string>& arguments, const fs::path& log)
{
    pid_t pid = ::fork();
    if (pid == 0) {
        ::chdir(folder.c_str());
        int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        ::dup2(out, 1);
        ::dup2(out, 2);
        std::vector<char*> argv {const_cast<char*>(BERKAS_BINARY)};
        for (const auto& argument : arguments)
            argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        ::execv(BERKAS_BINARY, argv.data());
        ::_exit(127);
    }
    return pid;
}

// Runs berkas in `folder` to the end and returns its exit status.
inline int run_berkas(const fs::path& folder, const std::vector<std::string>& arguments, const fs::path& log)
{
    pid_t pid = spawn_berkas(folder, arguments, log);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// `berkas watch` in the background for the life of the object.
class WatchProcess {
public:
    WatchProcess(const fs::path& folder, const fs::path& log) : m_pid(spawn_berkas(folder, {"watch"}, log)) {}
    ~WatchProcess() { stop(); }

    // SIGTERM, as a service manager would; returns the exit status.
    int stop()
    {
        if (m_pid <= 0)
            return m_status;
        ::kill(m_pid, SIGTERM);
        for (int i = 0; i < 300; ++i) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                m_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                return m_status;
            }
            std::this_thread::sleep_for(100ms);
        }
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
        return m_status = -2;
    }

private:
    pid_t m_pid = -1;
    int m_status = -1;
};

// One value from the state database (opened read-only, as a verifier's tool would).
inline std::string query(const fs::path& database, const std::string& sql)
{
    sqlite3* db = nullptr;
    std::string value;
    if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
            value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
}

inline bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds limit)
{
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition())
            return true;
        std::this_thread::sleep_for(100ms);
    }
    return condition();
}

inline int count_occurrences(const std::string& text, const std::string& needle)
{
    int count = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++count;
    return count;
}

} // namespace berkas::testing

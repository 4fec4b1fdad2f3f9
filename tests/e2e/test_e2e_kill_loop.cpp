// The kill loop: at least 200 SIGKILLs at random moments while berkas takes in
// 30 files, restarting after each. Nothing may be lost, duplicated or left
// half-written.
#include "e2e/intake_harness.hpp"

#include <random>

using namespace berkas;
using namespace berkas::testing;

namespace {

struct LoopFigures {
    int kills = 0;
    int completed_runs = 0;
    int runs = 0;
    double seconds = 0;
};

// Starts `berkas run --once`, kills it after `delay` unless it finished first;
// `took` is how long a run that finished took.
bool run_and_kill(const fs::path& folder, std::chrono::microseconds delay, const fs::path& log,
                  std::chrono::microseconds& took)
{
    auto start = std::chrono::steady_clock::now();
    pid_t pid = spawn_berkas(folder, {"run", "--once"}, log);
    int status = 0;
    auto deadline = start + delay;
    while (std::chrono::steady_clock::now() < deadline) {
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return true;
}

std::vector<fs::path> files_matching(const fs::path& root, const std::string& fragment)
{
    std::vector<fs::path> found;
    std::error_code error;
    for (fs::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
        if (it->path().filename().string().find(fragment) != std::string::npos)
            found.push_back(it->path());
    }
    return found;
}

} // namespace

class KillLoop : public TempDirTest {};

TEST_F(KillLoop, EveryInputEndsInExactlyOneTerminalState)
{
    fs::create_directories(dir() / "inbox");
    ASSERT_TRUE(write_file_atomic(dir() / "berkas.yaml", base_config()));
    std::map<std::string, std::string> inputs; // relative path → bytes
    std::vector<std::string> arrivals;
    for (int person = 0; person < 10; ++person) {
        for (const char* document : {"surat.pdf", "formulir.pdf", "ktp.pdf"}) {
            std::string relative = "pemohon-" + std::to_string(person) + "/" + document;
            inputs[relative] = text_pdf(relative);
            arrivals.push_back(relative);
        }
    }
    // Files keep arriving through the loop, so kills land in every phase:
    // claiming, reading, evaluating and writing outputs.
    // A kill lands at a uniformly random moment of a run as long as the last
    // run that finished by itself took.
    std::mt19937 random(20261121);
    std::chrono::microseconds typical_run(200'000);
    LoopFigures figures;
    auto start = std::chrono::steady_clock::now();
    while (figures.kills < 200 && figures.runs < 600) {
        if (figures.runs % 5 == 0 && !arrivals.empty()) {
            const std::string& relative = arrivals.front();
            fs::create_directories((dir() / "inbox" / relative).parent_path());
            ASSERT_TRUE(write_file_atomic(dir() / "inbox" / relative, inputs[relative], Visibility::shared));
            arrivals.erase(arrivals.begin());
        }
        figures.runs++;
        std::uniform_int_distribution<long> delay_us(0, typical_run.count());
        std::chrono::microseconds took {};
        if (run_and_kill(dir(), std::chrono::microseconds(delay_us(random)), dir() / "berkas.log", took)) {
            figures.kills++;
        } else {
            figures.completed_runs++;
            typical_run = took;
        }
    }
    for (const std::string& relative : arrivals) { // any not yet delivered
        fs::create_directories((dir() / "inbox" / relative).parent_path());
        ASSERT_TRUE(write_file_atomic(dir() / "inbox" / relative, inputs[relative], Visibility::shared));
    }
    ASSERT_EQ(run_berkas(dir(), {"run", "--once"}, dir() / "berkas.log"), 0);
    figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    fs::path database = dir() / "var" / "berkas.sqlite3";
    std::string read = query(database, "SELECT COUNT(*) FROM file_states WHERE state = 'read'");
    std::string quarantined = query(database, "SELECT COUNT(*) FROM file_states WHERE state = 'quarantined'");
    std::cout << "kill loop: " << figures.kills << " SIGKILL, " << figures.runs << " runs (" << figures.completed_runs
              << " finished before the kill), " << figures.seconds << " s; files read=" << read
              << " quarantined=" << quarantined << "\n";
    EXPECT_GE(figures.kills, 200);
    EXPECT_EQ(query(database, "PRAGMA integrity_check"), "ok");
    // Every input: claimed exactly once, its content in exactly one terminal state.
    EXPECT_EQ(query(database, "SELECT COUNT(*) FROM claims WHERE duplicate_of IS NULL"), "30");
    EXPECT_EQ(query(database, "SELECT COUNT(DISTINCT source) FROM claims"), "30");
    EXPECT_EQ(query(database, "SELECT COUNT(*) FROM file_states WHERE state IN ('read', 'quarantined')"), "30");
    EXPECT_EQ(query(database, "SELECT COUNT(*) FROM claims WHERE original = 'pending'"), "0");
    // Nothing lost: every original is in the archive, byte for byte.
    for (const auto& [relative, bytes] : inputs)
        EXPECT_EQ(read_file(dir() / "var" / "archive" / relative), bytes) << relative;
    EXPECT_TRUE(fs::is_empty(dir() / "inbox" / "pemohon-0"));
    // No case twice, no half-written output.
    EXPECT_EQ(query(database, "SELECT COUNT(*) FROM cases"), "10");
    size_t case_folders = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir() / "outbox" / "cases"))
        ++case_folders;
    EXPECT_EQ(case_folders, 10u);
    EXPECT_TRUE(files_matching(dir() / "outbox", ".tmp.").empty());
    EXPECT_TRUE(fs::is_empty(dir() / "var" / "spool" / "tmp"));
}

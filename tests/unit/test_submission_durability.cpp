// Queue durability with the real berkas binary: the process is killed in the
// middle of a send — by crash injection (BERKAS_TEST_CRASH_AT) or by SIGKILL
// from outside while the request is in flight — and the next run sends again
// with the same Idempotency-Key, so the receiver registers the case once.
#include "state/submission_ledger.hpp"
#include "support/http_test_server.hpp"
#include "support/sample_case.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace berkas;
using berkas::testing::HttpTestServer;
using berkas::testing::IdempotentReceiver;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    bool exited = false;
    int status = -1; // exit status, or the signal
};

pid_t start_berkas(const fs::path& folder, const std::vector<std::string>& arguments, const std::string& crash_at)
{
    pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    if (::chdir(folder.c_str()) != 0)
        ::_exit(126);
    if (!crash_at.empty())
        ::setenv("BERKAS_TEST_CRASH_AT", crash_at.c_str(), 1);
    else
        ::unsetenv("BERKAS_TEST_CRASH_AT");
    int quiet = ::open("berkas.log", O_WRONLY | O_CREAT | O_APPEND, 0600);
    ::dup2(quiet, STDOUT_FILENO);
    ::dup2(quiet, STDERR_FILENO);
    std::vector<std::string> all = {BERKAS_BINARY};
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& argument : all)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
}

Outcome wait_for(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        return {false, WTERMSIG(status)};
    return {true, WEXITSTATUS(status)};
}

Outcome run_berkas(const fs::path& folder, const std::vector<std::string>& arguments, const std::string& crash_at = {})
{
    return wait_for(start_berkas(folder, arguments, crash_at));
}

} // namespace

class SubmissionDurability : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        auto store = sample.create_with_state(dir());
        ASSERT_TRUE(store->record_decision(state::Decision {sample.case_id, "approved", "scan-back", "", ""}));
        ASSERT_TRUE(write_file_atomic(dir() / "token", "token-uji\n"));
        ::chmod((dir() / "token").c_str(), 0600);
    }

    void configure(const std::string& transport, const std::string& endpoint = {})
    {
        std::string source = BERKAS_SOURCE_DIR;
        std::string yaml = "paths:\n  rules: " + source + "/rules\n  templates: " + source + "/templates\n" +
                           "submission:\n  transport: " + transport + "\n";
        if (!endpoint.empty())
            yaml += "  endpoint: " + endpoint + "\n  token_file: token\n  backoff: 0.01\n  timeout: 30\n";
        ASSERT_TRUE(write_file_atomic(dir() / "berkas.yaml", yaml));
    }

    // The queue as the next process sees it.
    state::QueueEntry queue_entry()
    {
        auto store = std::move(*state::Store::open(dir() / "var" / "berkas.sqlite3"));
        auto ledger = std::move(*state::SubmissionLedger::attach(*store));
        auto entry = ledger.entry(sample.case_id);
        return entry && *entry ? **entry : state::QueueEntry {};
    }

    std::vector<state::LifecycleEvent> events()
    {
        auto store = std::move(*state::Store::open(dir() / "var" / "berkas.sqlite3"));
        return *std::move(*state::SubmissionLedger::attach(*store)).events(sample.case_id);
    }

    std::string log() { return read_file(dir() / "berkas.log").value_or(""); }

    berkas::testing::SampleCase sample;
};

TEST_F(SubmissionDurability, AKillAfterTheSendIsRepairedBySendingOnceMore)
{
    IdempotentReceiver receiver;
    HttpTestServer server([&](int, const HttpTestServer::Request& request) { return receiver(request); });
    configure("http", server.url());

    Outcome killed = run_berkas(dir(), {"submit"}, "after_send_before_commit");
    ASSERT_FALSE(killed.exited) << log();
    EXPECT_EQ(killed.status, SIGKILL);
    EXPECT_EQ(server.request_count(), 1u);
    EXPECT_EQ(receiver.registrations(), 1u);
    EXPECT_EQ(queue_entry().state, "sending"); // the answer never reached the database
    EXPECT_TRUE(events().empty());

    Outcome resumed = run_berkas(dir(), {"submit"});
    ASSERT_TRUE(resumed.exited && resumed.status == 0) << log();
    ASSERT_EQ(server.request_count(), 2u);
    for (const auto& request : server.requests())
        EXPECT_EQ(request.header("idempotency-key"), sample.case_id);
    EXPECT_EQ(receiver.registrations(), 1u); // the receiver saw the key again and registered nothing new
    state::QueueEntry sent = queue_entry();
    EXPECT_EQ(sent.state, "sent");
    EXPECT_EQ(sent.receipt, "REG-1");
    EXPECT_EQ(sent.attempts, 2);
    auto steps = events();
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].state, "submitted");

    ASSERT_EQ(run_berkas(dir(), {"submit"}).status, 0);
    EXPECT_EQ(server.request_count(), 2u); // sent stays sent
}

TEST_F(SubmissionDurability, ASigkillWhileTheRequestIsInFlightIsRepairedToo)
{
    IdempotentReceiver receiver;
    std::atomic<bool> answer_first {false};
    HttpTestServer server([&](int index, const HttpTestServer::Request& request) {
        auto response = receiver(request);
        for (int waited = 0; index == 0 && !answer_first && waited < 400; ++waited)
            std::this_thread::sleep_for(std::chrono::milliseconds(50)); // hold the answer until berkas is dead
        return response;
    });
    configure("http", server.url());

    pid_t sender = start_berkas(dir(), {"submit"}, {});
    for (int waited = 0; server.request_count() == 0 && waited < 600; ++waited)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_EQ(server.request_count(), 1u) << log();
    ::kill(sender, SIGKILL);
    Outcome killed = wait_for(sender);
    answer_first = true;
    ASSERT_FALSE(killed.exited);
    EXPECT_EQ(queue_entry().state, "sending");

    Outcome resumed = run_berkas(dir(), {"submit"});
    ASSERT_TRUE(resumed.exited && resumed.status == 0) << log();
    EXPECT_EQ(server.request_count(), 2u);
    EXPECT_EQ(receiver.registrations(), 1u);
    EXPECT_EQ(queue_entry().state, "sent");
    EXPECT_EQ(events().size(), 1u);
}

TEST_F(SubmissionDurability, AKillBeforeTheRequestLeavesSendsItOnce)
{
    IdempotentReceiver receiver;
    HttpTestServer server([&](int, const HttpTestServer::Request& request) { return receiver(request); });
    configure("http", server.url());
    Outcome killed = run_berkas(dir(), {"submit"}, "after_claim_before_send");
    ASSERT_FALSE(killed.exited) << log();
    EXPECT_EQ(server.request_count(), 0u);

    ASSERT_EQ(run_berkas(dir(), {"submit"}).status, 0) << log();
    EXPECT_EQ(server.request_count(), 1u);
    EXPECT_EQ(queue_entry().state, "sent");
}

TEST_F(SubmissionDurability, AKillBetweenPackageAndQueueLeavesOneWholePackage)
{
    configure("folder");
    Outcome killed = run_berkas(dir(), {"submit"}, "after_package_before_queue");
    ASSERT_FALSE(killed.exited) << log();
    EXPECT_TRUE(fs::exists(dir() / "outbox" / "bsre" / sample.case_id / "manifest.json"));
    EXPECT_EQ(queue_entry().state, "");

    ASSERT_EQ(run_berkas(dir(), {"submit"}).status, 0) << log();
    EXPECT_EQ(queue_entry().state, "waiting");
    size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(dir() / "outbox" / "bsre")) {
        entries++;
        EXPECT_EQ(entry.path().filename(), sample.case_id); // no staging folder left behind
    }
    EXPECT_EQ(entries, 1u);
}

#include "state/submission_ledger.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::state;

class StateSubmissionLedger : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        store = std::move(*Store::open(dir() / "berkas.sqlite3"));
        ledger.emplace(std::move(*SubmissionLedger::attach(*store)));
        for (const char* id : {"a", "b"}) {
            CaseResult result;
            result.case_id = id;
            result.status = CaseStatus::complete;
            ASSERT_TRUE(store->save_case(result, id, "f", "{}"));
        }
    }

    void queue(const std::string& id, const std::string& state)
    {
        QueueEntry entry;
        entry.case_id = id;
        entry.transport = state == "waiting" ? "folder" : "http";
        entry.state = state;
        entry.next_attempt_at = entry.created_at = "2026-03-02T01:00:00Z";
        entry.package = "outbox/bsre/" + id;
        ASSERT_TRUE(ledger->add_entry(entry));
    }

    std::unique_ptr<Store> store;
    std::optional<SubmissionLedger> ledger;
};

TEST_F(StateSubmissionLedger, TheLatestDecisionDecidesWhatIsQueued)
{
    ASSERT_TRUE(store->record_decision(Decision {"a", "approved", "scan-back", "", ""}));
    ASSERT_TRUE(store->record_decision(Decision {"b", "approved", "verifier:****1002", "", ""}));
    ASSERT_TRUE(store->record_decision(Decision {"b", "returned", "verifier:****1002", "KTP buram", ""}));
    EXPECT_EQ(*ledger->approved_without_entry(), std::vector<std::string> {"a"});
    EXPECT_TRUE(*ledger->has_effective_approval("a"));
    EXPECT_FALSE(*ledger->has_effective_approval("b"));

    ASSERT_TRUE(ledger->ignore_latest_approval("a", "belum ada dokumen baru", "2026-03-02T01:00:00Z"));
    EXPECT_TRUE(ledger->approved_without_entry()->empty());
    EXPECT_FALSE(*ledger->has_effective_approval("a"));
    ASSERT_TRUE(store->record_decision(Decision {"a", "approved", "verifier:****1002", "", ""}));
    EXPECT_TRUE(*ledger->has_effective_approval("a")); // a new approval counts
    queue("a", "waiting");
    EXPECT_TRUE(ledger->approved_without_entry()->empty());
}

TEST_F(StateSubmissionLedger, OnlyOneProcessClaimsASend)
{
    queue("a", "pending");
    EXPECT_EQ(ledger->due_entries("2026-03-02T00:59:59Z")->size(), 0u);
    ASSERT_EQ(ledger->due_entries("2026-03-02T01:00:00Z")->size(), 1u);
    EXPECT_TRUE(*ledger->claim("a", 100, "2026-03-02T01:00:01Z"));
    EXPECT_FALSE(*ledger->claim("a", 200, "2026-03-02T01:00:01Z"));
    EXPECT_EQ((*ledger->entry("a"))->attempts, 1);
    EXPECT_TRUE(ledger->due_entries("2026-03-02T02:00:00Z")->empty());
}

TEST_F(StateSubmissionLedger, InterruptedSendsOfDeadProcessesGoBackToPending)
{
    queue("a", "pending");
    queue("b", "pending");
    ASSERT_TRUE(*ledger->claim("a", 100, "t"));
    ASSERT_TRUE(*ledger->claim("b", 200, "t"));
    auto recovered = ledger->recover_interrupted([](int pid) { return pid == 200; }, "2026-03-02T02:00:00Z");
    ASSERT_TRUE(recovered.has_value());
    EXPECT_EQ(*recovered, 1);
    EXPECT_EQ((*ledger->entry("a"))->state, "pending"); // its process is gone
    EXPECT_EQ((*ledger->entry("b"))->state, "sending"); // still being sent by a live process
    EXPECT_EQ((*ledger->entry("a"))->attempts, 1);      // the interrupted attempt still counts
}

TEST_F(StateSubmissionLedger, CompletingASendAndRecordingTheStepIsOneTransaction)
{
    queue("a", "pending");
    LifecycleEvent submitted {"a", "submitted", "http", "REG-1", "2026-03-02T01:00:02Z"};
    EXPECT_FALSE(ledger->complete_send("a", "REG-1", submitted).has_value()); // not claimed: nothing happens
    EXPECT_TRUE(ledger->events("a")->empty());
    ASSERT_TRUE(*ledger->claim("a", 100, "t"));
    ASSERT_TRUE(ledger->complete_send("a", "REG-1", submitted).has_value());
    EXPECT_EQ((*ledger->entry("a"))->state, "sent");
    EXPECT_EQ(ledger->events("a")->size(), 1u);
    EXPECT_EQ(*ledger->current_step("a"), "submitted");
}

TEST_F(StateSubmissionLedger, AStepEnteredByHandNeedsAWaitingEntry)
{
    queue("a", "pending");
    LifecycleEvent submitted {"a", "submitted", "user:clerk", "", "2026-03-02T01:00:02Z"};
    EXPECT_FALSE(ledger->record_step(submitted, std::nullopt, true).has_value());
    EXPECT_TRUE(ledger->events("a")->empty()); // rolled back with the failed queue update
    queue("b", "waiting");
    submitted.case_id = "b";
    ASSERT_TRUE(ledger->record_step(submitted, std::nullopt, true).has_value());
    EXPECT_EQ((*ledger->entry("b"))->state, "sent");
    EXPECT_EQ((*ledger->entry("b"))->receipt, "manual");
}

TEST_F(StateSubmissionLedger, RenewalsFallDueForIssuedCertificatesOnly)
{
    Certificate certificate {"a", "SN-1", "2024-03-01", "2026-03-01", "2026-01-30", ""};
    ASSERT_TRUE(ledger->record_step({"a", "issued", "x", "", "2024-03-01T02:00:00Z"}, certificate, false));
    certificate.case_id = "b";
    ASSERT_TRUE(ledger->record_step({"b", "issued", "x", "", "2024-03-01T02:00:00Z"}, certificate, false));
    ASSERT_TRUE(ledger->record_step({"b", "revoked", "x", "", "2025-03-01T02:00:00Z"}, std::nullopt, false));
    EXPECT_TRUE(ledger->renewals_due("2026-01-29")->empty());
    auto due = ledger->renewals_due("2026-01-30");
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ((*due)[0].case_id, "a");
}

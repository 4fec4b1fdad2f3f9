#include "state/intake_ledger.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::state;

class StateIntakeLedger : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        auto store = Store::open(dir() / "berkas.sqlite3");
        ASSERT_TRUE(store.has_value());
        m_store = std::move(*store);
        auto ledger = IntakeLedger::open(*m_store);
        ASSERT_TRUE(ledger.has_value());
        m_ledger.emplace(*ledger);
    }

    std::unique_ptr<Store> m_store;
    std::optional<IntakeLedger> m_ledger;
};

TEST_F(StateIntakeLedger, SameContentTwiceIsADuplicateOfTheFirst)
{
    auto first = m_ledger->record_claim("aaa", "budi/ktp.pdf", "budi", FileIdentity {1, 10, 5, 7});
    auto copy = m_ledger->record_claim("aaa", "budi - Copy/ktp.pdf", "budi - Copy", FileIdentity {1, 11, 5, 7});
    ASSERT_TRUE(first && copy);
    EXPECT_FALSE(first->duplicate_of.has_value());
    ASSERT_TRUE(copy->duplicate_of.has_value());
    EXPECT_EQ(*copy->duplicate_of, first->id);
    EXPECT_EQ(m_ledger->active_claims()->size(), 1u);
    EXPECT_EQ((*m_ledger->count_by_state())["duplicate"], 1);
}

TEST_F(StateIntakeLedger, InterruptedReadingGoesBackToTheQueueWithItsAttempts)
{
    ASSERT_TRUE(m_ledger->record_claim("bbb", "sk.pdf", "sk.pdf", FileIdentity {}));
    EXPECT_EQ(*m_ledger->begin_reading("bbb"), 1);
    auto requeued = m_ledger->requeue_interrupted();
    ASSERT_TRUE(requeued.has_value());
    ASSERT_EQ(requeued->size(), 1u);
    EXPECT_EQ((*requeued)[0].second, 1);
    EXPECT_EQ(**m_ledger->file_state("bbb"), FileState::received);
    EXPECT_EQ(*m_ledger->begin_reading("bbb"), 2);
    ASSERT_TRUE(m_ledger->finish("bbb", FileState::read));
    EXPECT_TRUE(m_ledger->requeue_interrupted()->empty());
}

TEST_F(StateIntakeLedger, KnowsAnOriginalLeftInPlace)
{
    FileIdentity identity {2, 20, 100, 123};
    auto claim = m_ledger->record_claim("ccc", "ktp.jpg", "ktp.jpg", identity);
    ASSERT_TRUE(claim.has_value());
    EXPECT_EQ(m_ledger->claims_with_original_pending()->size(), 1u);
    ASSERT_TRUE(m_ledger->set_original(claim->id, "kept"));
    EXPECT_TRUE(m_ledger->claims_with_original_pending()->empty());
    EXPECT_TRUE(*m_ledger->already_claimed("ktp.jpg", identity));
    identity.mtime_ns = 124; // touched again: new content may follow
    EXPECT_FALSE(*m_ledger->already_claimed("ktp.jpg", identity));
}

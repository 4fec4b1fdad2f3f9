#include "state/store.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::state;

class StateStore : public berkas::testing::TempDirTest {
protected:
    std::unique_ptr<Store> open()
    {
        auto store = Store::open(dir() / "berkas.sqlite3");
        EXPECT_TRUE(store.has_value()) << store.error().message;
        return std::move(*store);
    }

    CaseResult sample_case(CaseStatus status)
    {
        CaseResult result;
        result.case_id = "budi-123456";
        result.status = status;
        result.profile = "default";
        result.rules_version = "abc";
        result.applicant.nama = FieldValue {"Budi", "budi/f.pdf", 1};
        result.documents.push_back(Document {DocumentType::ktp, "budi/ktp.pdf", {1}, {{"nik", "6171010101900001"}}});
        if (status == CaseStatus::incomplete)
            result.problems.push_back(Problem {"missing:sk_terakhir", "SK terakhir tidak ditemukan"});
        return result;
    }
};

TEST_F(StateStore, PagesSurviveReopening)
{
    {
        auto store = open();
        ASSERT_TRUE(store->remember_pages("h1", "a.pdf", 10, {{1, "NIK : 1", TextSource::ocr, 88.5f},
                                                              {2, "", TextSource::blank, 0}}));
    }
    auto store = open();
    auto pages = store->cached_pages("h1");
    ASSERT_TRUE(pages.has_value() && pages->has_value());
    ASSERT_EQ((*pages)->size(), 2u);
    EXPECT_EQ((**pages)[0].text, "NIK : 1");
    EXPECT_FLOAT_EQ((**pages)[0].confidence, 88.5f);
    EXPECT_EQ((**pages)[1].source, TextSource::blank);
    EXPECT_FALSE(store->cached_pages("unknown")->has_value());
}

TEST_F(StateStore, SavingACaseAgainReplacesItsProblems)
{
    auto store = open();
    ASSERT_TRUE(store->save_case(sample_case(CaseStatus::incomplete), "budi", "f1", "{}"));
    ASSERT_TRUE(store->save_case(sample_case(CaseStatus::complete), "budi", "f2", "{}"));
    auto cases = store->list_cases();
    ASSERT_TRUE(cases.has_value());
    ASSERT_EQ(cases->size(), 1u);
    EXPECT_EQ((*cases)[0].status, "complete");
    EXPECT_EQ((*cases)[0].problem_count, 0);
    EXPECT_EQ(*store->case_fingerprint("budi-123456"), "f2");
}

TEST_F(StateStore, DecisionsAreKeptInOrder)
{
    auto store = open();
    ASSERT_TRUE(store->save_case(sample_case(CaseStatus::complete), "budi", "f", "{}"));
    ASSERT_TRUE(store->record_decision(Decision {"budi-123456", "returned", "verifier:****1002", "KTP buram", ""}));
    ASSERT_TRUE(store->record_decision(Decision {"budi-123456", "approved", "scan-back", "", ""}));
    auto decisions = store->decisions("budi-123456");
    ASSERT_TRUE(decisions.has_value());
    ASSERT_EQ(decisions->size(), 2u);
    EXPECT_EQ((*decisions)[0].decision, "returned");
    EXPECT_EQ((*decisions)[1].actor, "scan-back");
    EXPECT_FALSE((*decisions)[1].at.empty());
}

TEST_F(StateStore, RejectionsAreListed)
{
    auto store = open();
    ASSERT_TRUE(store->record_rejection("h", RejectedFile {"x.docx", "not_a_document", "Bukan dokumen"}));
    EXPECT_EQ((*store->rejection("h"))->reason, "not_a_document");
    EXPECT_EQ(store->list_rejections()->size(), 1u);
}

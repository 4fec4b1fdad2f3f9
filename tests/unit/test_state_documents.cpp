// The document register on real SQLite files: letter numbers, layouts, scan-backs.
#include "state/document_register.hpp"
#include "state/statement.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

namespace berkas::state {
namespace {

class StateDocuments : public testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        reopen();
    }

    void reopen()
    {
        documents.reset();
        store.reset();
        auto opened = Store::open(dir() / "berkas.sqlite3");
        ASSERT_TRUE(opened) << opened.error().message;
        store = std::move(*opened);
        auto registered = DocumentRegister::open(*store);
        ASSERT_TRUE(registered) << registered.error().message;
        documents = std::move(*registered);
    }

    int reserve(const std::string& case_id, int year = 2026)
    {
        auto number = documents->reserve_letter_number(case_id, year, std::to_string(year) + "-11-21");
        EXPECT_TRUE(number) << number.error().message;
        return number ? number->sequence : -1;
    }

    std::vector<int> sequences(int year = 2026)
    {
        std::vector<int> found;
        for (const LetterNumber& number : *documents->letter_numbers(year))
            found.push_back(number.sequence);
        return found;
    }

    std::unique_ptr<Store> store;
    std::unique_ptr<DocumentRegister> documents;
};

TEST_F(StateDocuments, ACaseKeepsItsNumberAndTheYearsCountSeparately)
{
    EXPECT_EQ(reserve("a"), 1);
    EXPECT_EQ(reserve("b"), 2);
    EXPECT_EQ(reserve("a"), 1);
    EXPECT_EQ(reserve("c", 2027), 1);
    auto held = documents->letter_number("a");
    ASSERT_TRUE(held && *held);
    EXPECT_EQ((*held)->date, "2026-11-21");
    EXPECT_FALSE((*held)->issued);
    reopen(); // durable: a new process sees the same numbers
    EXPECT_EQ(reserve("b"), 2);
    EXPECT_EQ(reserve("d"), 3);
}

TEST_F(StateDocuments, AnIssuedNumberIsNeverGivenBack)
{
    EXPECT_EQ(reserve("a"), 1);
    ASSERT_TRUE(documents->mark_letter_issued("a"));
    ASSERT_TRUE(documents->release_letter_number("a")); // the case became incomplete after its letter
    EXPECT_EQ(reserve("b"), 2);
    EXPECT_EQ(reserve("a"), 1) << "the letter numbered 1 is still the case's letter";
    EXPECT_TRUE((*documents->letter_number("a"))->issued);
}

TEST_F(StateDocuments, ANumberNoLetterCarriedGoesToTheNextCaseSoThereIsNoGap)
{
    EXPECT_EQ(reserve("a"), 1);
    EXPECT_EQ(reserve("b"), 2);
    ASSERT_TRUE(documents->mark_letter_issued("b"));
    ASSERT_TRUE(documents->release_letter_number("a")); // reserved, never written: the case turned incomplete
    EXPECT_FALSE(*documents->letter_number("a"));
    EXPECT_EQ(sequences(), std::vector<int>({2}));
    EXPECT_EQ(reserve("c"), 1);
    EXPECT_EQ(reserve("a"), 3) << "a case that comes back takes the next number";
    EXPECT_EQ(sequences(), std::vector<int>({1, 2, 3}));
}

TEST_F(StateDocuments, OlderDatabasesCountTheirNumbersAsIssued)
{
    documents.reset();
    store.reset();
    std::filesystem::remove(dir() / "berkas.sqlite3");
    {
        auto old = Store::open(dir() / "berkas.sqlite3"); // creates the old letter_numbers table only
        ASSERT_TRUE(old);
        Statement insert((*old)->connection(),
                         "INSERT INTO letter_numbers(year, sequence, case_id) VALUES(2026, 1, 'x')");
        ASSERT_EQ(insert.step(), SQLITE_DONE);
    }
    reopen();
    auto held = documents->letter_number("x");
    ASSERT_TRUE(held && *held);
    EXPECT_TRUE((*held)->issued);
    EXPECT_EQ(reserve("y"), 2);
}

TEST_F(StateDocuments, LayoutsAndScanBacksSurviveReopening)
{
    DocumentLayout layout;
    layout.codes.push_back({1, {398.5, 120.25, 62.4, 62.4}, "berkas:case:x:surat-rekomendasi"});
    layout.signatures.push_back({1, {320, 110, 226.8, 68}, "Kepala Dinas"});
    ASSERT_TRUE(documents->record_layout("x", IssuedDocument::recommendation_letter, layout));
    ScanBack scan {"h1", 1, "ttd.pdf", "x", IssuedDocument::recommendation_letter,
                   true, {{"Kepala Dinas", 0.07, true}}, ""};
    ASSERT_TRUE(documents->record_scan_back(scan));
    EXPECT_TRUE(*documents->is_scan_back("h1"));
    EXPECT_FALSE(*documents->is_scan_back("h2"));
    reopen();
    auto stored = documents->layout("x", IssuedDocument::recommendation_letter);
    ASSERT_TRUE(stored && *stored);
    ASSERT_EQ((*stored)->codes.size(), 1u);
    EXPECT_DOUBLE_EQ((*stored)->codes[0].symbol.y, 120.25);
    EXPECT_EQ((*stored)->signatures[0].label, "Kepala Dinas");
    EXPECT_FALSE(*documents->layout("x", IssuedDocument::verification_sheet));
    auto scans = documents->scan_backs("x");
    ASSERT_TRUE(scans);
    ASSERT_EQ(scans->size(), 1u);
    EXPECT_EQ((*scans)[0].document, IssuedDocument::recommendation_letter);
    ASSERT_EQ((*scans)[0].signatures.size(), 1u);
    EXPECT_TRUE((*scans)[0].signatures[0].is_signed);
    EXPECT_FALSE((*scans)[0].received_at.empty());
    EXPECT_TRUE(documents->scan_backs("y")->empty());
    EXPECT_EQ(documents->scan_backs()->size(), 1u);
}

} // namespace
} // namespace berkas::state

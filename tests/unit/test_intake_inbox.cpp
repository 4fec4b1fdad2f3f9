#include "intake/inbox.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::intake;
using namespace std::chrono_literals;

TEST(IntakeNames, IgnoresScannerAndSystemFiles)
{
    for (const char* name : {"~$surat.docx", "scan.tmp", "scan.PART", ".DS_Store", "Thumbs.db", "desktop.ini",
                             "._ktp.pdf", "@eaDir", ".hidden"})
        EXPECT_TRUE(is_ignored_name(name)) << name;
    for (const char* name : {"ktp.pdf", "SCN_0001.JPG", "-leading-dash.pdf"})
        EXPECT_FALSE(is_ignored_name(name)) << name;
}

TEST(IntakeNames, CaseIdIsStableSafeAndDistinct)
{
    EXPECT_EQ(case_id_for("Pemohon 01 (Budi)"), case_id_for("Pemohon 01 (Budi)"));
    std::string id = case_id_for("../Pemohon 01\n(Budi)");
    EXPECT_EQ(id.find('/'), std::string::npos);
    EXPECT_EQ(id.find('\n'), std::string::npos);
    EXPECT_EQ(id.rfind("pemohon-01-budi-", 0), 0u) << id;
    EXPECT_NE(case_id_for("a b"), case_id_for("a-b"));
}

class IntakeScan : public berkas::testing::TempDirTest {};

TEST_F(IntakeScan, SubfolderIsOneCaseRootFileIsOneCase)
{
    ASSERT_TRUE(ensure_directory(dir() / "budi" / "lampiran"));
    ASSERT_TRUE(write_file_atomic(dir() / "budi" / "ktp.pdf", "x"));
    ASSERT_TRUE(write_file_atomic(dir() / "budi" / "lampiran" / "sk.pdf", "x"));
    ASSERT_TRUE(write_file_atomic(dir() / "budi" / "scan.tmp", "x"));
    ASSERT_TRUE(write_file_atomic(dir() / "bundel.pdf", "x"));
    auto listing = list_inbox(dir());
    ASSERT_TRUE(listing.has_value());
    auto cases = &listing->cases;
    ASSERT_EQ(cases->size(), 2u);
    EXPECT_EQ((*cases)[0].relative, "budi");
    ASSERT_EQ((*cases)[0].files.size(), 2u);
    EXPECT_EQ((*cases)[0].files[0].relative, "budi/ktp.pdf");
    EXPECT_EQ((*cases)[0].files[1].relative, "budi/lampiran/sk.pdf");
    EXPECT_EQ((*cases)[1].relative, "bundel.pdf");
    EXPECT_EQ((*cases)[1].case_id, case_id_for("bundel.pdf"));
}

TEST(IntakeStability, ReadyOnlyAfterTheDelayWithoutChange)
{
    StabilityTracker tracker(5s);
    auto t0 = StabilityTracker::Clock::time_point {};
    InboxFile file {"/x", "x.pdf", 100, 1};
    EXPECT_FALSE(tracker.is_stable(file, t0));
    EXPECT_FALSE(tracker.is_stable(file, t0 + 4s));
    file.size = 200; // the scanner wrote another pass
    EXPECT_FALSE(tracker.is_stable(file, t0 + 6s));
    EXPECT_FALSE(tracker.is_stable(file, t0 + 10s));
    EXPECT_TRUE(tracker.is_stable(file, t0 + 11s));
}

TEST(IntakeStability, NextSettleTimeIsTheEarliestFileStillSettling)
{
    StabilityTracker tracker(5s);
    auto t0 = StabilityTracker::Clock::time_point {};
    EXPECT_FALSE(tracker.next_settle_time(t0).has_value());
    tracker.is_stable(InboxFile {"/a", "a.pdf", 100, 1}, t0);
    tracker.is_stable(InboxFile {"/b", "b.pdf", 100, 1}, t0 + 2s);
    EXPECT_EQ(tracker.next_settle_time(t0 + 1s), t0 + 5s);
    tracker.is_stable(InboxFile {"/a", "a.pdf", 150, 2}, t0 + 3s); // a grew: its clock starts again
    EXPECT_EQ(tracker.next_settle_time(t0 + 3s), t0 + 7s);
    EXPECT_EQ(tracker.next_settle_time(t0 + 7s), t0 + 8s);
    EXPECT_FALSE(tracker.next_settle_time(t0 + 8s).has_value()); // both settled
}

TEST(IntakeStability, EmptyFileIsNeverReady)
{
    StabilityTracker tracker(0s);
    EXPECT_FALSE(tracker.is_stable(InboxFile {"/x", "x.pdf", 0, 1}, StabilityTracker::Clock::time_point {} + 1h));
}

// Intake with the real binary: files written slowly, reopened, left empty,
// copied twice, linked or oddly named, and a watcher under SIGTERM.
#include "e2e/intake_harness.hpp"

#include <fstream>
#include <sys/stat.h>

using namespace berkas;
using namespace berkas::testing;

class IntakeWatch : public TempDirTest {
protected:
    void start(const std::string& watch_settings)
    {
        fs::create_directories(dir() / "inbox");
        ASSERT_TRUE(write_file_atomic(dir() / "berkas.yaml", base_config("watch:\n" + watch_settings)));
        m_watch.emplace(dir(), log_path());
    }
    fs::path log_path() { return dir() / "berkas.log"; }
    fs::path database() { return dir() / "var" / "berkas.sqlite3"; }
    int claims_of(const std::string& source)
    {
        return std::atoi(query(database(), "SELECT COUNT(*) FROM claims WHERE source = '" + source + "'").c_str());
    }
    std::string log_text() { return read_file(log_path()).value_or(""); }

    std::optional<WatchProcess> m_watch;
};

TEST_F(IntakeWatch, SlowWriterIsTakenExactlyOnceAfterItCloses)
{
    start("  stability_delay: 2\n  poll_interval: 1\n");
    std::string content = text_pdf("penulis-lambat");
    int fd = ::open((dir() / "inbox" / "lambat.pdf").c_str(), O_WRONLY | O_CREAT, 0644);
    ASSERT_GE(fd, 0);
    size_t chunk = content.size() / 10 + 1;
    for (size_t at = 0; at < content.size(); at += chunk) {
        ASSERT_GT(::write(fd, content.data() + at, std::min(chunk, content.size() - at)), 0);
        std::this_thread::sleep_for(1s);
        ASSERT_EQ(claims_of("lambat.pdf"), 0) << "taken while still being written\n" << log_text();
    }
    ::close(fd);
    ASSERT_TRUE(wait_until([&] { return claims_of("lambat.pdf") == 1; }, 20s)) << log_text();
    ASSERT_TRUE(wait_until([&] { return !query(database(), "SELECT case_id FROM cases").empty(); }, 20s));
    std::this_thread::sleep_for(3s); // several more passes of the loop
    EXPECT_EQ(claims_of("lambat.pdf"), 1);
    EXPECT_FALSE(fs::exists(dir() / "inbox" / "lambat.pdf"));
    EXPECT_EQ(read_file(dir() / "var" / "archive" / "lambat.pdf"), content);
    EXPECT_EQ(m_watch->stop(), 0) << log_text();
}

TEST_F(IntakeWatch, ScannerThatClosesAndReopensIsTakenWhole)
{
    start("  stability_delay: 2\n  poll_interval: 1\n");
    std::string content = text_pdf("pemindai-dua-kali");
    fs::path file = dir() / "inbox" / "scan.pdf";
    ASSERT_TRUE(write_file_atomic(file, content.substr(0, content.size() / 2), Visibility::shared));
    std::this_thread::sleep_for(1s);
    int fd = ::open(file.c_str(), O_WRONLY | O_APPEND);
    ASSERT_GT(::write(fd, content.data() + content.size() / 2, content.size() - content.size() / 2), 0);
    ::close(fd);
    ASSERT_TRUE(wait_until([&] { return claims_of("scan.pdf") == 1; }, 20s)) << log_text();
    EXPECT_EQ(query(database(), "SELECT size FROM claims WHERE source = 'scan.pdf'"), std::to_string(content.size()));
}

TEST_F(IntakeWatch, EmptyPlaceholderIsTakenOnlyOnceFilled)
{
    start("  stability_delay: 1\n  poll_interval: 1\n");
    fs::path file = dir() / "inbox" / "kosong.pdf";
    ASSERT_TRUE(write_file_atomic(file, "", Visibility::shared));
    std::this_thread::sleep_for(4s);
    EXPECT_EQ(claims_of("kosong.pdf"), 0) << log_text();
    ASSERT_TRUE(write_file_atomic(file, text_pdf("diisi-kemudian"), Visibility::shared));
    EXPECT_TRUE(wait_until([&] { return claims_of("kosong.pdf") == 1; }, 15s)) << log_text();
}

TEST_F(IntakeWatch, PollingModePicksFilesUpWithinTheRescanInterval)
{
    start("  mode: poll\n  rescan_interval: 3\n  stability_delay: 1\n  poll_interval: 1\n");
    std::this_thread::sleep_for(1s);
    ASSERT_TRUE(write_file_atomic(dir() / "inbox" / "jaringan.pdf", text_pdf("polling"), Visibility::shared));
    auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(wait_until([&] { return claims_of("jaringan.pdf") == 1; }, 15s)) << log_text();
    // rescan interval + stability delay + one poll + margin for a loaded machine
    EXPECT_LT(std::chrono::steady_clock::now() - start, 12s);
    EXPECT_NE(log_text().find("(polling)"), std::string::npos);
}

TEST_F(IntakeWatch, SigtermEndsCleanly)
{
    start("  stability_delay: 1\n");
    ASSERT_TRUE(write_file_atomic(dir() / "inbox" / "a.pdf", text_pdf("sigterm"), Visibility::shared));
    ASSERT_TRUE(wait_until([&] { return claims_of("a.pdf") == 1; }, 15s)) << log_text();
    EXPECT_EQ(m_watch->stop(), 0);
    EXPECT_NE(log_text().find("berhenti dengan rapi"), std::string::npos) << log_text();
    EXPECT_EQ(query(database(), "PRAGMA integrity_check"), "ok");
}

class IntakeOnce : public TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        fs::create_directories(dir() / "inbox");
        ASSERT_TRUE(write_file_atomic(dir() / "berkas.yaml", base_config()));
    }
    void put(const std::string& relative, const std::string& bytes)
    {
        fs::create_directories((dir() / "inbox" / relative).parent_path());
        ASSERT_TRUE(write_file_atomic(dir() / "inbox" / relative, bytes, Visibility::shared));
    }
    int run_once() { return run_berkas(dir(), {"run", "--once"}, dir() / "berkas.log"); }
    std::string count(const std::string& sql) { return query(dir() / "var" / "berkas.sqlite3", sql); }
    std::string log_text() { return read_file(dir() / "berkas.log").value_or(""); }
};

TEST_F(IntakeOnce, DuplicatesAndCopiedFoldersMakeNoNewCase)
{
    for (const char* name : {"surat.pdf", "formulir.pdf", "ktp.pdf"}) {
        put(std::string("budi/") + name, text_pdf(std::string("budi-") + name));
        put(std::string("budi - Copy/") + name, text_pdf(std::string("budi-") + name));
    }
    put("ktp-lagi.pdf", text_pdf("budi-ktp.pdf"));
    ASSERT_EQ(run_once(), 0) << log_text();
    EXPECT_EQ(count("SELECT COUNT(*) FROM cases"), "1");
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE duplicate_of IS NULL"), "3");
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE duplicate_of IS NOT NULL"), "4");
    EXPECT_EQ(count_occurrences(log_text(), "duplikat"), 4);
    put("ktp-lagi.pdf", text_pdf("budi-ktp.pdf")); // arrives once more
    ASSERT_EQ(run_once(), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM cases"), "1");
    EXPECT_EQ(count_occurrences(log_text(), "duplikat"), 5); // reported once per arrival, never processed
    EXPECT_EQ(count("SELECT COUNT(*) FROM file_states"), "3");
}

TEST_F(IntakeOnce, LinksFifosAndOddNamesNeverHangOrFollow)
{
    fs::path outside = dir() / "di-luar-inbox.pdf";
    ASSERT_TRUE(write_file_atomic(outside, text_pdf("rahasia"), Visibility::shared));
    fs::create_symlink(outside, dir() / "inbox" / "tautan.pdf");
    fs::create_directories(dir() / "inbox" / "folder-tautan");
    fs::create_directory_symlink(dir() / "inbox", dir() / "inbox" / "folder-tautan" / "lingkaran");
    ASSERT_EQ(::mkfifo((dir() / "inbox" / "pipa.pdf").c_str(), 0600), 0);
    put("map.pdf/isi.pdf", text_pdf("folder-bernama-pdf"));
    put("surat\nbaris-baru.pdf", text_pdf("baris-baru"));
    put("sk-\xff\xfe.pdf", text_pdf("bukan-utf8"));
    put("-awalan-strip.pdf", text_pdf("strip"));
    {
        std::ofstream longest(dir() / "inbox" / (std::string(251, 'n') + ".pdf"), std::ios::binary); // 255 bytes
        longest << text_pdf("nama-255");
    }
    ASSERT_EQ(::link((dir() / "inbox" / "-awalan-strip.pdf").c_str(), (dir() / "inbox" / "tautan-keras.pdf").c_str()),
              0);
    ASSERT_EQ(run_once(), 0) << log_text();
    ASSERT_EQ(run_once(), 0) << log_text();
    std::string log = log_text();
    EXPECT_EQ(count_occurrences(log, "symlink, tidak diikuti"), 4) << log; // two links, once per run, two runs
    EXPECT_EQ(count_occurrences(log, "fifo, tidak diikuti"), 2) << log;
    EXPECT_NE(log.find("surat\\x0abaris-baru.pdf"), std::string::npos) << log;
    EXPECT_NE(log.find("sk-\\xff\\xfe.pdf"), std::string::npos) << log;
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE source LIKE '%rahasia%' OR source = 'tautan.pdf'"), "0");
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE duplicate_of IS NULL"), "5");
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE duplicate_of IS NOT NULL"), "1"); // the hard link
    EXPECT_TRUE(fs::exists(outside)); // a link's target is never moved
    for (const auto& entry : fs::directory_iterator(dir() / "outbox" / "cases")) {
        std::string name = entry.path().filename().string();
        EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos) << name;
        EXPECT_LE(name.size(), 48u);
    }
}

TEST_F(IntakeOnce, OriginalsCanStayInPlaceAndAreNotTakenTwice)
{
    ASSERT_TRUE(write_file_atomic(dir() / "berkas.yaml", base_config("intake:\n  originals: keep\n")));
    put("tetap.pdf", text_pdf("tetap"));
    ASSERT_EQ(run_once(), 0) << log_text();
    ASSERT_EQ(run_once(), 0) << log_text();
    EXPECT_TRUE(fs::exists(dir() / "inbox" / "tetap.pdf"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims"), "1");
}

// A crash at each step of taking a file in: the next run finishes the work,
// with nothing lost and nothing taken twice.
class IntakeCrashPoint : public IntakeOnce, public ::testing::WithParamInterface<const char*> {};

TEST_P(IntakeCrashPoint, NextRunRecovers)
{
    put("budi/formulir.pdf", text_pdf("crash-formulir"));
    put("budi/surat.pdf", text_pdf("crash-surat"));
    ::setenv("BERKAS_TEST_CRASH_AT", GetParam(), 1);
    int crashed = run_once();
    ::unsetenv("BERKAS_TEST_CRASH_AT");
    EXPECT_NE(crashed, 0) << "the crash point was not reached";
    ASSERT_EQ(run_once(), 0) << log_text();
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE duplicate_of IS NULL"), "2");
    EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE original = 'archived'"), "2");
    EXPECT_EQ(count("SELECT COUNT(*) FROM file_states WHERE state = 'read'"), "2");
    EXPECT_EQ(count("SELECT COUNT(*) FROM cases"), "1");
    EXPECT_EQ(read_file(dir() / "var" / "archive" / "budi" / "surat.pdf"), text_pdf("crash-surat"));
    EXPECT_TRUE(fs::is_empty(dir() / "var" / "spool" / "tmp"));
}

INSTANTIATE_TEST_SUITE_P(Points, IntakeCrashPoint,
                         ::testing::Values("after_spool_copy", "after_claim", "after_outputs"));

TEST_F(IntakeOnce, AFileAddedLaterToAFolderJoinsItsCase)
{
    put("budi/formulir.pdf", text_pdf("budi-formulir"));
    ASSERT_EQ(run_once(), 0) << log_text();
    std::string first_fingerprint = count("SELECT fingerprint FROM cases");
    put("budi/sk.pdf", text_pdf("budi-sk"));
    ASSERT_EQ(run_once(), 0) << log_text();
    EXPECT_EQ(count("SELECT COUNT(*) FROM cases"), "1");
    EXPECT_EQ(count("SELECT COUNT(DISTINCT case_key) FROM claims"), "1");
    EXPECT_NE(count("SELECT fingerprint FROM cases"), first_fingerprint); // evaluated again
}

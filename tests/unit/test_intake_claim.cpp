#include "intake/claim.hpp"
#include "intake/readiness.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace berkas;
using namespace berkas::intake;
namespace fs = std::filesystem;

class IntakeClaim : public berkas::testing::TempDirTest {
protected:
    fs::path inbox() { return dir() / "inbox"; }
    fs::path spool() { return dir() / "spool"; }
    fs::path put(const std::string& relative, const std::string& bytes)
    {
        fs::create_directories((inbox() / relative).parent_path());
        EXPECT_TRUE(write_file_atomic(inbox() / relative, bytes, Visibility::shared));
        return inbox() / relative;
    }
};

TEST_F(IntakeClaim, CopyIsNamedByItsHashAndKeepsTheBytes)
{
    fs::path original = put("budi/ktp.pdf", "%PDF-1.4 isi\n%%EOF\n");
    auto copy = copy_into_spool(original, spool());
    ASSERT_TRUE(copy.has_value()) << copy.error().message;
    EXPECT_EQ(copy->sha256, sha256_hex("%PDF-1.4 isi\n%%EOF\n"));
    EXPECT_EQ(copy->path, spool() / copy->sha256);
    EXPECT_EQ(*read_file(copy->path), "%PDF-1.4 isi\n%%EOF\n");
    EXPECT_TRUE(fs::is_empty(spool() / "tmp"));
    EXPECT_TRUE(fs::exists(original)); // claiming copies; archiving is a later step
}

TEST_F(IntakeClaim, LinksAndFifosAreNeverOpened)
{
    fs::path target = put("asli.pdf", "x");
    fs::create_symlink(target, inbox() / "tautan.pdf");
    ASSERT_EQ(::mkfifo((inbox() / "pipa.pdf").c_str(), 0600), 0);
    auto link = copy_into_spool(inbox() / "tautan.pdf", spool());
    ASSERT_FALSE(link.has_value());
    EXPECT_EQ(link.error().code, "not_regular");
    auto fifo = copy_into_spool(inbox() / "pipa.pdf", spool()); // O_NONBLOCK: no hang without a writer
    ASSERT_FALSE(fifo.has_value());
    EXPECT_EQ(fifo.error().code, "not_regular");
}

TEST_F(IntakeClaim, ArchiveKeepsTheRelativePathAndNeverOverwrites)
{
    for (int round = 0; round < 2; ++round) {
        fs::path original = put("budi/SCN_0001.pdf", "isi " + std::to_string(round));
        auto copy = copy_into_spool(original, spool());
        ASSERT_TRUE(copy.has_value());
        auto archived = archive_original(original, "budi/SCN_0001.pdf", *copy, dir() / "archive");
        ASSERT_TRUE(archived.has_value()) << archived.error().message;
        EXPECT_FALSE(fs::exists(original));
    }
    EXPECT_EQ(*read_file(dir() / "archive" / "budi" / "SCN_0001.pdf"), "isi 0");
    EXPECT_EQ(*read_file(dir() / "archive" / "budi" / "SCN_0001.pdf.1"), "isi 1");
}

TEST_F(IntakeClaim, AnOriginalThatChangedAfterTheCopyStays)
{
    fs::path original = put("ktp.pdf", "versi 1");
    auto copy = copy_into_spool(original, spool());
    ASSERT_TRUE(copy.has_value());
    put("ktp.pdf", "versi 2 yang lebih panjang");
    auto archived = archive_original(original, "ktp.pdf", *copy, dir() / "archive");
    ASSERT_FALSE(archived.has_value());
    EXPECT_EQ(archived.error().code, "changed");
    EXPECT_TRUE(fs::exists(original));
}

TEST_F(IntakeClaim, SpoolLeftoversAreCleaned)
{
    fs::create_directories(spool() / "tmp");
    ASSERT_TRUE(write_file_atomic(spool() / "tmp" / "123-456", "setengah"));
    clean_spool_leftovers(spool());
    EXPECT_TRUE(fs::is_empty(spool() / "tmp"));
}

TEST_F(IntakeClaim, TruncatedPdfIsNotComplete)
{
    EXPECT_FALSE(pdf_looks_complete(put("a.pdf", "%PDF-1.7\n1 0 obj << >> endobj\n")));
    EXPECT_TRUE(pdf_looks_complete(put("b.pdf", "%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n")));
    EXPECT_TRUE(pdf_looks_complete(put("c.jpg", "\xFF\xD8\xFF\xE0 bukan pdf")));
}

TEST_F(IntakeClaim, AnOpenWriterIsNoticed)
{
    fs::path file = put("sedang-ditulis.pdf", "%PDF-1.4");
    EXPECT_FALSE(someone_is_writing(file));
    int writer = ::open(file.c_str(), O_WRONLY | O_APPEND);
    ASSERT_GE(writer, 0);
    EXPECT_TRUE(someone_is_writing(file));
    ::close(writer);
    EXPECT_FALSE(someone_is_writing(file));
}

TEST(IntakeNames, OddBytesAreEscapedForLogs)
{
    EXPECT_EQ(printable_name("ktp budi.pdf"), "ktp budi.pdf");
    EXPECT_EQ(printable_name("surat\nbaru.pdf"), "surat\\x0abaru.pdf");
    EXPECT_EQ(printable_name("sk-\xff\xfe.pdf"), "sk-\\xff\\xfe.pdf");
    EXPECT_EQ(printable_name("Surat Keputusan \xC3\xA9.pdf"), "Surat Keputusan \xC3\xA9.pdf"); // valid UTF-8 stays
}

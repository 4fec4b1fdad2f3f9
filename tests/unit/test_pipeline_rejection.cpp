// Quarantine: the reason codes of the README, each with its own Indonesian
// message, and the bytes of a rejected file kept exactly.
#include "pipeline/rejection.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

#include <set>

namespace berkas::pipeline {
namespace {

TEST(PipelineRejection, EveryReasonCodeHasItsOwnMessage)
{
    const std::set<std::string> codes = {"empty_file",    "not_a_document", "corrupt_pdf", "encrypted_pdf",
                                         "corrupt_image", "too_large",      "too_many_pages", "image_too_large",
                                         "ocr_failed",    "out_of_memory",  "io_error",    "internal",
                                         "worker_crashed", "timeout"};
    const std::string fallback = rejection_message("no_such_code");
    EXPECT_NE(fallback.find("no_such_code"), std::string::npos);
    std::set<std::string> messages;
    for (const std::string& code : codes) {
        const std::string message = rejection_message(code);
        EXPECT_NE(message, rejection_message("x")) << code;
        EXPECT_EQ(message.find(code), std::string::npos) << code << " has no message of its own";
        messages.insert(message);
    }
    EXPECT_EQ(messages.size(), codes.size());
}

class PipelineQuarantine : public berkas::testing::TempDirTest {};

TEST_F(PipelineQuarantine, KeepsTheBytesAndExplainsInIndonesian)
{
    const std::string bytes("%PDF-1.7\n\x00\xFF signed bytes\n", 26);
    ASSERT_TRUE(ensure_directory(dir() / "inbox" / "budi"));
    ASSERT_TRUE(write_file_atomic(dir() / "inbox" / "budi" / "ktp.pdf", bytes));
    auto moved = quarantine_file(dir() / "inbox" / "budi" / "ktp.pdf", "budi/ktp.pdf", dir() / "karantina",
                                 "encrypted_pdf", "PDF is protected with an open password");
    ASSERT_TRUE(moved) << moved.error().message;
    EXPECT_EQ(*moved, dir() / "karantina" / "budi" / "ktp.pdf");
    EXPECT_FALSE(std::filesystem::exists(dir() / "inbox" / "budi" / "ktp.pdf"));
    EXPECT_EQ(read_file(*moved).value_or(""), bytes);
    const std::string note = read_file(dir() / "karantina" / "budi" / "ktp.pdf.alasan.txt").value_or("");
    EXPECT_NE(note.find("Berkas: budi/ktp.pdf\n"), std::string::npos) << note;
    EXPECT_NE(note.find("Alasan: encrypted_pdf\n"), std::string::npos) << note;
    EXPECT_NE(note.find("Keterangan: " + rejection_message("encrypted_pdf")), std::string::npos) << note;
}

TEST_F(PipelineQuarantine, SecondFileWithTheSameNameDoesNotReplaceTheFirst)
{
    // A clerk scans again, the new scan fails too: both stay in quarantine.
    for (const char* bytes : {"first scan", "second scan"}) {
        ASSERT_TRUE(write_file_atomic(dir() / "scan.pdf", bytes));
        ASSERT_TRUE(quarantine_file(dir() / "scan.pdf", "scan.pdf", dir() / "karantina", "corrupt_pdf", ""));
    }
    EXPECT_EQ(read_file(dir() / "karantina" / "scan.pdf").value_or(""), "first scan");
    EXPECT_EQ(read_file(dir() / "karantina" / "scan (2).pdf").value_or(""), "second scan");
    EXPECT_TRUE(std::filesystem::exists(dir() / "karantina" / "scan (2).pdf.alasan.txt"));
}

} // namespace
} // namespace berkas::pipeline

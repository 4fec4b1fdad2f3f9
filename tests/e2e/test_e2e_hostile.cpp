// The real `berkas run --once` on an inbox where a clerk's good application
// sits between files that are broken or hostile: each of those is quarantined
// with its reason in Indonesian, byte for byte, and the good case completes.
#include "pipeline/rejection.hpp"
#include "support/hostile_files.hpp"
#include "support/pdf_builder.hpp"
#include "support/command.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using namespace berkas::testing; // run, quoted, read_json and the generators

struct Rejected {
    std::string bytes;
    std::string reason;
};

class EndToEndHostile : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        std::string pattern = (fs::temp_directory_path() / "berkas-e2e-hostile-XXXXXX").string();
        root = ::mkdtemp(pattern.data());
        const fs::path inbox = root / "inbox";
        fs::create_directories(inbox);
        generation = run(std::string(BERKAS_FIXTURE_BINARY) + " case --seed 21 --out " +
                         quoted(inbox / "pemohon-lengkap"));
        for (const auto& hostile : berkas::testing::hostile_files())
            drop(hostile.name, hostile.bytes, hostile.reason);
        // A bad file inside a good applicant's folder, and one that crashes its worker.
        drop("pemohon-lengkap/ktp-terkunci.pdf", berkas::testing::encrypted_pdf("rahasia"), "encrypted_pdf");
        drop("mogok.pdf", berkas::testing::make_text_pdf({{"SURAT"}}), "worker_crashed");
        berkas::write_file_atomic(inbox / "rekomendasi-ttd.pdf",
                                  berkas::testing::make_signed_text_pdf(
                                      {"SURAT REKOMENDASI", "Yang bertanda tangan di bawah ini", "menyetujui permohonan"}));
        const std::string source = BERKAS_SOURCE_DIR;
        berkas::write_file_atomic(root / "berkas.yaml", "paths:\n  rules: " + source + "/rules\n  templates: " + source +
                                                            "/templates\noffice:\n  city: Pontianak\n"
                                                            "limits:\n  stream_decoded_mb: 16\n"
                                                            "  cpu_seconds_per_file: 120\n  seconds_per_file: 600\n");
        // Workers read the spool copy, named by its SHA-256: the fault is aimed at that name.
        const std::string crashing = berkas::sha256_hex(rejected.at("mogok.pdf").bytes);
        first_run = run("cd " + quoted(root) + " && BERKAS_TEST_WORKER_FAULT=crash:" + crashing + " " +
                        BERKAS_BINARY + " run --once");
        status = run("cd " + quoted(root) + " && " + BERKAS_BINARY + " status --json");
    }

    static void TearDownTestSuite()
    {
        if (!::testing::UnitTest::GetInstance()->Passed())
            std::cerr << "e2e folder kept: " << root << "\n";
        else
            fs::remove_all(root);
    }

    static void drop(const std::string& relative, const std::string& bytes, const std::string& reason)
    {
        const fs::path path = root / "inbox" / relative;
        fs::create_directories(path.parent_path());
        berkas::write_file_atomic(path, bytes);
        rejected[relative] = Rejected {bytes, reason};
    }

    static json case_result(const std::string& case_prefix)
    {
        for (const auto& entry : fs::directory_iterator(root / "outbox" / "cases")) {
            if (entry.path().filename().string().rfind(case_prefix, 0) == 0)
                return read_json(entry.path() / "result.json");
        }
        return json();
    }

    static inline fs::path root;
    static inline CommandOutput generation, first_run, status;
    static inline std::map<std::string, Rejected> rejected; // by path relative to the inbox
};

TEST_F(EndToEndHostile, RunSucceedsDespiteEveryBadFile)
{
    ASSERT_EQ(generation.status, 0) << generation.output;
    ASSERT_EQ(first_run.status, 0) << first_run.output;
    EXPECT_NE(first_run.output.find(std::to_string(rejected.size()) + " berkas ditolak"), std::string::npos)
        << first_run.output;
}

TEST_F(EndToEndHostile, BadFilesAreQuarantinedByteForByteWithTheirReason)
{
    const fs::path quarantine = root / "outbox" / "karantina";
    for (const auto& [relative, file] : rejected) {
        SCOPED_TRACE(relative);
        EXPECT_FALSE(fs::exists(root / "inbox" / relative)) << "left in the inbox";
        auto kept = berkas::read_file(quarantine / relative);
        ASSERT_TRUE(kept) << first_run.output;
        EXPECT_TRUE(*kept == file.bytes) << "bytes changed in quarantine";
        auto note = berkas::read_file(quarantine / (relative + ".alasan.txt"));
        ASSERT_TRUE(note);
        EXPECT_NE(note->find("Alasan: " + file.reason + "\n"), std::string::npos) << *note;
        EXPECT_NE(note->find("Keterangan: " + berkas::pipeline::rejection_message(file.reason)), std::string::npos)
            << *note;
    }
}

TEST_F(EndToEndHostile, StatusListsEveryRejectedFile)
{
    ASSERT_EQ(status.status, 0) << status.output;
    json listing = json::parse(status.output, nullptr, false);
    ASSERT_TRUE(listing.is_object()) << status.output;
    std::map<std::string, json> listed;
    for (const json& entry : listing["rejected"])
        listed[entry.value("source", "")] = entry;
    EXPECT_EQ(listed.size(), rejected.size()) << status.output;
    for (const auto& [relative, file] : rejected) {
        ASSERT_TRUE(listed.count(relative)) << relative;
        EXPECT_EQ(listed[relative]["reason"], file.reason) << relative;
        EXPECT_EQ(listed[relative]["message"], berkas::pipeline::rejection_message(file.reason)) << relative;
    }
}

TEST_F(EndToEndHostile, GoodCaseStillCompletes)
{
    json result = case_result("pemohon-lengkap");
    ASSERT_TRUE(result.is_object()) << first_run.output;
    EXPECT_EQ(result["status"], "complete") << result["problems"].dump();
    EXPECT_EQ(result["documents"].size(), 4u);
    for (const json& document : result["documents"]) {
        EXPECT_NE(document["source"], "pemohon-lengkap/ktp-terkunci.pdf");
        EXPECT_EQ(document["signed"], false);
    }
}

TEST_F(EndToEndHostile, SignedPdfIsReadAndRecordedAsSigned)
{
    json result = case_result("rekomendasi-ttd");
    ASSERT_TRUE(result.is_object()) << first_run.output;
    ASSERT_FALSE(result["documents"].empty());
    EXPECT_EQ(result["documents"][0]["source"], "rekomendasi-ttd.pdf");
    EXPECT_EQ(result["documents"][0]["signed"], true);
    // berkas never rewrites a signed PDF: the archived original is as dropped.
    auto bytes = berkas::read_file(root / "var" / "archive" / "rekomendasi-ttd.pdf");
    ASSERT_TRUE(bytes);
    EXPECT_EQ(*bytes, berkas::testing::make_signed_text_pdf(
                          {"SURAT REKOMENDASI", "Yang bertanda tangan di bawah ini", "menyetujui permohonan"}));
}

TEST(EndToEndBrokenInstallation, MissingTesseractDataFailsTheRunAndKeepsTheFiles)
{
    std::string pattern = (fs::temp_directory_path() / "berkas-e2e-tessdata-XXXXXX").string();
    const fs::path folder = ::mkdtemp(pattern.data());
    fs::create_directories(folder / "inbox");
    const std::string letter = make_text_pdf({{"SURAT PERMOHONAN"}});
    berkas::write_file_atomic(folder / "inbox" / "surat.pdf", letter);
    const std::string source = BERKAS_SOURCE_DIR;
    berkas::write_file_atomic(folder / "berkas.yaml",
                              "paths:\n  rules: " + source + "/rules\n  templates: " + source + "/templates\n");
    auto result = run("cd " + quoted(folder) + " && TESSDATA_PREFIX=" + quoted(folder / "tidak-ada") + " " +
                      BERKAS_BINARY + " run --once");
    EXPECT_EQ(result.status, 1) << result.output;
    // Claimed (spool copy, archived original) and still queued: the next run reads it.
    EXPECT_EQ(berkas::read_file(folder / "var" / "archive" / "surat.pdf").value_or(""), letter);
    auto state = run("sqlite3 " + quoted(folder / "var" / "berkas.sqlite3") + " 'SELECT state FROM file_states'");
    EXPECT_EQ(state.output, "received\n");
    EXPECT_FALSE(fs::exists(folder / "outbox" / "karantina" / "surat.pdf"));
    if (!::testing::Test::HasFailure())
        fs::remove_all(folder);
}

// Runs last: it changes the inbox the tests above inspect.
TEST_F(EndToEndHostile, FileDroppedAgainAfterItsRejectionIsADuplicateNotReadAgain)
{
    const Rejected& encrypted = rejected.at("terkunci.pdf");
    berkas::write_file_atomic(root / "inbox" / "terkunci.pdf", encrypted.bytes);
    auto again = run("cd " + quoted(root) + " && " + BERKAS_BINARY + " run --once");
    ASSERT_EQ(again.status, 0) << again.output;
    EXPECT_NE(again.output.find("duplikat"), std::string::npos) << again.output;
    EXPECT_NE(again.output.find("0 berkas dibaca (0 halaman), 0 berkas ditolak"), std::string::npos) << again.output;
    EXPECT_FALSE(fs::exists(root / "inbox" / "terkunci.pdf"));
    // Nothing lost: the first copy in quarantine, the second in the archive.
    EXPECT_EQ(berkas::read_file(root / "outbox" / "karantina" / "terkunci.pdf").value_or(""), encrypted.bytes);
    EXPECT_EQ(berkas::read_file(root / "var" / "archive" / "terkunci.pdf.1").value_or(""), encrypted.bytes);
}

} // namespace

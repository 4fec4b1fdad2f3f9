// The verifier's commands through the real binary: approve, mark, return,
// queue and report, with their exit statuses and Indonesian messages.
#include "support/command.hpp"
#include "support/sample_case.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>


using namespace berkas;
namespace fs = std::filesystem;

class SubmissionCli : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        auto store = sample.create_with_state(dir());
        std::string source = BERKAS_SOURCE_DIR;
        ASSERT_TRUE(write_file_atomic(dir() / "berkas.yaml",
                                      "paths:\n  rules: " + source + "/rules\n  templates: " + source +
                                          "/templates\noffice:\n  verifiers:\n    - {nama: \"Verifikator Satu\", "
                                          "nip: \"198502102010011002\"}\n"));
    }

    berkas::testing::CommandOutput berkas(const std::string& arguments)
    {
        return berkas::testing::run_command("cd '" + dir().string() + "' && " + BERKAS_BINARY + " " + arguments);
    }

    berkas::testing::SampleCase sample;
};

TEST_F(SubmissionCli, AVerifierTakesACaseThroughTheSop)
{
    const std::string id = sample.case_id;
    auto stranger = berkas("approve " + id + " --verifier 199001012015011001");
    EXPECT_EQ(stranger.status, 2) << stranger.output;
    EXPECT_NE(stranger.output.find("bukan verifikator kantor ini"), std::string::npos);
    EXPECT_EQ(stranger.output.find("199001012015011001"), std::string::npos); // never the whole NIP

    auto approved = berkas("approve " + id + " --verifier 198502102010011002 --note 'berkas lengkap'");
    ASSERT_EQ(approved.status, 0) << approved.output;
    EXPECT_NE(approved.output.find("paket pengajuan: outbox/bsre/" + id), std::string::npos);
    EXPECT_EQ(approved.output.find("198502102010011002"), std::string::npos);
    EXPECT_TRUE(fs::exists(dir() / "outbox" / "bsre" / id / "berkas-pemohon.pdf"));

    auto skipped = berkas("mark " + id + " registered");
    EXPECT_EQ(skipped.status, 2) << skipped.output;
    EXPECT_NE(skipped.output.find("langkah 'registered' tidak diizinkan SOP"), std::string::npos) << skipped.output;
    auto unknown = berkas("mark " + id + " selesai");
    EXPECT_EQ(unknown.status, 2);
    EXPECT_NE(unknown.output.find("langkah tidak dikenal 'selesai'"), std::string::npos);

    for (const char* step : {"submitted", "registered", "activation_sent", "identity_verified", "passphrase_set"})
        ASSERT_EQ(berkas("mark " + id + " " + step + " --verifier 198502102010011002").status, 0) << step;
    auto issued = berkas("mark " + id + " issued --serial 7C1E --issued 2026-01-15");
    ASSERT_EQ(issued.status, 0) << issued.output;
    auto returned = berkas("return " + id + " --reason 'KTP buram'");
    EXPECT_EQ(returned.status, 2);
    EXPECT_NE(returned.output.find("sudah diajukan ke BSrE"), std::string::npos);

    auto listed = berkas("queue --json");
    ASSERT_EQ(listed.status, 0) << listed.output;
    auto queue = nlohmann::json::parse(listed.output.substr(listed.output.find('[')), nullptr, false);
    ASSERT_TRUE(queue.is_array() && queue.size() == 1u) << listed.output;
    EXPECT_EQ(queue[0]["queue"], "sent");
    EXPECT_EQ(queue[0]["step"], "issued");
    EXPECT_EQ(queue[0]["certificate"]["expires_on"], "2028-01-15");

    auto report = berkas("report --from 2026-01-01 --to 2026-01-31");
    ASSERT_EQ(report.status, 0) << report.output;
    EXPECT_TRUE(fs::exists(dir() / "outbox" / "reports" / "2026-01-31" / "laporan.pdf"));
    EXPECT_EQ(berkas("report --from 2026-02-30").status, 2);
}

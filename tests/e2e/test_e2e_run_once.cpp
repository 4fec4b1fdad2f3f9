// The walking skeleton end to end: generated scans in, the real berkas binary
// with real Tesseract, result.json and PDFs out.
#include "support/command.hpp"
#include "support/temp_dir.hpp"
#include "understanding/normalise.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <sys/stat.h>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using berkas::testing::CommandOutput;
using berkas::testing::quoted;
using berkas::testing::read_json;
using berkas::testing::run;

// One generated inbox, processed once for the whole suite: OCR is the
// expensive part and every test below inspects the same run.
class EndToEnd : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        std::string pattern = (fs::temp_directory_path() / "berkas-e2e-XXXXXX").string();
        root = ::mkdtemp(pattern.data());
        fs::create_directories(root / "inbox");
        std::string fixture = BERKAS_FIXTURE_BINARY;
        generation = run(fixture + " case --seed 11 --out " + quoted(root / "inbox" / "pemohon-lengkap") +
                         " --truth " + quoted(root / "lengkap.json") + " && " + fixture +
                         " case --seed 12 --omit ktp --out " + quoted(root / "inbox" / "pemohon-tanpa-ktp") +
                         " --truth " + quoted(root / "tanpa-ktp.json"));
        std::string source = BERKAS_SOURCE_DIR;
        berkas::write_file_atomic(root / "berkas.yaml", "paths:\n  rules: " + source + "/rules\n  templates: " +
                                                            source + "/templates\noffice:\n  city: Pontianak\n");
        first_run = run("cd " + quoted(root) + " && " + BERKAS_BINARY + " run --once");
        for (const auto& entry : fs::directory_iterator(root / "outbox" / "cases")) {
            json result = read_json(entry.path() / "result.json");
            by_status[result.value("status", "")] = entry.path();
        }
    }

    static void TearDownTestSuite()
    {
        if (!::testing::UnitTest::GetInstance()->Passed())
            std::cerr << "e2e folder kept: " << root << "\n";
        else
            fs::remove_all(root);
    }

    static json truth(const char* name) { return read_json(root / name); }

    static inline fs::path root;
    static inline CommandOutput generation, first_run;
    static inline std::map<std::string, fs::path> by_status;
};

TEST_F(EndToEnd, FixturesAndRunSucceed)
{
    ASSERT_EQ(generation.status, 0) << generation.output;
    ASSERT_EQ(first_run.status, 0) << first_run.output;
    EXPECT_EQ(by_status.size(), 2u) << first_run.output;
}

TEST_F(EndToEnd, CompleteCaseHasTheApplicantsData)
{
    ASSERT_TRUE(by_status.count("complete")) << first_run.output;
    json result = read_json(by_status["complete"] / "result.json");
    json expected = truth("lengkap.json");
    EXPECT_EQ(result["profile"], "default");
    EXPECT_EQ(result["applicant"]["nik"], expected["nik"]);
    EXPECT_EQ(result["applicant"]["nip"], expected["nip"]);
    EXPECT_EQ(result["applicant"]["email"], expected["email"]);
    EXPECT_EQ(berkas::understanding::name_without_titles(result["applicant"].value("nama", "")),
              berkas::understanding::name_without_titles(expected["nama"].get<std::string>()));
    EXPECT_TRUE(result["problems"].empty()) << result["problems"].dump();
    EXPECT_EQ(result["outputs"], json::array({"lembar-verifikasi.pdf", "surat-rekomendasi.pdf"}));
    EXPECT_EQ(result["documents"].size(), 4u);
}

TEST_F(EndToEnd, CaseWithoutKtpIsIncomplete)
{
    ASSERT_TRUE(by_status.count("incomplete")) << first_run.output;
    json result = read_json(by_status["incomplete"] / "result.json");
    ASSERT_EQ(result["problems"].size(), 1u) << result["problems"].dump();
    EXPECT_EQ(result["problems"][0]["code"], "missing:ktp");
    EXPECT_EQ(result["problems"][0]["message"], "Fotokopi KTP tidak ditemukan");
    EXPECT_EQ(result["applicant"]["nip"], truth("tanpa-ktp.json")["nip"]);
    EXPECT_TRUE(fs::exists(by_status["incomplete"] / "lembar-verifikasi.pdf"));
    EXPECT_FALSE(fs::exists(by_status["incomplete"] / "surat-rekomendasi.pdf"));
}

TEST_F(EndToEnd, PdfsShowNameNikAndNipToPoppler)
{
    ASSERT_TRUE(by_status.count("complete"));
    json expected = truth("lengkap.json");
    std::string name = expected["nama_tanpa_gelar"];
    for (const char* pdf : {"lembar-verifikasi.pdf", "surat-rekomendasi.pdf"}) {
        auto text = run("pdftotext " + quoted(by_status["complete"] / pdf) + " -");
        ASSERT_EQ(text.status, 0) << pdf << ": " << text.output;
        std::string upper = text.output;
        for (char& c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        EXPECT_NE(upper.find(berkas::understanding::name_without_titles(name)), std::string::npos) << pdf;
        EXPECT_NE(text.output.find(expected["nip"].get<std::string>()), std::string::npos) << pdf;
        EXPECT_NE(text.output.find(expected["nik"].get<std::string>()), std::string::npos) << pdf;
        auto raster = run("pdftoppm -r 20 -png -f 1 -l 1 " + quoted(by_status["complete"] / pdf) + " " +
                          quoted(root / "preview"));
        EXPECT_EQ(raster.status, 0) << raster.output;
    }
}

TEST_F(EndToEnd, OutputsAreNotWorldReadable)
{
    ASSERT_TRUE(by_status.count("complete"));
    struct stat info {};
    ASSERT_EQ(::stat((by_status["complete"] / "result.json").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & S_IROTH, 0u);
}

TEST_F(EndToEnd, RunningAgainDuplicatesNothing)
{
    ASSERT_TRUE(by_status.count("complete"));
    auto before = berkas::read_file(by_status["complete"] / "surat-rekomendasi.pdf");
    auto second = run("cd " + quoted(root) + " && " + BERKAS_BINARY + " run --once");
    ASSERT_EQ(second.status, 0) << second.output;
    EXPECT_NE(second.output.find("0 kasus diperiksa, 2 tidak berubah"), std::string::npos) << second.output;
    EXPECT_EQ(berkas::read_file(by_status["complete"] / "surat-rekomendasi.pdf"), before);
    auto status = run("cd " + quoted(root) + " && " + BERKAS_BINARY + " status --json");
    ASSERT_EQ(status.status, 0) << status.output;
    json listing = json::parse(status.output, nullptr, false);
    ASSERT_TRUE(listing.is_object()) << status.output;
    EXPECT_EQ(listing["cases"].size(), 2u);
    EXPECT_EQ(status.output.find(truth("lengkap.json")["nik"].get<std::string>()), std::string::npos)
        << "status output must not show a full NIK";
}

TEST_F(EndToEnd, UsageErrorsExitWithTwo)
{
    EXPECT_EQ(run(std::string(BERKAS_BINARY) + " run --once --inbox " + quoted(root / "tidak-ada")).status, 2);
    EXPECT_EQ(run(std::string(BERKAS_BINARY) + " --bogus").status, 2);
    auto bad_profile = run("cd " + quoted(root) + " && " + BERKAS_BINARY + " run --once --profile tidak-ada");
    EXPECT_EQ(bad_profile.status, 2);
    EXPECT_NE(bad_profile.output.find("tidak-ada"), std::string::npos) << bad_profile.output;
}

} // namespace

// One case per applicant, end to end with the real binary and real OCR: a
// shuffled bundle with a blank page split by page type, a KTP brought in the
// next day joining its case (earlier outputs kept), an SK of another person
// reported, the same scans judged by each office's profile, and rules checked.
#include "support/command.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using nlohmann::json;
namespace fs = std::filesystem;
using berkas::testing::CommandOutput;
using berkas::testing::quoted;
using berkas::testing::read_json;
using berkas::testing::run;

namespace {

std::string berkas_in(const fs::path& folder, const std::string& arguments)
{
    return "cd " + quoted(folder) + " && " + BERKAS_BINARY + " " + arguments;
}

std::set<std::string> problem_codes(const json& result)
{
    std::set<std::string> codes;
    for (const json& problem : result["problems"])
        codes.insert(problem["code"].get<std::string>());
    return codes;
}

class EndToEndCases : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        std::string pattern = (fs::temp_directory_path() / "berkas-e2e-cases-XXXXXX").string();
        root = ::mkdtemp(pattern.data());
        fs::create_directories(root / "inbox");
        std::string fixture = BERKAS_FIXTURE_BINARY;
        auto inbox = [](const char* name) { return quoted(root / "inbox" / name); };
        generation = run(
            fixture + " case --seed 31 --omit ktp --with surat_rekomendasi_atasan --with sk_jabatan --out " +
            inbox("pemohon-31") + " --truth " + quoted(root / "31.json") + " && " + fixture +
            " case --seed 31 --omit surat_permohonan --omit formulir_bsre --omit sk_terakhir --ktp-format jpg --out " +
            quoted(root / "susulan") + " && " + fixture + " case --seed 32 --bundle --shuffle --blank-page --out " +
            inbox("berkas-32.pdf") + " --truth " + quoted(root / "32.json") + " && " + fixture +
            " case --seed 33 --sk-of-other-person --email-domain gmail.com --out " + inbox("pemohon-33") +
            " --truth " + quoted(root / "33.json"));
        std::string source = BERKAS_SOURCE_DIR;
        berkas::write_file_atomic(root / "berkas.yaml", "paths:\n  rules: " + source + "/rules\n  templates: " +
                                                            source + "/templates\noffice:\n  city: Pontianak\n");
        first_run = run(berkas_in(root, "run --once"));
        before_ktp = read_json(case_folder("pemohon-31") / "result.json");
        fs::rename(root / "susulan" / "ktp.jpg", root / "inbox" / "ktp-susulan.jpg");
        second_run = run(berkas_in(root, "run --once"));
        third_run = run(berkas_in(root, "run --once"));
        for (const char* profile : {"pontianak", "muara-enim", "meranti"})
            judge_with(profile);
    }

    // The same pages under another office's profile: a copy of the state
    // (its page cache) spares the OCR.
    static void judge_with(const std::string& profile)
    {
        fs::copy(root / "var", root / ("var-" + profile), fs::copy_options::recursive);
        profile_runs[profile] = run(berkas_in(root, "--profile " + profile + " --state var-" + profile +
                                                        " --outbox outbox-" + profile + " run --once"));
    }

    static void TearDownTestSuite()
    {
        if (!::testing::UnitTest::GetInstance()->Passed())
            std::cerr << "e2e folder kept: " << root << "\n";
        else
            fs::remove_all(root);
    }

    static fs::path case_folder(const std::string& source, const std::string& outbox = "outbox")
    {
        for (const auto& entry : fs::directory_iterator(root / outbox / "cases"))
            if (entry.path().filename().string().rfind(source.substr(0, source.find('.')) + "-", 0) == 0)
                return entry.path();
        return root / outbox / "cases" / "tidak-ada";
    }

    static json result(const std::string& source, const std::string& outbox = "outbox")
    {
        return read_json(case_folder(source, outbox) / "result.json");
    }

    static json truth(const char* name) { return read_json(root / name); }

    static inline fs::path root;
    static inline CommandOutput generation, first_run, second_run, third_run;
    static inline json before_ktp;
    static inline std::map<std::string, CommandOutput> profile_runs;
};

TEST_F(EndToEndCases, FixturesAndRunsSucceed)
{
    ASSERT_EQ(generation.status, 0) << generation.output;
    ASSERT_EQ(first_run.status, 0) << first_run.output;
    ASSERT_EQ(second_run.status, 0) << second_run.output;
    for (const auto& [profile, output] : profile_runs)
        EXPECT_EQ(output.status, 0) << profile << ": " << output.output;
}

TEST_F(EndToEndCases, ShuffledBundleIsSplitByPageTypeAndItsBlankPageIgnored)
{
    json bundle = result("berkas-32.pdf");
    EXPECT_EQ(bundle["status"], "complete") << bundle["problems"].dump();
    std::multiset<std::string> types;
    std::set<int> pages;
    for (const json& document : bundle["documents"]) {
        types.insert(document["type"].get<std::string>());
        for (int page : document["pages"])
            pages.insert(page);
    }
    EXPECT_EQ(types, (std::multiset<std::string> {"formulir_bsre", "ktp", "sk_terakhir", "surat_permohonan"}));
    EXPECT_EQ(pages.size(), 4u) << "five pages, one of them blank";
    EXPECT_EQ(bundle["applicant"]["nip"], truth("32.json")["nip"]);
    EXPECT_EQ(bundle["applicant"]["nik"], truth("32.json")["nik"]);
}

TEST_F(EndToEndCases, KtpBroughtTheNextDayJoinsItsCaseAndEarlierOutputsAreKept)
{
    EXPECT_EQ(before_ktp["status"], "incomplete");
    EXPECT_EQ(problem_codes(before_ktp), std::set<std::string> {"missing:ktp"});

    json after = result("pemohon-31");
    EXPECT_EQ(after["status"], "complete") << after["problems"].dump();
    bool ktp_joined = std::any_of(after["documents"].begin(), after["documents"].end(), [](const json& document) {
        return document["type"] == "ktp" && document["source"] == "ktp-susulan.jpg";
    });
    EXPECT_TRUE(ktp_joined) << after["documents"].dump();
    EXPECT_EQ(after["applicant"]["nik"], truth("31.json")["nik"]);

    fs::path kept = case_folder("pemohon-31") / "versi" / "1";
    EXPECT_EQ(read_json(kept / "result.json")["status"], "incomplete");
    EXPECT_TRUE(fs::exists(kept / "lembar-verifikasi.pdf"));
    EXPECT_TRUE(fs::exists(case_folder("pemohon-31") / "surat-rekomendasi.pdf"));
    EXPECT_FALSE(fs::exists(case_folder("ktp-susulan.jpg"))) << "the late KTP is no case of its own";
    auto status = run(berkas_in(root, "status --json"));
    EXPECT_EQ(json::parse(status.output, nullptr, false)["cases"].size(), 3u) << status.output;
}

TEST_F(EndToEndCases, RunningAgainChangesNothing)
{
    ASSERT_EQ(third_run.status, 0) << third_run.output;
    EXPECT_NE(third_run.output.find("0 kasus diperiksa, 3 tidak berubah"), std::string::npos) << third_run.output;
    EXPECT_FALSE(fs::exists(case_folder("pemohon-31") / "versi" / "2"));
}

TEST_F(EndToEndCases, SkOfAnotherPersonIsReportedNotMerged)
{
    json other = result("pemohon-33");
    json expected = truth("33.json");
    EXPECT_EQ(other["status"], "incomplete");
    EXPECT_EQ(problem_codes(other), (std::set<std::string> {"other_person:sk_terakhir", "email_not_go_id"}))
        << other["problems"].dump();
    EXPECT_EQ(other["applicant"]["nip"], expected["nip"]) << "the applicant is the one on the form, not the SK";
    for (const json& problem : other["problems"])
        if (problem["code"] == "other_person:sk_terakhir")
            EXPECT_NE(problem["message"].get<std::string>().find(expected["other_person"]["nip"].get<std::string>()),
                      std::string::npos)
                << problem["message"];
    EXPECT_FALSE(fs::exists(case_folder("pemohon-33") / "surat-rekomendasi.pdf"));
}

TEST_F(EndToEndCases, EachOfficeJudgesTheSameScansByItsOwnSop)
{
    // Pontianak's TTE SOP needs the superior's recommendation; only case 31 brought one.
    EXPECT_EQ(result("pemohon-31", "outbox-pontianak")["status"], "complete");
    EXPECT_EQ(problem_codes(result("berkas-32.pdf", "outbox-pontianak")),
              std::set<std::string> {"missing:surat_rekomendasi_atasan"});
    EXPECT_EQ(result("berkas-32.pdf", "outbox-pontianak")["profile"], "pontianak");
    // Muara Enim's needs the SK jabatan and not the BSrE form.
    EXPECT_EQ(result("pemohon-31", "outbox-muara-enim")["status"], "complete");
    EXPECT_EQ(problem_codes(result("berkas-32.pdf", "outbox-muara-enim")), std::set<std::string> {"missing:sk_jabatan"});
    // Meranti's the four common documents and a go.id address: a gmail address fails it.
    EXPECT_EQ(result("berkas-32.pdf", "outbox-meranti")["status"], "complete");
    EXPECT_TRUE(problem_codes(result("pemohon-33", "outbox-meranti")).count("email_not_go_id"));
    EXPECT_NE(result("pemohon-31", "outbox-meranti")["rules_version"], result("pemohon-31")["rules_version"]);
}

class EndToEndRules : public berkas::testing::TempDirTest {};

TEST_F(EndToEndRules, CheckReportsFileLineAndColumn)
{
    auto shipped = run(berkas_in(BERKAS_SOURCE_DIR, "rules check"));
    EXPECT_EQ(shipped.status, 0) << shipped.output;
    EXPECT_NE(shipped.output.find("rules/muara-enim.yaml: benar"), std::string::npos) << shipped.output;

    berkas::write_file_atomic(dir() / "kantor.yaml", "profile: kantor\nrequired_documents: [ktp, paspor]\n"
                                                     "checks:\n  sk_max_age: 5\n");
    auto broken = run(berkas_in(BERKAS_SOURCE_DIR, "rules check " + quoted(dir() / "kantor.yaml")));
    EXPECT_EQ(broken.status, 2);
    EXPECT_NE(broken.output.find((dir() / "kantor.yaml").string() + ":2:27: unknown document type 'paspor'"),
              std::string::npos)
        << broken.output;
    EXPECT_NE(broken.output.find((dir() / "kantor.yaml").string() + ":4:3: unknown key 'sk_max_age'"),
              std::string::npos)
        << broken.output;
}

TEST_F(EndToEndRules, BerkasRefusesToStartWithInvalidRules)
{
    fs::create_directories(dir() / "rules");
    fs::create_directories(dir() / "inbox");
    fs::copy_file(fs::path(BERKAS_SOURCE_DIR) / "rules" / "default.yaml", dir() / "rules" / "default.yaml");
    berkas::write_file_atomic(dir() / "rules" / "documents.yaml", "document_types:\n  ktp:\n    keywords: [nik]\n"
                                                                  "    min_skor: 3\n");
    berkas::write_file_atomic(dir() / "berkas.yaml", "paths:\n  rules: rules\n  templates: " +
                                                         std::string(BERKAS_SOURCE_DIR) + "/templates\n");
    auto refused = run(berkas_in(dir(), "run --once"));
    EXPECT_EQ(refused.status, 2) << refused.output;
    EXPECT_NE(refused.output.find("rules/documents.yaml:4:5: unknown key 'min_skor'"), std::string::npos)
        << refused.output;
}

} // namespace

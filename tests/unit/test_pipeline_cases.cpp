// One case per applicant (loose files joining their case), kept output
// versions, `rules check`, and rules edited under watch.
#include "pipeline/case_grouping.hpp"
#include "pipeline/output_versions.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/rule_book.hpp"
#include "pipeline/rule_watch.hpp"
#include "submission/schedule.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::pipeline;
namespace fs = std::filesystem;

namespace {

intake::CaseSource folder(const std::string& name, std::vector<std::string> files)
{
    intake::CaseSource source {intake::case_id_for(name), name, {}};
    for (const std::string& file : files)
        source.files.push_back(intake::InboxFile {"/inbox/" + name + "/" + file, name + "/" + file, 1, 0});
    return source;
}

intake::CaseSource loose(const std::string& name)
{
    return intake::CaseSource {intake::case_id_for(name), name, {intake::InboxFile {"/inbox/" + name, name, 1, 0}}};
}

SourceIdentity person(std::optional<std::string> nip, std::optional<std::string> nik, size_t documents)
{
    return SourceIdentity {std::move(nip), std::move(nik), documents};
}

constexpr const char* budi_nip = "198503122010011004";
constexpr const char* budi_nik = "6171010203850001";

std::vector<std::string> relatives(const intake::CaseSource& source)
{
    std::vector<std::string> names;
    for (const auto& file : source.files)
        names.push_back(file.relative);
    return names;
}

} // namespace

TEST(PipelineGrouping, KtpBroughtTheNextDayJoinsItsCaseByNik)
{
    auto budi = folder("budi", {"formulir.pdf", "sk.pdf", "surat.pdf"});
    auto ktp = loose("ktp-budi.jpg");
    auto other = folder("dewi", {"formulir.pdf"});
    std::map<std::string, SourceIdentity> identities {{budi.case_id, person(budi_nip, budi_nik, 3)},
                                                      {ktp.case_id, person(std::nullopt, budi_nik, 1)},
                                                      {other.case_id, person("199004152015032002", std::nullopt, 1)}};
    auto cases = group_by_applicant({budi, other, ktp}, identities, {});
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[0].case_id, budi.case_id);
    EXPECT_EQ(relatives(cases[0]),
              (std::vector<std::string> {"budi/formulir.pdf", "budi/sk.pdf", "budi/surat.pdf", "ktp-budi.jpg"}));
    EXPECT_EQ(cases[1].case_id, other.case_id);
}

TEST(PipelineGrouping, LooseSkJoinsByNip)
{
    auto budi = folder("budi", {"formulir.pdf"});
    auto sk = loose("sk.pdf");
    auto cases = group_by_applicant({budi, sk},
                                    {{budi.case_id, person(budi_nip, budi_nik, 1)},
                                     {sk.case_id, person(budi_nip, std::nullopt, 1)}},
                                    {});
    ASSERT_EQ(cases.size(), 1u);
    EXPECT_EQ(cases[0].files.size(), 2u);
}

TEST(PipelineGrouping, LooseFilesOfOneApplicantFormOneCaseNamedAfterTheBundle)
{
    auto bundle = loose("berkas-budi.pdf");
    auto ktp = loose("a-ktp.jpg");
    auto stranger = loose("lain.pdf");
    auto cases = group_by_applicant({ktp, bundle, stranger},
                                    {{bundle.case_id, person(budi_nip, budi_nik, 3)},
                                     {ktp.case_id, person(std::nullopt, budi_nik, 1)},
                                     {stranger.case_id, person("199004152015032002", std::nullopt, 4)}},
                                    {});
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[0].case_id, bundle.case_id); // the bundle names the case, not the KTP
    EXPECT_EQ(relatives(cases[0]), (std::vector<std::string> {"a-ktp.jpg", "berkas-budi.pdf"}));
    EXPECT_EQ(cases[1].case_id, stranger.case_id);
}

TEST(PipelineGrouping, AmbiguousClosedOrUnidentifiedFilesStayAlone)
{
    auto first = folder("budi-1", {"formulir.pdf"});
    auto second = folder("budi-2", {"sk.pdf"});
    auto ktp = loose("ktp.jpg");
    auto unreadable = loose("kabur.pdf");
    std::map<std::string, SourceIdentity> identities {{first.case_id, person(budi_nip, budi_nik, 1)},
                                                      {second.case_id, person(budi_nip, budi_nik, 1)},
                                                      {ktp.case_id, person(std::nullopt, budi_nik, 1)},
                                                      {unreadable.case_id, person(std::nullopt, std::nullopt, 1)}};
    // Two folders for one applicant: the clerk decides, not berkas.
    EXPECT_EQ(group_by_applicant({first, second, ktp, unreadable}, identities, {}).size(), 4u);
    // An approved case takes no more files.
    auto closed = group_by_applicant({first, ktp}, identities, {first.case_id});
    EXPECT_EQ(closed.size(), 2u);
    auto open = group_by_applicant({first, ktp}, identities, {});
    EXPECT_EQ(open.size(), 1u);
}

namespace {

// Sources whose files carry a content hash each: the file's own name.
intake::CaseSource hashed(intake::CaseSource source)
{
    for (auto& file : source.files)
        file.sha256 = file.relative;
    return source;
}

IdentifiedSource identified(SourceIdentity identity) { return IdentifiedSource {std::move(identity), false}; }

} // namespace

TEST(PipelineGrouping, CaseIsEvaluatedOnceItsFilesAndAllLooseFilesAreRead)
{
    RunGrouping run({hashed(folder("budi", {"formulir.pdf", "sk.pdf"})), hashed(loose("ktp-dewi.jpg")),
                     hashed(folder("dewi", {"formulir.pdf"})), hashed(folder("eko", {"surat.pdf"}))});
    const auto order = run.reading_order();
    ASSERT_EQ(order.size(), 5u);
    EXPECT_EQ(order.front()->relative, "ktp-dewi.jpg") << "loose files are read first";

    EXPECT_TRUE(run.file_settled("budi/formulir.pdf").empty());
    EXPECT_EQ(run.file_settled("budi/sk.pdf"), std::vector<size_t> {0});
    run.identify(0, identified(person(budi_nip, budi_nik, 2)));
    EXPECT_TRUE(run.take_ready().empty()) << "a loose file still unread could be Budi's";

    EXPECT_EQ(run.file_settled("ktp-dewi.jpg"), std::vector<size_t> {1});
    run.identify(1, identified(person(std::nullopt, "6171014509900002", 1)));
    EXPECT_EQ(run.take_ready(), std::vector<size_t> {0});
    EXPECT_TRUE(run.take_ready().empty()) << "each case is taken once";

    EXPECT_EQ(run.file_settled("dewi/formulir.pdf"), std::vector<size_t> {2});
    run.identify(2, identified(person("199009052015032002", "6171014509900002", 1)));
    EXPECT_TRUE(run.take_ready().empty()) << "Dewi's KTP joins her case: it waits for the end";
    EXPECT_EQ(run.file_settled("eko/surat.pdf"), std::vector<size_t> {3});
    run.identify(3, identified(person("198812012014031001", std::nullopt, 1)));
    EXPECT_EQ(run.take_ready(), std::vector<size_t> {3});

    const auto rest = run.take_rest();
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(relatives(rest[0]), (std::vector<std::string> {"dewi/formulir.pdf", "ktp-dewi.jpg"}));
    EXPECT_EQ(run.cases_seen(), 3u);
}

class PipelineFiles : public berkas::testing::TempDirTest {
protected:
    fs::path copy_rules()
    {
        fs::path rules = dir() / "rules";
        fs::create_directories(rules);
        for (const char* name : {"documents.yaml", "default.yaml", "pontianak.yaml"})
            fs::copy_file(fs::path(BERKAS_SOURCE_DIR) / "rules" / name, rules / name);
        return rules;
    }

    static void replace_in(const fs::path& file, const std::string& from, const std::string& to)
    {
        std::string text = read_file(file).value();
        text.replace(text.find(from), from.size(), to);
        ASSERT_TRUE(write_file_atomic(file, text));
    }
};

TEST_F(PipelineFiles, EarlierOutputsAreKeptAsNumberedVersions)
{
    fs::path case_folder = dir() / "cases" / "budi";
    ASSERT_TRUE(ensure_directory(case_folder));
    EXPECT_EQ(keep_previous_outputs(case_folder).value(), std::nullopt); // nothing written yet
    ASSERT_TRUE(write_file_atomic(case_folder / "result.json", "{\"versi\": 1}"));
    ASSERT_TRUE(write_file_atomic(case_folder / "lembar-verifikasi.pdf", "%PDF-1"));
    EXPECT_EQ(keep_previous_outputs(case_folder).value(), 1);
    EXPECT_EQ(read_file(case_folder / "versi" / "1" / "result.json").value(), "{\"versi\": 1}");
    EXPECT_TRUE(fs::exists(case_folder / "versi" / "1" / "lembar-verifikasi.pdf"));
    EXPECT_TRUE(fs::exists(case_folder / "result.json")); // copied: the current files stay until replaced
    ASSERT_TRUE(write_file_atomic(case_folder / "result.json", "{\"versi\": 2}"));
    EXPECT_EQ(keep_previous_outputs(case_folder).value(), 2);
    EXPECT_EQ(read_file(case_folder / "versi" / "2" / "result.json").value(), "{\"versi\": 2}");
    EXPECT_EQ(read_file(case_folder / "versi" / "1" / "result.json").value(), "{\"versi\": 1}");
}

TEST_F(PipelineFiles, ShippedRulesAndProfilesAreValid)
{
    fs::path rules = fs::path(BERKAS_SOURCE_DIR) / "rules";
    auto files = rule_files_in(rules);
    ASSERT_EQ(files.size(), 6u);
    EXPECT_EQ(files.front().filename(), "documents.yaml");
    for (const auto& report : check_rule_files(files, rules)) {
        EXPECT_TRUE(report.errors.empty()) << report.errors.front().message;
        EXPECT_FALSE(report.summary.empty());
    }
    for (const char* profile : {"default", "pontianak", "singkawang", "meranti", "muara-enim"}) {
        auto book = load_rule_book(rules, profile);
        ASSERT_TRUE(book.has_value()) << profile << ": " << book.error().message;
        EXPECT_EQ(book->profile.id, profile);
        EXPECT_EQ(book->version.size(), 16u);
        // The submission queue reads the same SOP steps for its timing report.
        auto path = rules / (std::string(profile) + ".yaml");
        auto schedule = submission::parse_schedule(read_file(path).value(), path.string());
        ASSERT_TRUE(schedule.has_value()) << schedule.error().message;
        for (std::string_view state : validation::lifecycle_states)
            EXPECT_EQ(schedule->standard_minutes(state).value_or(0), book->profile.standard_minutes_to(state))
                << profile << " " << state;
        EXPECT_EQ(schedule->certificate_validity_years, book->profile.certificate_validity_years);
    }
}

TEST_F(PipelineFiles, ProfileRequiringAnUnrecognisedTypeIsRejected)
{
    fs::path rules = copy_rules();
    // documents.yaml without a rule for the recommendation: Pontianak's profile cannot be met.
    std::string documents = read_file(rules / "documents.yaml").value();
    size_t start = documents.find("  surat_rekomendasi_atasan:");
    documents.erase(start, documents.find("\nfields:") - start);
    ASSERT_TRUE(write_file_atomic(rules / "documents.yaml", documents));
    auto reports = check_rule_files({rules / "pontianak.yaml"}, rules);
    ASSERT_EQ(reports[0].errors.size(), 1u);
    EXPECT_NE(reports[0].errors[0].message.find("required document 'surat_rekomendasi_atasan' has no rule"),
              std::string::npos);
    EXPECT_FALSE(load_rule_book(rules, "pontianak").has_value());
}

TEST_F(PipelineFiles, BrokenEditUnderWatchIsRejectedAndTheRulesInForceStay)
{
    Settings settings;
    settings.rules_dir = copy_rules();
    settings.templates_dir = fs::path(BERKAS_SOURCE_DIR) / "templates";
    settings.inbox = dir() / "inbox";
    settings.outbox = dir() / "outbox";
    settings.state = dir() / "var";
    fs::create_directories(settings.inbox);
    auto pipeline = Pipeline::create(settings, BERKAS_BINARY);
    ASSERT_TRUE(pipeline.has_value()) << pipeline.error().message;
    RuleWatch watch(settings);
    std::string original = (*pipeline)->rules().version;
    EXPECT_EQ(watch.poll(**pipeline), RuleWatch::Outcome::unchanged);

    replace_in(settings.rules_dir / "default.yaml", "renewal_notice_days: 30", "renewal_notice_day: 30");
    EXPECT_EQ(watch.poll(**pipeline), RuleWatch::Outcome::rejected);
    EXPECT_EQ((*pipeline)->rules().version, original);
    EXPECT_EQ(watch.poll(**pipeline), RuleWatch::Outcome::unchanged); // reported once, not at every pass
    EXPECT_TRUE((*pipeline)->run_once().has_value()) << "berkas keeps working with the rules in force";

    replace_in(settings.rules_dir / "default.yaml", "renewal_notice_day: 30", "renewal_notice_days: 14");
    EXPECT_EQ(watch.poll(**pipeline), RuleWatch::Outcome::reloaded);
    EXPECT_NE((*pipeline)->rules().version, original);
    EXPECT_EQ((*pipeline)->rules().profile.renewal_notice_days, 14);
}

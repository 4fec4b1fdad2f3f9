#include "submission/lifecycle.hpp"
#include "submission/schedule.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::submission;

TEST(SubmissionLifecycle, TheIssuancePathIsAllowedStepByStep)
{
    std::optional<Step> current;
    for (Step step : issuance_path) {
        EXPECT_TRUE(check_transition(current, step).has_value()) << to_string(step);
        current = step;
    }
    EXPECT_TRUE(check_transition(Step::delivered, Step::renewal_due).has_value());
    EXPECT_TRUE(check_transition(Step::renewal_due, Step::submitted).has_value()); // renewal: the same flow again
    EXPECT_TRUE(check_transition(Step::identity_verified, Step::rejected).has_value());
}

TEST(SubmissionLifecycle, IllegalTransitionsAreRefusedNamingTheAllowedOnes)
{
    auto skipped = check_transition(std::nullopt, Step::registered);
    ASSERT_FALSE(skipped.has_value());
    EXPECT_EQ(skipped.error().code, "transition");
    EXPECT_EQ(skipped.error().message, "langkah 'registered' tidak diizinkan SOP setelah status disetujui, belum "
                                       "diajukan; yang diizinkan: submitted");

    auto early_issue = check_transition(Step::activation_sent, Step::issued);
    ASSERT_FALSE(early_issue.has_value());
    EXPECT_NE(early_issue.error().message.find("yang diizinkan: identity_verified, rejected"), std::string::npos);

    auto after_rejection = check_transition(Step::rejected, Step::submitted);
    ASSERT_FALSE(after_rejection.has_value());
    EXPECT_NE(after_rejection.error().message.find("akhir proses"), std::string::npos);

    EXPECT_FALSE(check_transition(Step::revoked, Step::delivered).has_value());
    EXPECT_FALSE(check_transition(Step::issued, Step::issued).has_value());
    EXPECT_FALSE(check_transition(Step::passphrase_set, Step::delivered).has_value());
    EXPECT_FALSE(check_transition(Step::issued, Step::rejected).has_value()); // an issued certificate is revoked
}

TEST(SubmissionLifecycle, EveryStepHasACodeAndAnIndonesianLabel)
{
    for (Step step : all_steps) {
        EXPECT_EQ(step_from_string(to_string(step)), step);
        EXPECT_STRNE(label(step), "?");
    }
    EXPECT_EQ(step_from_string("approved"), std::nullopt);
}

TEST(SubmissionLifecycle, StepDetailsFollowTheSop)
{
    DayNumber today = *parse_day("2026-03-10");
    auto passphrase = check_details(Step::passphrase_set, {"passphrase: rahasia", "", ""}, today);
    ASSERT_FALSE(passphrase.has_value()); // nothing that could be the passphrase is ever stored
    EXPECT_NE(passphrase.error().message.find("tidak pernah isinya"), std::string::npos);
    EXPECT_TRUE(check_details(Step::passphrase_set, {}, today).has_value());

    EXPECT_FALSE(check_details(Step::issued, {"", "1A2B", ""}, today).has_value());
    EXPECT_FALSE(check_details(Step::issued, {"", "1A2B", "10-03-2026"}, today).has_value());
    EXPECT_FALSE(check_details(Step::issued, {"", "1A2B", "2026-03-11"}, today).has_value()); // not yet
    EXPECT_TRUE(check_details(Step::issued, {"", "1A2B", "2026-03-10"}, today).has_value());
    EXPECT_FALSE(check_details(Step::registered, {"", "1A2B", ""}, today).has_value());

    EXPECT_FALSE(check_details(Step::rejected, {}, today).has_value());
    EXPECT_TRUE(check_details(Step::rejected, {"NIK tidak sesuai Dukcapil", "", ""}, today).has_value());
}

TEST(SubmissionLifecycle, ExpiryIsIssuePlusValidityAndRenewalFallsDueBeforeIt)
{
    auto dates = certificate_dates(*parse_day("2026-03-10"), 2, 30);
    EXPECT_EQ(format_day(dates.expires_on), "2028-03-10");
    EXPECT_EQ(format_day(dates.renewal_due_on), "2028-02-09");
    auto leap = certificate_dates(*parse_day("2024-02-29"), 2, 0);
    EXPECT_EQ(format_day(leap.expires_on), "2026-02-28");
}

TEST(SubmissionSchedule, ReadsSopStepsAndSumsTheActivitiesOfAStep)
{
    auto schedule = parse_schedule(R"(
profile: pontianak
required_documents: [surat_permohonan]
sop_steps:
  - {step: verification, standard_minutes: 15, activity: "Disposisi Kepala Dinas"}
  - {step: verification, standard_minutes: 10, activity: "Memeriksa kelengkapan berkas"}
  - {step: submitted, standard_minutes: 20, activity: "Mengirim ke AMS BSrE"}
  - {step: issued, standard_minutes: 1440}
certificate_validity_years: 3
renewal_notice_days: 45
)",
                                   "rules/pontianak.yaml");
    ASSERT_TRUE(schedule.has_value()) << schedule.error().message;
    EXPECT_EQ(schedule->standard_minutes("verification"), 25);
    EXPECT_EQ(schedule->standard_minutes("issued"), 1440);
    EXPECT_EQ(schedule->standard_minutes("registered"), std::nullopt);
    EXPECT_EQ(schedule->activities("verification"), "Disposisi Kepala Dinas; Memeriksa kelengkapan berkas");
    EXPECT_EQ(schedule->certificate_validity_years, 3);
    EXPECT_EQ(schedule->renewal_notice_days, 45);
}

TEST(SubmissionSchedule, AProfileWithoutTheKeysGetsTheDefaults)
{
    auto schedule = parse_schedule("profile: default\nrequired_documents: [ktp]\n", "rules/default.yaml");
    ASSERT_TRUE(schedule.has_value());
    EXPECT_TRUE(schedule->steps.empty());
    EXPECT_EQ(schedule->certificate_validity_years, 2);
    EXPECT_EQ(schedule->renewal_notice_days, 30);
}

TEST(SubmissionSchedule, ErrorsNameTheLine)
{
    auto unknown = parse_schedule("profile: x\nsop_steps:\n  - {step: aktivasi, standard_minutes: 5}\n", "rules/x.yaml");
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().message.rfind("rules/x.yaml:3:", 0), 0u) << unknown.error().message;
    EXPECT_NE(unknown.error().message.find("unknown SOP step 'aktivasi'"), std::string::npos);

    auto negative = parse_schedule("profile: x\nrenewal_notice_days: -3\n", "rules/x.yaml");
    ASSERT_FALSE(negative.has_value());
    EXPECT_NE(negative.error().message.find("rules/x.yaml:2:"), std::string::npos);
}

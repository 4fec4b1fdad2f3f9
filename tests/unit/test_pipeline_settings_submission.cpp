#include "pipeline/settings.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::pipeline;

TEST(PipelineSettingsSubmission, FolderIsTheDefault)
{
    Settings settings;
    ASSERT_TRUE(load_settings("profile: default\n", "berkas.yaml", settings).has_value());
    EXPECT_EQ(settings.submission.kind, submission::TransportKind::folder);
}

TEST(PipelineSettingsSubmission, ReadsTheHttpTransport)
{
    Settings settings;
    auto loaded = load_settings(R"(submission:
  transport: http
  endpoint: https://tte.pontianak.go.id/api/pengajuan
  token_file: /etc/berkas/token
  timeout: 30
  backoff: 0.5
  backoff_max: 600
  max_attempts: 5
)",
                                "berkas.yaml", settings);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    EXPECT_EQ(settings.submission.kind, submission::TransportKind::http);
    EXPECT_EQ(settings.submission.endpoint, "https://tte.pontianak.go.id/api/pengajuan");
    EXPECT_EQ(settings.submission.token_file, "/etc/berkas/token");
    EXPECT_EQ(settings.submission.timeout, std::chrono::seconds(30));
    EXPECT_EQ(settings.submission.backoff, std::chrono::milliseconds(500));
    EXPECT_EQ(settings.submission.backoff_max, std::chrono::milliseconds(600000));
    EXPECT_EQ(settings.submission.max_attempts, 5);
}

TEST(PipelineSettingsSubmission, MistakesNameTheirLine)
{
    Settings settings;
    auto typo = load_settings("submission:\n  transport: http\n  endpont: https://x\n", "berkas.yaml", settings);
    ASSERT_FALSE(typo.has_value());
    EXPECT_NE(typo.error().message.find("berkas.yaml:3:3: unknown key 'endpont'"), std::string::npos)
        << typo.error().message;
    auto no_endpoint = load_settings("submission:\n  transport: http\n", "berkas.yaml", settings);
    ASSERT_FALSE(no_endpoint.has_value());
    EXPECT_NE(no_endpoint.error().message.find("needs an endpoint"), std::string::npos);
    auto unknown = load_settings("submission:\n  transport: email\n", "berkas.yaml", settings);
    ASSERT_FALSE(unknown.has_value());
    EXPECT_NE(unknown.error().message.find("folder or http"), std::string::npos);
}

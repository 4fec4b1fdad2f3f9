#include "pipeline/result_json.hpp"
#include "pipeline/settings.hpp"
#include "pipeline/worker_protocol.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::pipeline;

TEST(PipelineSettings, ReadsOfficeAndOverridesDefaults)
{
    Settings settings;
    auto loaded = load_settings(R"(
office:
  letterhead: ["PEMERINTAH KOTA PONTIANAK", "DINAS KOMUNIKASI DAN INFORMATIKA"]
  city: Pontianak
  head: {nama: "Ir. Contoh Kepala", nip: "197001011995031001", pangkat: "Pembina, IV/a", jabatan: "Kepala Dinas"}
  verifiers:
    - {nama: "Verifikator Satu", nip: "198001012005011001"}
profile: pontianak
workers: 1
watch: {stability_delay: 0.5}
)",
                                "berkas.yaml", settings);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    EXPECT_EQ(settings.office.letterhead.size(), 2u);
    EXPECT_EQ(settings.office.city, "Pontianak");
    EXPECT_EQ(settings.office.head.jabatan, "Kepala Dinas");
    ASSERT_EQ(settings.office.verifiers.size(), 1u);
    EXPECT_EQ(settings.profile, "pontianak");
    EXPECT_EQ(settings.workers, 1);
    EXPECT_EQ(settings.stability_delay.count(), 500);
    EXPECT_EQ(settings.inbox, "inbox"); // untouched keys keep their defaults
}

TEST(PipelineSettings, UnknownKeyNamesFileLineAndColumn)
{
    Settings settings;
    auto loaded = load_settings("office:\n  city: X\n  ciy: Y\n", "berkas.yaml", settings);
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().message, "berkas.yaml:3:3: unknown key 'ciy'");
    EXPECT_EQ(loaded.error().code, "config");
}

TEST(PipelineSettings, RejectsTooManyVerifiersAndBadWorkers)
{
    Settings settings;
    EXPECT_FALSE(load_settings("office:\n  verifiers: [{nama: a}, {nama: b}, {nama: c}, {nama: d}]\n", "b", settings));
    EXPECT_FALSE(load_settings("workers: 0\n", "b", settings));
    EXPECT_FALSE(load_settings("letter_number_format: \"800/Diskominfo\"\n", "b", settings));
}

TEST(PipelineSettings, LetterNumber)
{
    EXPECT_EQ(format_letter_number("800.1.4/{seq}/Diskominfo/{year}", 7, 2026), "800.1.4/0007/Diskominfo/2026");
}

TEST(PipelineSettings, ReadsLimitsInAdministratorsUnits)
{
    Settings settings;
    auto loaded = load_settings(R"(
limits:
  workers: 1
  file_mb: 10
  pages: 4
  page_megapixels: 35
  image_megapixels: 50
  image_side_px: 8000
  stream_decoded_mb: 16
  decoded_mb: 64
  nesting_depth: 40
  worker_memory_mb: 1024
  cpu_seconds_per_file: 30
  seconds_per_file: 90.5
reading:
  render_dpi: 200
  ocr_dpi: 300
  card_ocr_dpi: 400
  orientation_confidence: 10
)",
                                "berkas.yaml", settings);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    EXPECT_EQ(settings.workers, 1);
    EXPECT_EQ(settings.limits.max_file_bytes, 10u * 1024 * 1024);
    EXPECT_EQ(settings.limits.max_pages, 4);
    EXPECT_EQ(settings.limits.max_page_pixels, 35'000'000);
    EXPECT_EQ(settings.limits.max_page_side, 12'000); // not set: the default stays
    EXPECT_EQ(settings.limits.max_image_pixels, 50'000'000);
    EXPECT_EQ(settings.limits.max_image_side, 8000);
    EXPECT_EQ(settings.limits.max_stream_decoded_bytes, 16u << 20);
    EXPECT_EQ(settings.limits.max_decoded_bytes, 64u << 20);
    EXPECT_EQ(settings.limits.max_nesting_depth, 40);
    EXPECT_EQ(settings.worker_limits.address_space_bytes, 1ull << 30);
    EXPECT_EQ(settings.worker_limits.cpu_per_file.count(), 30);
    EXPECT_EQ(settings.worker_limits.wall_per_file.count(), 90'500);
    EXPECT_EQ(settings.limits.render_dpi, 200);
    EXPECT_EQ(settings.limits.min_render_dpi, 150);
    EXPECT_EQ(settings.limits.page_ocr_dpi, 300);
    EXPECT_EQ(settings.limits.card_ocr_dpi, 400);
    EXPECT_FLOAT_EQ(settings.limits.orientation_min_confidence, 10.0f);
}

TEST(PipelineSettings, DefaultLimitsAreThoseOfTheReliabilityNotes)
{
    const Settings settings;
    EXPECT_EQ(settings.limits.max_file_bytes, 25u * 1024 * 1024);
    EXPECT_EQ(settings.limits.max_pages, 10);
    EXPECT_EQ(settings.limits.max_page_pixels, 60'000'000);
    EXPECT_EQ(settings.limits.max_image_pixels, 100'000'000);
    EXPECT_EQ(settings.limits.max_image_side, 10'000);
    EXPECT_EQ(settings.limits.max_stream_decoded_bytes, 64u << 20);
    EXPECT_EQ(settings.limits.max_decoded_bytes, 256u << 20);
    EXPECT_EQ(settings.worker_limits.address_space_bytes, 2ull << 30);
    EXPECT_EQ(settings.worker_limits.cpu_per_file.count(), 120);
    EXPECT_EQ(settings.worker_limits.wall_per_file.count(), 600'000);
}

TEST(PipelineSettings, BadLimitsNameTheirPlace)
{
    Settings settings;
    auto zero_pages = load_settings("limits:\n  pages: 0\n", "berkas.yaml", settings);
    ASSERT_FALSE(zero_pages);
    EXPECT_EQ(zero_pages.error().message, "berkas.yaml:2:10: pages must be at least 1");
    auto typo = load_settings("limits:\n  page: 3\n", "berkas.yaml", settings);
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.error().message, "berkas.yaml:2:3: unknown key 'page'");
    EXPECT_FALSE(load_settings("limits:\n  file_mb: lots\n", "b", settings));
    EXPECT_FALSE(load_settings("limits:\n  worker_memory_mb: 100\n", "b", settings));
    EXPECT_FALSE(load_settings("limits:\n  workers: 65\n", "b", settings));
    EXPECT_FALSE(load_settings("reading:\n  render_dpi: 2400\n", "b", settings));
    EXPECT_FALSE(load_settings("reading:\n  ocr_dpi: 50\n", "b", settings));
}

TEST(PipelineProtocol, PagesSurviveTheRoundTrip)
{
    reading::FileReading reading;
    reading.pages = {{1, "NIK : 6171015504900002\nNama : \"Rina\"", TextSource::ocr, 91.5f}, {2, "", TextSource::blank, 0}};
    reading.digitally_signed = true;
    reading.times.ocr_seconds = 1.5;
    reading.times.ocr_pages = 1;
    std::string line = encode_response(reading);
    ASSERT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find('\n'), line.size() - 1); // one line, whatever the text holds
    auto decoded = decode_response(line.substr(0, line.size() - 1));
    ASSERT_TRUE(decoded.has_value());
    ASSERT_EQ(decoded->pages.size(), 2u);
    EXPECT_EQ(decoded->pages[0].text, reading.pages[0].text);
    EXPECT_EQ(decoded->pages[1].source, TextSource::blank);
    EXPECT_TRUE(decoded->digitally_signed);
    EXPECT_DOUBLE_EQ(decoded->times.ocr_seconds, 1.5);
    EXPECT_EQ(decoded->times.ocr_pages, 1);
}

TEST(PipelineProtocol, ErrorsKeepTheirReasonCode)
{
    Expected<reading::FileReading> failure = make_error("encrypted_pdf", "password required");
    auto decoded = decode_response(encode_response(failure));
    ASSERT_FALSE(decoded.has_value());
    EXPECT_EQ(decoded.error().code, "encrypted_pdf");
    EXPECT_EQ(decode_response("garbage").error().code, "worker_crashed");
    EXPECT_EQ(decode_response(R"({"ok":true,"pages":7})").error().code, "worker_crashed");
}

TEST(PipelineProtocol, RequestsCarryEveryLimit)
{
    ReadRequest request;
    request.path = "/inbox/kasus/ktp.jpg";
    request.limits.max_pages = 3;
    request.limits.max_decoded_bytes = 12345;
    request.limits.orientation_min_confidence = 9.5f;
    request.cpu_seconds = 7;
    auto decoded = decode_request(encode_request(request));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->path, request.path);
    EXPECT_EQ(decoded->limits.max_pages, 3);
    EXPECT_EQ(decoded->limits.max_decoded_bytes, 12345u);
    EXPECT_FLOAT_EQ(decoded->limits.orientation_min_confidence, 9.5f);
    EXPECT_EQ(decoded->limits.max_image_side, reading::ReadLimits {}.max_image_side);
    EXPECT_EQ(decoded->cpu_seconds, 7);
    EXPECT_FALSE(decode_request(R"({"path":"/x","limits":{"max_pages":"many"}})"));
}

TEST(PipelineProtocol, RequestsCarryThePageShare)
{
    ReadRequest request;
    request.path = "/inbox/bundel.pdf";
    request.share = reading::PageShare {1, 3};
    auto decoded = decode_request(encode_request(request));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->share.part, 1);
    EXPECT_EQ(decoded->share.parts, 3);
    EXPECT_TRUE(decoded->share.includes(4));
    EXPECT_FALSE(decoded->share.includes(3));
    EXPECT_EQ(decode_request(R"({"path":"/x"})")->share.parts, 1); // an older request: the whole file
    EXPECT_FALSE(decode_request(R"({"path":"/x","part":2,"parts":2})"));
}

TEST(PipelineResultJson, FollowsTheContract)
{
    CaseResult result;
    result.case_id = "budi-abc123";
    result.status = CaseStatus::incomplete;
    result.profile = "default";
    result.applicant.nama = FieldValue {"Budi", "budi/formulir.pdf", 1};
    result.documents.push_back(Document {DocumentType::formulir_bsre, "budi/formulir.pdf", {1}, {{"nama", "Budi"}}});
    result.problems.push_back(Problem {"missing:ktp", "Fotokopi KTP tidak ditemukan"});
    result.outputs = {"lembar-verifikasi.pdf"};
    auto json = result_to_json(result);
    EXPECT_EQ(json["case_id"], "budi-abc123");
    EXPECT_EQ(json["status"], "incomplete");
    EXPECT_EQ(json["applicant"]["nama"], "Budi");
    EXPECT_TRUE(json["applicant"]["nik"].is_null());
    EXPECT_EQ(json["documents"][0]["type"], "formulir_bsre");
    EXPECT_EQ(json["documents"][0]["pages"][0], 1);
    EXPECT_EQ(json["problems"][0]["code"], "missing:ktp");
    EXPECT_EQ(json["outputs"][0], "lembar-verifikasi.pdf");
    EXPECT_EQ(json["documents"][0]["signed"], false);
}

TEST(PipelineSettings, ExampleConfigurationLoads)
{
    auto text = read_file(std::string(BERKAS_SOURCE_DIR) + "/templates/berkas.example.yaml");
    ASSERT_TRUE(text.has_value());
    Settings settings;
    auto loaded = load_settings(*text, "berkas.example.yaml", settings);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
    EXPECT_EQ(settings.limits.max_pages, 10);
    EXPECT_EQ(settings.worker_limits.cpu_per_file.count(), 120);
}

TEST(PipelineSettings, LimitsWorkersWinsOverTheOlderSpelling)
{
    Settings settings;
    ASSERT_TRUE(load_settings("workers: 2\nlimits:\n  workers: 1\n", "berkas.yaml", settings));
    EXPECT_EQ(settings.workers, 1);
}

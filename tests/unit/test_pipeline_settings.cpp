#include "pipeline/result_json.hpp"
#include "pipeline/settings.hpp"
#include "pipeline/worker_protocol.hpp"

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

TEST(PipelineProtocol, PagesSurviveTheRoundTrip)
{
    std::vector<PageText> pages {{1, "NIK : 6171015504900002\nNama : \"Rina\"", TextSource::ocr, 91.5f},
                                 {2, "", TextSource::blank, 0}};
    std::string line = encode_response(pages);
    ASSERT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find('\n'), line.size() - 1); // one line, whatever the text holds
    auto decoded = decode_response(line.substr(0, line.size() - 1));
    ASSERT_TRUE(decoded.has_value());
    ASSERT_EQ(decoded->size(), 2u);
    EXPECT_EQ((*decoded)[0].text, pages[0].text);
    EXPECT_EQ((*decoded)[1].source, TextSource::blank);
}

TEST(PipelineProtocol, ErrorsKeepTheirReasonCode)
{
    Expected<std::vector<PageText>> failure = make_error("encrypted_pdf", "password required");
    auto decoded = decode_response(encode_response(failure));
    ASSERT_FALSE(decoded.has_value());
    EXPECT_EQ(decoded.error().code, "encrypted_pdf");
    EXPECT_EQ(decode_response("garbage").error().code, "worker_crashed");
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
}

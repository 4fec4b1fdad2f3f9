#include "generation/document_template.hpp"
#include "generation/renderer.hpp"
#include "generation/template_data.hpp"
#include "support/temp_dir.hpp"
#include "test_generation_sample.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace berkas::generation {
namespace {

std::string render_with(const std::string& text, const TemplateData& data)
{
    auto rendered = render_template(text, data);
    EXPECT_TRUE(rendered) << rendered.error().describe();
    return rendered.value_or("");
}

class GenerationTemplateData : public ::testing::Test {
protected:
    CaseResult result = testing::sample_complete_case();
    Office office = testing::sample_office();
    TemplateData data = build_template_data({result, office, "800.1.4/0001/Diskominfo/2026", "2026-11-21"});
};

TEST_F(GenerationTemplateData, FillsApplicantPlaceholders)
{
    EXPECT_EQ(render_with("{{applicant.nama}}", data), "Dr. Ir. Hj. Siti Aminah, S.Kom., M.Si.");
    EXPECT_EQ(render_with("{{applicant.nama_tanpa_gelar}}", data), "Siti Aminah");
    EXPECT_EQ(render_with("NIK {{applicant.nik}}, NIP {{applicant.nip}}", data),
              "NIK 6171014506900002, NIP 199006152015032004");
    EXPECT_EQ(render_with("{{applicant.pangkat}} / {{applicant.jabatan}}", data),
              "Penata (III/c) / Pranata Komputer Ahli Muda");
}

TEST_F(GenerationTemplateData, FillsOfficeDateAndNumber)
{
    EXPECT_EQ(render_with("{{office.city}}, {{tanggal}}", data), "Pontianak, 21 November 2026");
    EXPECT_EQ(render_with("Nomor {{nomor}}", data), "Nomor 800.1.4/0001/Diskominfo/2026");
    EXPECT_EQ(render_with("{{office.government}} / {{office.department}}", data),
              "Pemerintah Kota Pontianak / Dinas Komunikasi dan Informatika");
    EXPECT_EQ(render_with("NIP. {{office.head.nip}}", data), "NIP. 197503122000031002");
    EXPECT_EQ(render_with("{{qr}}", data), "berkas:case:2026-11-21-siti-aminah");
    EXPECT_EQ(render_with("{{status}}", data), "LENGKAP");
}

TEST_F(GenerationTemplateData, ListsRenderAsSections)
{
    EXPECT_EQ(render_with("{{#requirements}}{{number}}. {{name}}: {{status}}; {{/requirements}}", data),
              "1. Surat permohonan: ada; 2. Formulir permohonan BSrE: ada; 3. Fotokopi KTP: ada; "
              "4. SK terakhir: ada; ");
    EXPECT_EQ(render_with("{{#office.verifiers}}{{number}}={{nama}} {{/office.verifiers}}", data),
              "1=Rina Wulandari, S.Kom. 2=Yusuf Hidayat ");
    EXPECT_EQ(render_with("{{#problems}}x{{/problems}}{{^problems}}Tidak ada catatan.{{/problems}}", data),
              "Tidak ada catatan.");
}

TEST_F(GenerationTemplateData, ShowsSourcesAndADashForMissingValues)
{
    result.applicant.email.reset();
    result.applicant.other.erase("no_hp");
    data = build_template_data({result, office, "", "2026-11-21"});
    EXPECT_EQ(render_with("{{applicant.email}}|{{applicant.no_hp}}|{{nomor}}", data), "-|-|-");
    EXPECT_EQ(render_with("{{#applicant_rows}}{{label}}={{value}} ({{source}})\n{{/applicant_rows}}", data),
              "Nama=Dr. Ir. Hj. Siti Aminah, S.Kom., M.Si. (ktp.pdf hlm. 1)\n"
              "NIK=6171014506900002 (ktp.pdf hlm. 1)\n"
              "NIP=199006152015032004 (sk_terakhir.pdf hlm. 1)\n"
              "Email=- (-)\n"
              "Jabatan=Pranata Komputer Ahli Muda (sk_terakhir.pdf hlm. 2)\n"
              "Pangkat/Golongan=Penata (III/c) (sk_terakhir.pdf hlm. 1)\n"
              "Unit Kerja=Bidang Persandian dan Keamanan Informasi (formulir.pdf hlm. 1)\n"
              "Instansi=Pemerintah Kota Pontianak (formulir.pdf hlm. 1)\n"
              "Nomor HP=- (-)\n");
    EXPECT_EQ(render_with("{{#requirements}}{{source}};{{/requirements}}", data),
              "permohonan.pdf hlm. 1;formulir.pdf hlm. 1\u20132;ktp.pdf hlm. 1;sk_terakhir.pdf hlm. 1\u20133;");
}

TEST_F(GenerationTemplateData, DoesNotEscapeForHtml)
{
    office.address = "Jalan A & B <Blok 3>";
    data = build_template_data({result, office, "", "2026-11-21"});
    EXPECT_EQ(render_with("{{office.address}}", data), "Jalan A & B <Blok 3>");
}

TEST(GenerationTemplateFile, ParsesBlocksAndConvertsMillimetres)
{
    auto parsed = parse_document_template(R"(
page: {margin_left: 25, font_size: 11}
footer: "halaman {{page}}"
blocks:
  - type: heading
    text: "JUDUL"
  - type: table
    rows: requirements
    columns:
      - {header: "No.", text: "{{number}}", width: 10}
      - {header: "Dokumen", text: "{{name}}"}
  - type: spacer
    height: 10
)",
                                          "contoh.yaml");
    ASSERT_TRUE(parsed) << parsed.error().describe();
    EXPECT_NEAR(parsed->page.margin_left, 25 * 72 / 25.4, 1e-9);
    EXPECT_EQ(parsed->page.font_size, 11);
    ASSERT_EQ(parsed->blocks.size(), 3u);
    EXPECT_TRUE(parsed->blocks[0].keep_with_next) << "headings stay with what follows";
    const auto& table = std::get<TableBlock>(parsed->blocks[1].kind);
    EXPECT_NEAR(table.columns[0].width, 10 * 72 / 25.4, 1e-9);
    EXPECT_EQ(table.columns[1].width, 0);
}

TEST(GenerationTemplateFile, ErrorsNameTheFileAndTheKey)
{
    auto unknown_key = parse_document_template("blocks:\n  - type: heading\n    txet: JUDUL\n", "surat.yaml");
    ASSERT_FALSE(unknown_key);
    EXPECT_EQ(unknown_key.error().file, "surat.yaml");
    EXPECT_EQ(unknown_key.error().field, "blocks[0].txet");

    auto unknown_type = parse_document_template("blocks:\n  - type: gambar\n", "surat.yaml");
    ASSERT_FALSE(unknown_type);
    EXPECT_EQ(unknown_type.error().field, "blocks[0].type");

    auto broken_mustache = parse_document_template("blocks:\n  - type: paragraph\n    text: \"{{#a}}x\"\n", "s.yaml");
    ASSERT_FALSE(broken_mustache);
    EXPECT_EQ(broken_mustache.error().field, "blocks[0].text");

    auto bad_width = parse_document_template(
        "blocks:\n  - type: table\n    rows: x\n    columns:\n      - {text: a, width: lebar}\n", "s.yaml");
    ASSERT_FALSE(bad_width);
    EXPECT_EQ(bad_width.error().field, "blocks[0].columns[0].width");

    auto not_yaml = parse_document_template("blocks: [\n", "s.yaml");
    ASSERT_FALSE(not_yaml);
    EXPECT_EQ(not_yaml.error().file, "s.yaml");
}

class GenerationTemplateFolder : public testing::TempDirTest {};

TEST_F(GenerationTemplateFolder, MissingTemplateFileIsNamed)
{
    auto renderer = DocumentRenderer::create(dir());
    ASSERT_FALSE(renderer);
    EXPECT_EQ(renderer.error().file, (dir() / "lembar-verifikasi.yaml").string());
    EXPECT_NE(renderer.error().describe().find("lembar-verifikasi.yaml"), std::string::npos);

    std::ofstream(dir() / "lembar-verifikasi.yaml") << "blocks:\n  - type: heading\n    text: x\n";
    auto still_missing = DocumentRenderer::create(dir());
    ASSERT_FALSE(still_missing);
    EXPECT_EQ(still_missing.error().file, (dir() / "surat-rekomendasi.yaml").string());
}

TEST_F(GenerationTemplateFolder, BundledTemplatesParse)
{
    for (const char* name : {"lembar-verifikasi.yaml", "surat-rekomendasi.yaml"}) {
        auto parsed = load_document_template(std::filesystem::path(BERKAS_SOURCE_DIR) / "templates" / name);
        EXPECT_TRUE(parsed) << parsed.error().describe();
    }
}

} // namespace
} // namespace berkas::generation

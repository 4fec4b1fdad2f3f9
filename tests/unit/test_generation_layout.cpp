#include "generation/layout.hpp"
#include "test_generation_sample.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace berkas::generation {
namespace {

// Every character is half as wide as the font size; bold is no wider.
class FakeMeasure final : public TextMeasure {
public:
    double width(std::string_view text, Face, double size) const override
    {
        double characters = 0;
        for (char c : text)
            characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        return characters * size * 0.5;
    }
};

DocumentTemplate parse(const std::string& yaml)
{
    auto parsed = parse_document_template(yaml, "test.yaml");
    EXPECT_TRUE(parsed) << parsed.error().describe();
    return parsed.value_or(DocumentTemplate {});
}

TemplateData rows_data(int count)
{
    TemplateData rows {TemplateData::type::list};
    for (int i = 1; i <= count; ++i) {
        TemplateData row;
        row.set("number", std::to_string(i));
        row.set("name", "Baris " + std::to_string(i));
        rows.push_back(row);
    }
    TemplateData data;
    data.set("rows", rows);
    return data;
}

std::vector<std::string> texts_of(const LaidOutPage& page)
{
    std::vector<std::string> texts;
    for (const TextRun& run : page.texts)
        texts.push_back(run.text);
    return texts;
}

bool has_text(const LaidOutPage& page, const std::string& text)
{
    auto texts = texts_of(page);
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

const TextRun* find_run(const LaidOutPage& page, const std::string& text)
{
    for (const TextRun& run : page.texts) {
        if (run.text == text)
            return &run;
    }
    return nullptr;
}

const char* long_table = R"(
page: {margin_top: 20, margin_bottom: 20, margin_left: 20, margin_right: 20, font_size: 10}
footer: "halaman {{page}} dari {{pages}}"
blocks:
  - type: heading
    text: "DAFTAR"
  - type: table
    rows: rows
    columns:
      - {header: "Nomor", text: "{{number}}", width: 15}
      - {header: "Uraian", text: "{{name}}"}
)";

TEST(GenerationLayout, LongTableContinuesOnTheNextPageWithItsHeaderRepeated)
{
    FakeMeasure measure;
    auto document = lay_out_document(parse(long_table), rows_data(60), measure);
    ASSERT_TRUE(document) << document.error().describe();
    ASSERT_EQ(document->pages.size(), 2u);
    for (const LaidOutPage& page : document->pages) {
        EXPECT_TRUE(has_text(page, "Nomor")) << "header on every page";
        EXPECT_TRUE(has_text(page, "Uraian"));
        for (const Box& box : page.boxes)
            EXPECT_GE(box.y, 20 * points_per_mm - 0.01) << "a row crosses the bottom margin";
    }
    EXPECT_TRUE(has_text(document->pages[0], "DAFTAR"));
    EXPECT_FALSE(has_text(document->pages[1], "DAFTAR"));
    EXPECT_TRUE(has_text(document->pages[0], "Baris 1"));
    EXPECT_TRUE(has_text(document->pages[1], "Baris 60"));
    // Every row appears exactly once, in order.
    int seen = 0;
    for (const LaidOutPage& page : document->pages) {
        for (const TextRun& run : page.texts) {
            if (run.text.rfind("Baris ", 0) == 0)
                EXPECT_EQ(run.text, "Baris " + std::to_string(++seen));
        }
    }
    EXPECT_EQ(seen, 60);
    EXPECT_TRUE(has_text(document->pages[1], "halaman 2 dari 2"));
}

TEST(GenerationLayout, ShortTableStaysOnOnePage)
{
    FakeMeasure measure;
    auto document = lay_out_document(parse(long_table), rows_data(5), measure);
    ASSERT_TRUE(document);
    EXPECT_EQ(document->pages.size(), 1u);
    EXPECT_TRUE(has_text(document->pages[0], "halaman 1 dari 1"));
}

TEST(GenerationLayout, EmptyTablePrintsItsEmptyText)
{
    FakeMeasure measure;
    auto document = lay_out_document(parse(R"(
blocks:
  - type: table
    rows: rows
    empty: "Tidak ada catatan."
    columns:
      - {header: "No.", text: "{{number}}", width: 10}
      - {header: "Catatan", text: "{{name}}"}
)"),
                                     rows_data(0), measure);
    ASSERT_TRUE(document);
    EXPECT_TRUE(has_text(document->pages[0], "Tidak ada catatan."));
}

TEST(GenerationLayout, JustifiedLinesReachTheRightMarginButTheLastLineDoesNot)
{
    FakeMeasure measure;
    auto document = lay_out_document(parse(R"(
page: {margin_left: 20, margin_right: 20, font_size: 10}
blocks:
  - type: paragraph
    text: "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas tiga belas empat belas lima belas enam belas tujuh belas delapan belas sembilan belas dua puluh dua puluh satu akhir"
)"),
                                     TemplateData {}, measure);
    ASSERT_TRUE(document);
    const auto& runs = document->pages[0].texts;
    ASSERT_FALSE(runs.empty());
    double right = a4_width - 20 * points_per_mm;
    double first_baseline = runs.front().baseline;
    const TextRun* last_on_first_line = nullptr;
    for (const TextRun& run : runs) {
        if (run.baseline == first_baseline)
            last_on_first_line = &run;
    }
    ASSERT_NE(last_on_first_line, nullptr);
    EXPECT_NEAR(last_on_first_line->x + measure.width(last_on_first_line->text, Face::regular, 10), right, 1e-6);
    EXPECT_EQ(last_on_first_line->text.find(' '), std::string::npos) << "justified word by word";
    const TextRun& final_run = runs.back();
    EXPECT_LT(final_run.x + measure.width(final_run.text, Face::regular, 10), right - 1);
    EXPECT_NEAR(final_run.x, 20 * points_per_mm, 1e-6) << "the last line is set flush left";
}

TEST(GenerationLayout, FieldsPutTheAsideOnTheFirstRowAtTheRightMargin)
{
    FakeMeasure measure;
    TemplateData data;
    data.set("tanggal", "21 November 2026");
    auto document = lay_out_document(parse(R"(
page: {margin_right: 20}
blocks:
  - type: fields
    aside: "Pontianak, {{tanggal}}"
    rows:
      - {label: "Nomor", value: "800/1"}
      - {label: "Hal", value: "Rekomendasi"}
)"),
                                     data, measure);
    ASSERT_TRUE(document);
    const LaidOutPage& page = document->pages[0];
    const TextRun* aside = find_run(page, "Pontianak, 21 November 2026");
    const TextRun* nomor = find_run(page, "Nomor");
    const TextRun* hal = find_run(page, "Hal");
    ASSERT_TRUE(aside && nomor && hal);
    EXPECT_EQ(aside->baseline, nomor->baseline);
    EXPECT_LT(hal->baseline, nomor->baseline);
    EXPECT_NEAR(aside->x + measure.width(aside->text, Face::regular, 12), a4_width - 20 * points_per_mm, 1e-6);
}

TEST(GenerationLayout, BlocksWhoseConditionRendersBlankAreLeftOut)
{
    FakeMeasure measure;
    TemplateData data;
    data.set("complete", false);
    auto document = lay_out_document(parse(R"(
blocks:
  - type: paragraph
    when: "{{#complete}}ya{{/complete}}"
    text: "LENGKAP"
  - type: paragraph
    when: "{{^complete}}ya{{/complete}}"
    text: "BELUM LENGKAP"
)"),
                                     data, measure);
    ASSERT_TRUE(document);
    EXPECT_FALSE(has_text(document->pages[0], "LENGKAP"));
    EXPECT_TRUE(has_text(document->pages[0], "BELUM LENGKAP"));
}

TEST(GenerationLayout, AMisspelledListNameIsAnError)
{
    FakeMeasure measure;
    auto document = lay_out_document(parse(R"(
blocks:
  - type: list
    items: problms
    item: "{{message}}"
)"),
                                     rows_data(1), measure);
    ASSERT_FALSE(document);
    EXPECT_EQ(document.error().file, "test.yaml");
    EXPECT_NE(document.error().message.find("problms"), std::string::npos);
}

TEST(GenerationLayout, ASignatureBlockIsNeverSplitAcrossPages)
{
    FakeMeasure measure;
    std::string yaml = "page: {font_size: 12}\nblocks:\n";
    for (int i = 0; i < 45; ++i)
        yaml += "  - {type: paragraph, text: \"baris " + std::to_string(i) + "\"}\n";
    yaml += "  - type: signature\n    qr: \"kode\"\n    above: [\"Kepala Dinas,\"]\n"
            "    below: [{text: \"Nama Pejabat\", bold: true, underline: true}, \"NIP. 1\"]\n";
    auto document = lay_out_document(parse(yaml), TemplateData {}, measure);
    ASSERT_TRUE(document);
    ASSERT_EQ(document->pages.size(), 2u);
    const LaidOutPage& second = document->pages[1];
    EXPECT_TRUE(has_text(second, "Kepala Dinas,"));
    EXPECT_TRUE(has_text(second, "Nama Pejabat"));
    EXPECT_EQ(second.qr_codes.size(), 1u);
    EXPECT_EQ(second.segments.size(), 1u) << "the name is underlined";
}

TEST(GenerationLayout, CheckboxColumnsTickOnlyWhatIsPresent)
{
    FakeMeasure measure;
    CaseResult result = testing::sample_incomplete_case();
    Office office = testing::sample_office();
    TemplateData data = build_template_data({result, office, "", "2026-11-21"});
    auto document = lay_out_document(parse(R"(
blocks:
  - type: table
    rows: requirements
    columns:
      - {header: "Dokumen", text: "{{name}}"}
      - {header: "Hasil", text: "{{status}}", checkbox: true, checked: "{{#present}}ya{{/present}}", width: 30}
)"),
                                     data, measure);
    ASSERT_TRUE(document);
    size_t present = std::count_if(result.requirements.begin(), result.requirements.end(),
                                   [](const RequirementCheck& check) { return check.present; });
    EXPECT_EQ(document->pages[0].checks.size(), present);
    EXPECT_TRUE(has_text(document->pages[0], "tidak ada"));
}

} // namespace
} // namespace berkas::generation

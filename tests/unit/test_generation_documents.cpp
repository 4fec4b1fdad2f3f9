// The three documents a verifier holds: rendered by the real renderer, then
// judged by poppler's tools (pdftoppm, pdftotext, pdffonts, pdfimages).
#include "support/command.hpp"
#include "test_generation_renderer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>

namespace berkas::generation {
namespace {

using testing::collapse_whitespace;
using testing::contains_text;
using testing::quoted;
using testing::run_command;

class GenerationDocuments : public testing::RendererTest {
protected:
    void SetUp() override
    {
        RendererTest::SetUp();
        incomplete.applicant.other["instansi"] =
            testing::field("Dinas Kesehatan", "2026-11-21-budi-santoso/formulir.pdf", 1);
    }

    std::filesystem::path save(IssuedDocument document, const LetterContext& context)
    {
        auto rendered = renderer->render(document, context);
        EXPECT_TRUE(rendered) << rendered.error().describe();
        std::filesystem::path path = dir() / file_name(document);
        std::ofstream(path, std::ios::binary) << (rendered ? rendered->pdf : "");
        return path;
    }

    std::string text_of(const std::filesystem::path& pdf)
    {
        auto text = run_command("pdftotext -layout " + quoted(pdf) + " -");
        EXPECT_EQ(text.status, 0) << text.output;
        return text.output;
    }
};

// Every font a PDF uses, from pdffonts: the name and whether it is embedded.
std::vector<std::pair<std::string, bool>> fonts_of(const std::filesystem::path& pdf)
{
    auto listing = run_command("pdffonts " + quoted(pdf));
    std::vector<std::pair<std::string, bool>> fonts;
    std::istringstream lines(listing.output);
    std::string line;
    for (int header = 0; header < 2 && std::getline(lines, line); ++header) {
    }
    // Columns: name type encoding emb sub uni object ID; the type may hold a space ("CID TrueType").
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::vector<std::string> columns;
        for (std::string word; words >> word;)
            columns.push_back(word);
        if (columns.size() >= 7)
            fonts.emplace_back(columns.front(), columns[columns.size() - 5] == "yes");
    }
    return fonts;
}

TEST_F(GenerationDocuments, EachDocumentRendersToPngWithEveryFontEmbedded)
{
    const std::pair<IssuedDocument, const LetterContext*> documents[] = {
        {IssuedDocument::verification_sheet, &complete_context},
        {IssuedDocument::recommendation_letter, &complete_context},
        {IssuedDocument::deficiency_notice, &incomplete_context},
    };
    for (const auto& [document, context] : documents) {
        auto pdf = save(document, *context);
        auto png = dir() / file_stem(document);
        auto raster = run_command("pdftoppm -r 40 -png -singlefile " + quoted(pdf) + " " + quoted(png));
        ASSERT_EQ(raster.status, 0) << raster.output;
        std::ifstream image(png.string() + ".png", std::ios::binary);
        std::string signature(8, '\0');
        image.read(signature.data(), 8);
        EXPECT_EQ(signature, "\x89PNG\r\n\x1a\n") << file_stem(document);

        auto fonts = fonts_of(pdf);
        EXPECT_EQ(fonts.size(), 2u) << file_stem(document) << ": Liberation Serif regular and bold";
        for (const auto& [name, embedded] : fonts)
            EXPECT_TRUE(embedded) << file_stem(document) << ": " << name << " is not embedded";
    }
}

TEST_F(GenerationDocuments, TextGivesBackTheApplicantsDataExactly)
{
    std::string letter = text_of(save(IssuedDocument::recommendation_letter, complete_context));
    const std::pair<const char*, const char*> letter_rows[] = {
        {"Nama", "Siti Aminah"},
        {"NIK", "6171014506900002"},
        {"NIP", "199006152015032004"},
        {"Pangkat/Golongan", "Penata (III/c)"},
        {"Jabatan", "Pranata Komputer Ahli Muda"},
        {"Unit Kerja", "Bidang Persandian dan Keamanan Informasi"},
        {"Instansi", "Pemerintah Kota Pontianak"},
        {"Email", "siti.aminah@pontianak.go.id"},
        {"Nomor HP", "0812-5678-9012"},
    };
    for (const auto& [label, value] : letter_rows)
        EXPECT_TRUE(contains_text(letter, std::string(label) + " : " + value + "\n")) << label << "\n" << letter;

    std::string sheet = text_of(save(IssuedDocument::verification_sheet, complete_context));
    const std::pair<const char*, const char*> sheet_rows[] = {
        {"Nama", "Dr. Ir. Hj. Siti Aminah, S.Kom., M.Si. ktp.pdf hlm. 1"},
        {"NIK", "6171014506900002 ktp.pdf hlm. 1"},
        {"NIP", "199006152015032004 sk_terakhir.pdf hlm. 1"},
        {"Email", "siti.aminah@pontianak.go.id formulir.pdf hlm. 1"},
        {"Jabatan", "Pranata Komputer Ahli Muda sk_terakhir.pdf hlm. 2"},
    };
    for (const auto& [label, value] : sheet_rows)
        EXPECT_TRUE(contains_text(sheet, std::string(label) + " " + value)) << label << "\n" << sheet;
}

TEST_F(GenerationDocuments, NoticeGoesToTheApplicantsOfficeAndSaysWhatToSend)
{
    std::string notice = text_of(save(IssuedDocument::deficiency_notice, incomplete_context));
    EXPECT_TRUE(contains_text(notice, "Hal : Pemberitahuan Kekurangan Berkas Permohonan Sertifikat Elektronik"));
    EXPECT_TRUE(contains_text(notice, "Yth. Kepala Dinas Kesehatan"));
    EXPECT_TRUE(contains_text(notice, "Nama : BUDI SANTOSO, S.T."));
    EXPECT_TRUE(contains_text(notice, "Nomor berkas : 2026-11-21-budi-santoso"));
    EXPECT_TRUE(contains_text(notice, "Pontianak, 21 November 2026"));
    // pdftotext -layout keeps table cells side by side: the words of each cell appear in order.
    for (const char* expected : {"SK terakhir tidak", "SK jabatan tidak", "NIP pada formulir", "SK kepangkatan atau SK",
                                 "Fotokopi SK jabatan", "memuat NIP yang benar", "NIP. 197503122000031002"})
        EXPECT_NE(collapse_whitespace(notice).find(expected), std::string::npos) << expected << "\n" << notice;

    auto refused = renderer->render(IssuedDocument::deficiency_notice, complete_context);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "complete_case");
}

TEST_F(GenerationDocuments, LayoutNamesTheQrCodeAndTheSignaturePlaces)
{
    auto letter = renderer->render(IssuedDocument::recommendation_letter, complete_context);
    ASSERT_TRUE(letter) << letter.error().describe();
    ASSERT_EQ(letter->layout.codes.size(), 1u);
    EXPECT_EQ(letter->layout.codes[0].payload, "berkas:case:2026-11-21-siti-aminah:surat-rekomendasi");
    ASSERT_EQ(letter->layout.signatures.size(), 1u);
    const SignatureArea& head = letter->layout.signatures[0];
    EXPECT_EQ(head.label, "Kepala Dinas Komunikasi dan Informatika");
    const PageRect& code = letter->layout.codes[0].symbol;
    EXPECT_LE(code.x + code.width, head.area.x) << "the code stands beside the space, not in it";
    EXPECT_GT(head.area.height, 50) << "room for a signature";

    auto sheet = renderer->render(IssuedDocument::verification_sheet, complete_context);
    ASSERT_TRUE(sheet) << sheet.error().describe();
    ASSERT_EQ(sheet->layout.codes.size(), 1u);
    EXPECT_EQ(sheet->layout.codes[0].payload, "berkas:case:2026-11-21-siti-aminah:lembar-verifikasi");
    ASSERT_EQ(sheet->layout.signatures.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(sheet->layout.signatures[size_t(i)].label, "Verifikator " + std::to_string(i + 1));
        EXPECT_EQ(sheet->layout.signatures[size_t(i)].page, sheet->layout.codes[0].page);
    }
}

TEST_F(GenerationDocuments, ThumbnailsAreEmbeddedAndAMissingOneLeavesAnEmptyFrame)
{
    auto letter = save(IssuedDocument::recommendation_letter, complete_context);
    ASSERT_EQ(run_command("pdftoppm -r 30 -jpeg -singlefile " + quoted(letter) + " " + quoted(dir() / "page")).status,
              0);
    ASSERT_EQ(run_command("pdftoppm -r 30 -png -singlefile -x 0 -y 0 -W 200 -H 126 " + quoted(letter) + " " +
                          quoted(dir() / "card")).status, 0);
    complete_context.thumbnails = {
        {"Fotokopi KTP (ktp.pdf hlm. 1)", (dir() / "card.png").string(), true, false},
        {"Surat permohonan (permohonan.pdf hlm. 1)", (dir() / "page.jpg").string(), false, false},
        {"SK terakhir (sk_terakhir.pdf hlm. 1)", (dir() / "page.jpg").string(), false, true},
        {"Formulir (hilang.jpg)", (dir() / "hilang.jpg").string(), false, false},
    };
    auto sheet = save(IssuedDocument::verification_sheet, complete_context);
    auto images = run_command("pdfimages -list " + quoted(sheet));
    ASSERT_EQ(images.status, 0) << images.output;
    std::istringstream lines(images.output);
    int listed = -2; // two header lines
    for (std::string line; std::getline(lines, line);)
        ++listed;
    EXPECT_EQ(listed, 3) << "three pictures drawn, the missing file left out\n" << images.output;
    std::string text = text_of(sheet);
    EXPECT_TRUE(contains_text(text, "Fotokopi KTP (ktp.pdf hlm. 1)")) << text;
    EXPECT_TRUE(contains_text(text, "Formulir (hilang.jpg)")) << "the frame keeps its caption";
}

} // namespace
} // namespace berkas::generation

// Real PDFs through libharu and PoDoFo, checked with poppler's command-line tools.
#include "generation/fonts.hpp"
#include "generation/renderer.hpp"
#include "generation/to_unicode.hpp"
#include "support/command.hpp"
#include "support/temp_dir.hpp"
#include "test_generation_renderer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <thread>

namespace berkas::generation {
namespace {

using testing::CommandOutput;
using testing::quoted;

testing::CommandOutput run(const std::string& command) { return testing::run_command(command); }

bool contains(const std::string& text, const std::string& part) { return testing::contains_text(text, part); }

// The value of one pdfinfo line, e.g. info_field(output, "Pages") == "1".
std::string info_field(const std::string& pdfinfo_output, const std::string& key)
{
    size_t start = pdfinfo_output.find(key + ":");
    if (start == std::string::npos)
        return {};
    start = pdfinfo_output.find_first_not_of(' ', start + key.size() + 1);
    return pdfinfo_output.substr(start, pdfinfo_output.find('\n', start) - start);
}

class GenerationPdf : public testing::RendererTest {
protected:
    std::filesystem::path save(const std::string& name, const Expected<std::string>& pdf)
    {
        EXPECT_TRUE(pdf) << pdf.error().describe();
        std::filesystem::path path = dir() / name;
        std::ofstream(path, std::ios::binary) << pdf.value_or("");
        return path;
    }
};

TEST_F(GenerationPdf, RecommendationLetterCarriesTheApplicantWithoutTitles)
{
    auto pdf = save("surat-rekomendasi.pdf", renderer->recommendation_letter(complete_context));
    CommandOutput text = run("pdftotext -layout " + quoted(pdf) + " -");
    ASSERT_EQ(text.status, 0) << text.output;
    EXPECT_TRUE(contains(text.output, "Siti Aminah"));
    EXPECT_FALSE(contains(text.output, "Dr. Ir. Hj. Siti Aminah")) << "titles are left out of the letter";
    EXPECT_TRUE(contains(text.output, "6171014506900002"));
    EXPECT_TRUE(contains(text.output, "199006152015032004"));
    EXPECT_TRUE(contains(text.output, "Pontianak, 21 November 2026"));
    EXPECT_TRUE(contains(text.output, "800.1.4/0001/Diskominfo/2026"));
    EXPECT_TRUE(contains(text.output, "Rekomendasi Penerbitan Sertifikat Elektronik"));
    EXPECT_TRUE(contains(text.output, "sebagaimana mestinya."));
    EXPECT_TRUE(contains(text.output, "NIP. 197503122000031002"));
    EXPECT_TRUE(contains(text.output, "Tembusan:"));
    EXPECT_FALSE(contains(text.output, "Invalid 'begincidrange'")) << "the ToUnicode maps were repaired";

    CommandOutput info = run("pdfinfo " + quoted(pdf));
    EXPECT_EQ(info_field(info.output, "Pages"), "1") << info.output;
    EXPECT_EQ(info_field(info.output, "Title"), "Surat Rekomendasi Penerbitan Sertifikat Elektronik – Siti Aminah");
    EXPECT_EQ(info_field(info.output, "Author"), "Pemerintah Kota Pontianak Dinas Komunikasi dan Informatika");
    EXPECT_EQ(info_field(info.output, "CreationDate"), "Sat Nov 21 00:00:00 2026 UTC");
    EXPECT_EQ(info_field(info.output, "ModDate"), "Sat Nov 21 00:00:00 2026 UTC") << "not the time PoDoFo loaded it";
    EXPECT_FALSE(contains(info.output, "Syntax")) << info.output;
}

TEST_F(GenerationPdf, VerificationSheetListsDataSourcesRequirementsAndProblems)
{
    auto pdf = save("lembar-verifikasi.pdf", renderer->verification_sheet(incomplete_context));
    CommandOutput text = run("pdftotext -layout " + quoted(pdf) + " -");
    ASSERT_EQ(text.status, 0) << text.output;
    EXPECT_TRUE(contains(text.output, "LEMBAR VERIFIKASI PERMOHONAN SERTIFIKAT ELEKTRONIK"));
    EXPECT_TRUE(contains(text.output, "BUDI SANTOSO, S.T."));
    EXPECT_TRUE(contains(text.output, "6171014506900002"));
    EXPECT_TRUE(contains(text.output, "199006152015032004"));
    EXPECT_TRUE(contains(text.output, "ktp.pdf hlm. 1"));
    EXPECT_TRUE(contains(text.output, "BELUM LENGKAP"));
    EXPECT_TRUE(contains(text.output, "tidak ada"));
    EXPECT_TRUE(contains(text.output, "SK jabatan tidak ditemukan dalam berkas."));
    EXPECT_TRUE(contains(text.output, "Dokumen tidak dikenal (lampiran.pdf hlm. 4)"));
    EXPECT_TRUE(contains(text.output, "Rina Wulandari, S.Kom."));
    EXPECT_TRUE(contains(text.output, "NIP. 198807142010012003"));
    EXPECT_FALSE(contains(text.output, "Invalid 'begincidrange'"));

    CommandOutput info = run("pdfinfo " + quoted(pdf));
    EXPECT_EQ(info_field(info.output, "Title"), "Lembar Verifikasi Permohonan Sertifikat Elektronik – 2026-11-21-budi-santoso");
    EXPECT_EQ(info_field(info.output, "Pages"), "1") << info.output;
}

TEST_F(GenerationPdf, CompleteCaseSaysLengkapAndHasNoNotes)
{
    auto pdf = save("lembar-verifikasi.pdf", renderer->verification_sheet(complete_context));
    CommandOutput text = run("pdftotext " + quoted(pdf) + " -");
    EXPECT_TRUE(contains(text.output, "LENGKAP"));
    EXPECT_FALSE(contains(text.output, "BELUM LENGKAP"));
    EXPECT_TRUE(contains(text.output, "Tidak ada catatan."));
}

TEST_F(GenerationPdf, SameInputGivesByteIdenticalOutput)
{
    for (int document = 0; document < 2; ++document) {
        auto produce = [&] {
            return document == 0 ? renderer->verification_sheet(complete_context)
                                 : renderer->recommendation_letter(complete_context);
        };
        auto first = produce();
        std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // a clock-based date or /ID would differ
        auto second = produce();
        ASSERT_TRUE(first && second);
        EXPECT_EQ(*first, *second) << "document " << document;
    }
}

TEST_F(GenerationPdf, LongVerificationSheetContinuesWithNumberedPages)
{
    for (int i = 0; i < 45; ++i)
        incomplete.problems.push_back({"check_" + std::to_string(i),
                                       "Catatan pemeriksaan nomor " + std::to_string(i + 4) +
                                           ": data pada formulir perlu dicocokkan dengan dokumen asli."});
    auto pdf = save("lembar-verifikasi.pdf", renderer->verification_sheet(incomplete_context));
    CommandOutput info = run("pdfinfo " + quoted(pdf));
    std::string pages = info_field(info.output, "Pages");
    EXPECT_GE(std::atoi(pages.c_str()), 2) << info.output;
    CommandOutput text = run("pdftotext " + quoted(pdf) + " -");
    EXPECT_TRUE(contains(text.output, "halaman " + pages + " dari " + pages));
    EXPECT_TRUE(contains(text.output, "Catatan pemeriksaan nomor 48"));
}

TEST_F(GenerationPdf, IncompleteCaseGetsNoRecommendationLetter)
{
    auto letter = renderer->recommendation_letter(incomplete_context);
    ASSERT_FALSE(letter);
    EXPECT_EQ(letter.error().code, "incomplete_case");
}

TEST_F(GenerationPdf, InvalidDateIsRejected)
{
    complete_context.date = "21-11-2026";
    auto letter = renderer->recommendation_letter(complete_context);
    ASSERT_FALSE(letter);
    EXPECT_EQ(letter.error().code, "date");
}

TEST_F(GenerationPdf, MissingLogoIsNamed)
{
    office.logo_path = (dir() / "logo-tidak-ada.png").string();
    auto letter = renderer->recommendation_letter(complete_context);
    ASSERT_FALSE(letter);
    EXPECT_EQ(letter.error().file, office.logo_path);
}

TEST_F(GenerationPdf, QrCodeDecodesToTheCaseId)
{
    if (run("command -v zbarimg").status != 0)
        GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
    auto pdf = save("surat-rekomendasi.pdf", renderer->recommendation_letter(complete_context));
    ASSERT_EQ(run("pdftoppm -r 150 -png -singlefile " + quoted(pdf) + " " + quoted(dir() / "halaman")).status, 0);
    CommandOutput decoded = run("zbarimg --quiet --raw " + quoted(dir() / "halaman.png"));
    EXPECT_TRUE(contains(decoded.output, "berkas:case:2026-11-21-siti-aminah")) << decoded.output;
}

TEST_F(GenerationPdf, GenerationIsFast)
{
    auto start = std::chrono::steady_clock::now();
    constexpr int rounds = 5;
    size_t sheet_size = 0, letter_size = 0;
    for (int i = 0; i < rounds; ++i) {
        sheet_size = renderer->verification_sheet(complete_context)->size();
        letter_size = renderer->recommendation_letter(complete_context)->size();
    }
    auto per_pair = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start) / rounds;
    std::cout << "[ timing   ] lembar verifikasi + surat rekomendasi: " << per_pair.count() << " ms; sizes "
              << sheet_size << " and " << letter_size << " bytes\n";
    EXPECT_LT(per_pair.count(), 2000);
}

class GenerationFonts : public testing::TempDirTest {};

TEST_F(GenerationFonts, MissingFontFileIsNamed)
{
    auto none = find_serif_fonts({dir()});
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().file, (dir() / "LiberationSerif-Regular.ttf").string());

    auto installed = find_serif_fonts();
    ASSERT_TRUE(installed) << installed.error().describe();
    std::filesystem::copy_file(installed->regular, dir() / "LiberationSerif-Regular.ttf");
    auto only_regular = find_serif_fonts({dir()});
    ASSERT_FALSE(only_regular);
    EXPECT_EQ(only_regular.error().file, (dir() / "LiberationSerif-Bold.ttf").string());
}

TEST_F(GenerationFonts, FallsBackToTheNextFolder)
{
    auto fonts = find_serif_fonts({dir() / "tidak-ada", "/usr/share/fonts/truetype/liberation2"});
    ASSERT_TRUE(fonts) << fonts.error().describe();
    EXPECT_EQ(fonts->bold, std::filesystem::path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"));
}

TEST(GenerationToUnicode, IdentityMapHasBlocksOfAtMostOneHundredRanges)
{
    std::string cmap = identity_to_unicode_cmap();
    EXPECT_TRUE(contains(cmap, "100 beginbfrange\n<0000> <00FF> <0000>\n"));
    EXPECT_TRUE(contains(cmap, "56 beginbfrange\n<C800> <C8FF> <C800>\n"));
    EXPECT_TRUE(contains(cmap, "<FF00> <FFFF> <FF00>\nendbfrange\n"));
    EXPECT_FALSE(contains(cmap, "cidrange"));
}

TEST(GenerationToUnicode, GarbageIsAnErrorNotACrash)
{
    auto repaired = repair_to_unicode_maps("this is not a PDF");
    ASSERT_FALSE(repaired);
    EXPECT_EQ(repaired.error().code, "pdf");
}

} // namespace
} // namespace berkas::generation

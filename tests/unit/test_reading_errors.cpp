// Inputs the reading stage must refuse, each with its stable reason code, and
// limits that must hold before anything large is allocated.
#include "reading/ocr_engine.hpp"
#include "reading/reader.hpp"
#include "reading/tesseract_runtime.hpp"
#include "support/temp_dir.hpp"
#include "test_reading_fixtures.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <random>

namespace berkas::reading {
namespace {

using testing::corpus_file;
using testing::write_bytes;

class ReadingErrors : public testing::OcrTest {
protected:

    // The error code of reading `path`, or "ok".
    std::string code_of(const std::filesystem::path& path, const ReadLimits& limits = {})
    {
        auto pages = read_pages(path, *m_ocr, limits);
        if (pages)
            return "ok";
        EXPECT_EQ(pages.error().file, path.string());
        EXPECT_FALSE(pages.error().message.empty());
        return pages.error().code;
    }

    std::string code_of_bytes(const std::string& bytes, const ReadLimits& limits = {})
    {
        return code_of(write_bytes(dir() / "input", bytes), limits);
    }

};

TEST_F(ReadingErrors, EmptyFile)
{
    EXPECT_EQ(code_of_bytes(""), "empty_file");
}

TEST_F(ReadingErrors, MissingFileIsAnIoError)
{
    EXPECT_EQ(code_of(dir() / "does-not-exist.pdf"), "io_error");
}

TEST_F(ReadingErrors, RandomBytesAreNotADocument)
{
    std::mt19937 random(42);
    std::string bytes(4096, '\0');
    for (char& c : bytes)
        c = char(random());
    bytes[0] = 'x'; // make sure no magic number appears by chance
    EXPECT_EQ(code_of_bytes(bytes), "not_a_document");
    EXPECT_EQ(code_of_bytes("<html><body>Surat</body></html>"), "not_a_document");
}

TEST_F(ReadingErrors, FolderIsNotADocument)
{
    EXPECT_EQ(code_of(dir()), "not_a_document");
}

TEST_F(ReadingErrors, FileOverSizeLimitIsRefusedBeforeReading)
{
    ReadLimits limits;
    limits.max_file_bytes = 100;
    EXPECT_EQ(code_of_bytes(testing::make_text_pdf({testing::kLetterLines}), limits), "too_large");
}

TEST_F(ReadingErrors, TruncatedAndGarbagePdfsAreCorrupt)
{
    const std::string pdf = testing::make_text_pdf({testing::kLetterLines});
    EXPECT_EQ(code_of_bytes(pdf.substr(0, pdf.size() / 3)), "corrupt_pdf");
    EXPECT_EQ(code_of_bytes("%PDF-1.4\nthis is not a pdf at all\n%%EOF\n"), "corrupt_pdf");
    EXPECT_EQ(code_of_bytes("%PDF-1.4\n"), "corrupt_pdf");
}

TEST_F(ReadingErrors, CorpusPdfsThatPopplerCannotOpenAreCorrupt)
{
    // issue-100 has a junk byte before %PDF; issue-119 opens with zero pages.
    for (const char* name : {"ocrmypdf/invalid.pdf", "malformed/qpdf/issue-99.pdf", "malformed/qpdf/issue-100.pdf",
                             "malformed/qpdf/bad40.pdf", "malformed/qpdf/object-stream-self-ref.pdf",
                             "malformed/qpdf/issue-119.pdf"}) {
        const auto path = corpus_file(name);
        if (path.empty())
            GTEST_SKIP() << "shared corpus not available";
        EXPECT_EQ(code_of(path), "corrupt_pdf") << name;
    }
    // Object fragments without any %PDF header are not documents at all.
    const auto headerless = corpus_file("malformed/qpdf/issue-141a.pdf");
    if (!headerless.empty()) {
        EXPECT_EQ(code_of(headerless), "not_a_document");
    }
}

TEST_F(ReadingErrors, UserPasswordPdfsAreEncrypted)
{
    for (const char* name : {"malformed/podofo/AESV3R6-256.pdf", "malformed/podofo/RC4V2-128.pdf",
                             "malformed/podofo/owner_user.pdf", "ocrmypdf/historical/skew-encrypted.pdf",
                             "malformed/qpdf/enc-R3,V2,U=view,O=master.pdf"}) {
        const auto path = corpus_file(name);
        if (path.empty())
            GTEST_SKIP() << "shared corpus not available";
        EXPECT_EQ(code_of(path), "encrypted_pdf") << name;
    }
}

TEST_F(ReadingErrors, OwnerPasswordOnlyPdfReadsNormally)
{
    const auto path = corpus_file("malformed/pdfjs/secHandler.pdf"); // AES-256, empty user password
    if (path.empty())
        GTEST_SKIP() << "shared corpus not available";
    auto pages = read_pages(path, *m_ocr);
    ASSERT_TRUE(pages) << pages.error().code;
    ASSERT_EQ(pages->size(), 1u);
    EXPECT_NE((*pages)[0].text.find("Security"), std::string::npos);
}

TEST_F(ReadingErrors, TooManyPages)
{
    ReadLimits limits;
    limits.max_pages = 2;
    const std::vector<std::string> page = {"page"};
    EXPECT_EQ(code_of_bytes(testing::make_text_pdf({page, page, page}), limits), "too_many_pages");
}

TEST_F(ReadingErrors, HugePdfPageIsRefusedBeforeRendering)
{
    // 3 m × 3 m: 35 000² px at 300 dpi and still 1.2 Gpx at 150 dpi.
    EXPECT_EQ(code_of_bytes(testing::make_text_pdf({{}}, 16, 8400, 8400)), "image_too_large");
    const auto hugemono = corpus_file("ocrmypdf/hugemono.pdf");
    if (!hugemono.empty()) {
        EXPECT_EQ(code_of(hugemono), "image_too_large");
    }
}

TEST_F(ReadingErrors, PixelLimitAppliesToPdfPages)
{
    ReadLimits limits;
    limits.max_page_pixels = 1'000'000; // A4 at 150 dpi is 2.2 Mpx
    EXPECT_EQ(code_of_bytes(testing::make_text_pdf({{}}), limits), "image_too_large");
}

TEST_F(ReadingErrors, OversizedPdfPageIsRenderedAtLowerResolution)
{
    ReadLimits limits;
    limits.max_page_pixels = 4'000'000; // A4 needs 8.7 Mpx at 300 dpi, 3.9 Mpx at 200 dpi
    auto pages = read_pages(write_bytes(dir() / "blank.pdf", testing::make_text_pdf({{}})), *m_ocr, limits);
    ASSERT_TRUE(pages) << pages.error().code;
    EXPECT_EQ((*pages)[0].source, TextSource::blank);
}

TEST_F(ReadingErrors, PixelLimitAppliesToImagesBeforeDecoding)
{
    PixPtr big(pixCreate(3000, 2000, 8));
    pixSetAllArbitrary(big.get(), 255);
    ReadLimits limits;
    limits.max_page_pixels = 5'000'000;
    EXPECT_EQ(code_of_bytes(testing::encode(big.get(), IFF_PNG), limits), "image_too_large");
    limits = {};
    limits.max_page_side = 2500;
    EXPECT_EQ(code_of_bytes(testing::encode(big.get(), IFF_JFIF_JPEG), limits), "image_too_large");
}

TEST_F(ReadingErrors, DamagedImagesAreCorrupt)
{
    PixPtr page(pixCreate(800, 600, 8));
    pixSetAllArbitrary(page.get(), 255);
    const std::string png = testing::encode(page.get(), IFF_PNG);
    EXPECT_EQ(code_of_bytes(png.substr(0, 40)), "corrupt_image");
    EXPECT_EQ(code_of_bytes(testing::cat(std::string("\xFF\xD8\xFF\xE0", 4), std::string(200, '\0'))), "corrupt_image");
    EXPECT_EQ(code_of_bytes(testing::cat(std::string("II*\0\x08\0\0\0", 8), std::string(50, '\xFF'))), "corrupt_image");
}

TEST(ReadingOcrEngine, UnknownLanguageNamesLanguageAndFolder)
{
    auto engine = OcrEngine::create("xyz", "/nonexistent/tessdata");
    ASSERT_FALSE(engine);
    EXPECT_EQ(engine.error().code, "ocr_init");
    EXPECT_NE(engine.error().message.find("xyz"), std::string::npos);
    EXPECT_NE(engine.error().message.find("/nonexistent/tessdata"), std::string::npos);
}

TEST(ReadingOcrEngine, SetsOmpThreadLimitForChildProcesses)
{
    ASSERT_TRUE(OcrEngine::create("ind"));
    ASSERT_NE(std::getenv("OMP_THREAD_LIMIT"), nullptr);
}

int thread_count()
{
    return int(std::distance(std::filesystem::directory_iterator("/proc/self/task"),
                             std::filesystem::directory_iterator()));
}

// Runs in a freshly started process without OMP_THREAD_LIMIT: exits with the
// number of threads after one recognition (100 if the variable was there).
[[noreturn]] void recognize_and_exit_with_thread_count(bool runtime_shortcuts)
{
    if (OcrEngine::omp_threads_limited())
        std::_Exit(100);
    tesseract_runtime::set_enabled(runtime_shortcuts);
    auto engine = OcrEngine::create("ind");
    PixPtr page = testing::scanned_letter(200);
    if (!engine || !(*engine)->recognize(page.get()))
        std::_Exit(101);
    std::_Exit(thread_count());
}

class ReadingOcrEngineDeathTest : public ::testing::TestWithParam<bool> {};

TEST_P(ReadingOcrEngineDeathTest, StaysSingleThreadedWhenStartedWithoutOmpThreadLimit)
{
    // libgomp reads OMP_THREAD_LIMIT before main(), so this needs a new
    // process: the "threadsafe" style re-executes the test binary with the
    // current environment. Unlimited, Tesseract runs 4 threads (3.5× slower).
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const char* inherited = std::getenv("OMP_THREAD_LIMIT");
    const std::string saved = inherited ? inherited : "";
    ::unsetenv("OMP_THREAD_LIMIT");
    EXPECT_EXIT(recognize_and_exit_with_thread_count(GetParam()), ::testing::ExitedWithCode(1), "");
    if (inherited)
        ::setenv("OMP_THREAD_LIMIT", saved.c_str(), 1);
}

// With the runtime shortcuts (the default) and without them, when the
// parallel regions go to libgomp.
INSTANTIATE_TEST_SUITE_P(RuntimeShortcuts, ReadingOcrEngineDeathTest, ::testing::Bool());

} // namespace
} // namespace berkas::reading

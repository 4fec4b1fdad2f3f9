// Whole pages through the real stack: poppler, Leptonica and Tesseract with the
// Debian "ind" model. Each OCR test costs one to three seconds.
#include "reading/exif.hpp"
#include "reading/ocr_engine.hpp"
#include "reading/page_prep.hpp"
#include "reading/reader.hpp"
#include "support/temp_dir.hpp"
#include "test_reading_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace berkas::reading {
namespace {

using testing::encode;
using testing::write_bytes;

constexpr const char* kNik = "3273014506990002";

class ReadingPages : public testing::OcrTest {
protected:

    std::vector<PageText> read(const std::string& name, const std::string& bytes, const ReadLimits& limits = {})
    {
        auto pages = read_pages(write_bytes(dir() / name, bytes), *m_ocr, limits);
        EXPECT_TRUE(pages) << pages.error().code << ": " << pages.error().message;
        return pages ? std::move(*pages) : std::vector<PageText>{};
    }

};

// OCR drops or merges spaces now and then; compare without them.
std::string without_spaces(std::string text)
{
    text.erase(std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); }), text.end());
    return text;
}

void expect_letter_read(const PageText& page, TextSource source)
{
    EXPECT_EQ(page.source, source);
    EXPECT_NE(page.text.find("SERTIFIKAT"), std::string::npos) << "confidence " << page.confidence;
    EXPECT_NE(without_spaces(page.text).find(kNik), std::string::npos) << "confidence " << page.confidence;
    EXPECT_NE(page.text.find("Rahmawati"), std::string::npos);
}

TEST_F(ReadingPages, TextLayerIsUsedWithoutOcr)
{
    const auto pages = read("letter.pdf", testing::make_text_pdf({testing::kLetterLines, testing::kLetterLines}));
    ASSERT_EQ(pages.size(), 2u);
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(pages[i].number, i + 1);
        EXPECT_FLOAT_EQ(pages[i].confidence, 100);
        expect_letter_read(pages[i], TextSource::text_layer);
    }
}

TEST_F(ReadingPages, PdfWithLeadingJunkIsRead)
{
    const auto pages = read("junk.pdf", testing::cat(std::string(300, '#'), "\n", testing::make_text_pdf({testing::kLetterLines})));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].source, TextSource::text_layer);
}

TEST_F(ReadingPages, EmptyPdfPageIsBlank)
{
    const auto pages = read("blank.pdf", testing::make_text_pdf({{}, testing::kLetterLines}));
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_EQ(pages[0].source, TextSource::blank);
    EXPECT_TRUE(pages[0].text.empty());
    EXPECT_EQ(pages[1].source, TextSource::text_layer);
}

TEST_F(ReadingPages, ScannedPdfPageIsRenderedAndRecognised)
{
    PixPtr scan = testing::scanned_letter(200);
    const auto pages = read("scan.pdf", testing::make_scan_pdf(encode(scan.get(), IFF_JFIF_JPEG),
                                                               pixGetWidth(scan.get()), pixGetHeight(scan.get())));
    ASSERT_EQ(pages.size(), 1u);
    expect_letter_read(pages[0], TextSource::ocr);
    EXPECT_GT(pages[0].confidence, 70);
}

TEST_F(ReadingPages, PngScanIsRecognised)
{
    PixPtr scan = testing::scanned_letter(200); // upscaled to 300 dpi before OCR
    const auto pages = read("scan.png", encode(scan.get(), IFF_PNG));
    ASSERT_EQ(pages.size(), 1u);
    expect_letter_read(pages[0], TextSource::ocr);
}

// Turned and skewed pages: test_reading_orientation.cpp.

TEST_F(ReadingPages, SidewaysScanNeedsOrientationDetection)
{
    // Negative control for the orientation tests: Tesseract alone reads a page turned
    // 90° clockwise, but not one turned 270°.
    PixPtr scan = testing::scanned_letter(200);
    PixPtr sideways = rotate_clockwise(scan.get(), 270);
    ReadLimits no_orientation_detection;
    no_orientation_detection.orientation_check_below_confidence = 0;
    const auto pages = read("sideways.png", encode(sideways.get(), IFF_PNG), no_orientation_detection);
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].text.find("SERTIFIKAT"), std::string::npos);
    EXPECT_LT(pages[0].confidence, 60);
}

TEST_F(ReadingPages, JpegExifOrientationIsApplied)
{
    // A phone held sideways stores the page turned and says so in EXIF:
    // Orientation 6 means "turn 90° clockwise to view".
    PixPtr scan = testing::scanned_letter(200);
    PixPtr stored = rotate_clockwise(scan.get(), 270);
    std::string jpeg = encode(stored.get(), IFF_JFIF_JPEG);
    const std::string exif("\xFF\xE1\x00\x22"
                           "Exif\0\0"
                           "MM\x00\x2A\x00\x00\x00\x08"
                           "\x00\x01"
                           "\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00"
                           "\x00\x00\x00\x00",
                           36);
    jpeg.insert(2, exif);
    ASSERT_EQ(jpeg_exif_orientation(jpeg), 6);
    ReadLimits no_orientation_detection; // so that only EXIF can turn the page
    no_orientation_detection.orientation_check_below_confidence = 0;
    const auto pages = read("photo.jpg", jpeg, no_orientation_detection);
    ASSERT_EQ(pages.size(), 1u);
    expect_letter_read(pages[0], TextSource::ocr);
}

TEST_F(ReadingPages, SkewedScanIsStraightened)
{
    PixPtr scan = testing::scanned_letter(200);
    PixPtr skewed(pixRotate(scan.get(), 2.5f * 3.14159265f / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    PixPtr straightened = deskew(skewed.get());
    ASSERT_TRUE(straightened);
    EXPECT_NE(straightened.get(), skewed.get());
    const auto pages = read("skewed.png", encode(skewed.get(), IFF_PNG));
    ASSERT_EQ(pages.size(), 1u);
    expect_letter_read(pages[0], TextSource::ocr);
}

TEST_F(ReadingPages, BlankImagesSkipOcr)
{
    PixPtr paper(pixCreate(1654, 2339, 8)); // A4 at 200 dpi
    pixSetAllArbitrary(paper.get(), 235);
    // Dust and a dark scanner edge are not content.
    for (int i = 0; i < 200; ++i)
        pixSetPixel(paper.get(), (i * 7919) % 1654, (i * 104729) % 2339, 0);
    pixRasterop(paper.get(), 0, 0, 40, 2339, PIX_SET, nullptr, 0, 0);
    pixSetResolution(paper.get(), 200, 200);
    const auto pages = read("blank.png", encode(paper.get(), IFF_PNG));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].source, TextSource::blank);
}

TEST(ReadingPrep, PagesAreScaledToTheResolutionOcrNeeds)
{
    PixPtr page(pixCreate(2480, 3508, 8)); // A4 at 300 dpi
    pixSetResolution(page.get(), 300, 300);
    PixPtr smaller = at_resolution(page.get(), 200, 60'000'000);
    ASSERT_TRUE(smaller);
    EXPECT_NEAR(pixGetWidth(smaller.get()), 1653, 2);
    EXPECT_EQ(pixGetXRes(smaller.get()), 200);
    PixPtr near(at_resolution(page.get(), 290, 60'000'000)); // within 5 %: left as it is
    EXPECT_EQ(pixGetWidth(near.get()), 2480);
    EXPECT_EQ(pixGetXRes(near.get()), 300);
    PixPtr capped(at_resolution(page.get(), 600, 20'000'000)); // 35 Mpx would exceed the limit
    EXPECT_EQ(pixGetWidth(capped.get()), 2480);
}

// Gray paper with one dark rectangle on it, like a photocopied ID card.
PixPtr paper_with_dark_card(int width, int height, int dpi, const PageRegion& card)
{
    PixPtr page(pixCreate(width, height, 8));
    pixSetResolution(page.get(), dpi, dpi);
    pixSetAllArbitrary(page.get(), 245);
    Box* box = boxCreate(card.x, card.y, card.width, card.height);
    pixSetInRectArbitrary(page.get(), box, 40);
    boxDestroy(&box);
    return page;
}

TEST(ReadingPrep, PageViewsAreScaledOnceEach)
{
    PixPtr page = paper_with_dark_card(2480, 3508, 300, {600, 900, 1010, 640}); // A4 at 300 dpi
    const PageViews views = page_views(page.get(), 200, 60'000'000);
    ASSERT_TRUE(views.ocr && views.overview);
    EXPECT_EQ(pixGetXRes(views.ocr.get()), 200);
    EXPECT_NEAR(pixGetWidth(views.ocr.get()), 1653, 2);
    EXPECT_EQ(pixGetXRes(views.overview.get()), 100);
    EXPECT_NEAR(pixGetWidth(views.overview.get()), 827, 2);
    // The dark card found in the overview lands on the same place of the page.
    const PageRegion in_overview {200, 300, 337, 213};
    const PageRegion on_page = region_between(in_overview, views.overview.get(), page.get());
    EXPECT_NEAR(on_page.x, 600, 3);
    EXPECT_NEAR(on_page.y, 900, 3);
    EXPECT_NEAR(on_page.width, 1011, 4);
    EXPECT_NEAR(on_page.height, 639, 4);
    const PageRegion past_the_edge = region_between({800, 1100, 100, 100}, views.overview.get(), page.get());
    EXPECT_EQ(past_the_edge.x + past_the_edge.width, 2480) << "clipped to the page";
}

TEST(ReadingPrep, InkAroundAnExceptedRegion)
{
    PixPtr page = paper_with_dark_card(1654, 2339, 200, {300, 300, 1000, 630}); // A4 at 200 dpi
    EXPECT_GT(ink_fraction(page.get()), 0.1);
    EXPECT_LT(ink_fraction(page.get(), PageRegion {290, 290, 1020, 650}), 0.0001);
    EXPECT_GT(ink_fraction(page.get(), PageRegion {290, 290, 500, 650}), 0.05) << "half the dark area stays outside";
}

TEST_F(ReadingPages, PageWithOneWordIsNotBlank)
{
    PixPtr word = testing::render_first_page(testing::make_text_pdf({{"LAMPIRAN"}}, 14), 300);
    const auto pages = read("word.png", encode(word.get(), IFF_PNG));
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].source, TextSource::ocr);
    EXPECT_NE(pages[0].text.find("LAMPIRAN"), std::string::npos);
}

TEST_F(ReadingPages, MultiPageTiffReadsEveryPage)
{
    PixPtr scan = testing::scanned_letter(200);
    PixPtr binary(pixThresholdToBinary(scan.get(), 160));
    PixPtr paper(pixCreate(1654, 2339, 1)); // blank bilevel page
    pixSetResolution(paper.get(), 200, 200);
    const auto path = dir() / "bundle.tif";
    ASSERT_EQ(pixWriteTiff(path.c_str(), paper.get(), IFF_TIFF_G4, "w"), 0);
    ASSERT_EQ(pixWriteTiff(path.c_str(), binary.get(), IFF_TIFF_G4, "a"), 0);
    auto pages = read_pages(path, *m_ocr);
    ASSERT_TRUE(pages) << pages.error().code;
    ASSERT_EQ(pages->size(), 2u);
    EXPECT_EQ((*pages)[0].source, TextSource::blank);
    EXPECT_EQ((*pages)[1].number, 2);
    expect_letter_read((*pages)[1], TextSource::ocr);
}

TEST_F(ReadingPages, GarbageTextLayerFallsBackToOcr)
{
    const auto path = testing::corpus_file("ocrmypdf/truetype_font_nomapping.pdf");
    if (path.empty())
        GTEST_SKIP() << "shared corpus not available";
    auto pages = read_pages(path, *m_ocr);
    ASSERT_TRUE(pages) << pages.error().code;
    ASSERT_EQ(pages->size(), 1u);
    EXPECT_NE((*pages)[0].source, TextSource::text_layer);
}

} // namespace
} // namespace berkas::reading

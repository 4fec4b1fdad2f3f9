// Pages that are one JPEG scan are decoded directly instead of rendered by
// poppler (issue 8): which pages count as such (qpdf only, milliseconds), that
// the decoded page matches the rendered one in size, resolution and pixels,
// and that every other page still goes through poppler and still reads.
#include "reading/direct_scan.hpp"
#include "reading/page_prep.hpp"
#include "reading/page_source.hpp"
#include "reading/pdf_structure.hpp"
#include "reading/reader.hpp"
#include "support/hostile_files.hpp"
#include "test_reading_fixtures.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

namespace berkas::reading {
namespace {

using testing::assemble_pdf;
using testing::cat;
using testing::encode;
using testing::number;
using testing::stream_object;

// Image bytes as a PDF stream holds them, and the size its dictionary declares.
struct Scan {
    std::string data;
    int width = 0, height = 0;
};

Scan jpeg_of(Pix* pix) { return {encode(pix, IFF_JFIF_JPEG), pixGetWidth(pix), pixGetHeight(pix)}; }

// The parts of a one-page scan PDF; each test changes one of them.
struct ScanPdf {
    double page_width = testing::kA4Width, page_height = testing::kA4Height;
    std::string media_box; // empty: [0 0 page_width page_height]
    std::string page_entries; // more entries of the page dictionary
    std::string contents = "4 0 R";
    std::string content_entries;
    std::string content;    // empty: the scan drawn over the page, nothing else
    std::string appended;   // content after that
    std::string image_entries = "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode";
    std::vector<std::string> more_objects; // objects 7, 8, …
};

std::string full_page_drawing(const ScanPdf& parts)
{
    return cat("q ", number(parts.page_width), " 0 0 ", number(parts.page_height), " 0 0 cm /Im1 Do Q");
}

// Objects: 1 catalog, 2 page tree, 3 page, 4 content, 5 image, 6 font, then more_objects.
std::string scan_pdf(const Scan& scan, const ScanPdf& parts = {})
{
    const std::string content = (parts.content.empty() ? full_page_drawing(parts) : parts.content) + parts.appended;
    std::vector<std::string> bodies = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        cat("<< /Type /Page /Parent 2 0 R /MediaBox ",
            parts.media_box.empty() ? cat("[0 0 ", number(parts.page_width), " ", number(parts.page_height), "]")
                                    : parts.media_box,
            " /Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> /Contents ", parts.contents, " ",
            parts.page_entries, " >>"),
        stream_object(parts.content_entries, content),
        stream_object(cat("/Type /XObject /Subtype /Image /Width ", number(std::size_t(scan.width)), " /Height ",
                          number(std::size_t(scan.height)), " ", parts.image_entries),
                      scan.data),
        berkas::testing::kHelvetica};
    bodies.insert(bodies.end(), parts.more_objects.begin(), parts.more_objects.end());
    return assemble_pdf(bodies);
}

// The same page with a no-op after the scan ("0 g" sets the fill colour), so
// that poppler renders it: the way every scanned page was read before.
ScanPdf rendered_by_poppler(ScanPdf parts)
{
    parts.appended += " 0 g";
    return parts;
}

std::optional<DirectScan> direct_scan_in(const std::string& pdf)
{
    auto structure = inspect_pdf_structure(pdf, {});
    EXPECT_TRUE(structure) << structure.error().code << ": " << structure.error().message;
    if (!structure || structure->direct_scans.empty())
        return std::nullopt;
    return structure->direct_scans[0];
}

// The first page as PdfSource delivers it for OCR.
PixPtr page_image(const std::string& pdf, const ReadLimits& limits = {})
{
    auto source = open_pdf(pdf, limits);
    if (!source) {
        ADD_FAILURE() << source.error().code << ": " << source.error().message;
        return nullptr;
    }
    auto page = (*source)->page(0);
    if (!page) {
        ADD_FAILURE() << page.error().code << ": " << page.error().message;
        return nullptr;
    }
    return std::move(page->image);
}

// Mean absolute gray difference over the area both images cover.
double mean_difference(Pix* a, Pix* b)
{
    const int width = std::min(pixGetWidth(a), pixGetWidth(b)), height = std::min(pixGetHeight(a), pixGetHeight(b));
    double sum = 0;
    for (int y = 0; y < height; ++y) {
        const l_uint32* line_a = pixGetData(a) + std::ptrdiff_t(y) * pixGetWpl(a);
        const l_uint32* line_b = pixGetData(b) + std::ptrdiff_t(y) * pixGetWpl(b);
        for (int x = 0; x < width; ++x)
            sum += std::abs(int(GET_DATA_BYTE(line_a, x)) - int(GET_DATA_BYTE(line_b, x)));
    }
    return sum / (double(width) * height);
}

// What a page image for OCR must be, whichever way it was made.
void expect_gray_page(Pix* image, int dpi, double width_points, double height_points)
{
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(pixGetDepth(image), 8);
    EXPECT_EQ(pixGetColormap(image), nullptr);
    EXPECT_EQ(pixGetXRes(image), dpi);
    EXPECT_EQ(pixGetYRes(image), dpi);
    EXPECT_NEAR(pixGetWidth(image), width_points * dpi / 72.0, 2);
    EXPECT_NEAR(pixGetHeight(image), height_points * dpi / 72.0, 2);
}

// A small printed card, so that even a 600 dpi scan of it is quick to make.
constexpr double kCardWidth = 300, kCardHeight = 200;

PixPtr scanned_card(int dpi)
{
    const std::string drawing = "BT /F1 14 Tf 20 160 Td (KARTU TANDA PENDUDUK) Tj 0 -24 Td (NIK 3273014506990002) Tj "
                                "0 -24 Td (Nama Siti Nurhaliza) Tj ET 2 w 10 10 280 180 re S";
    const std::string pdf = assemble_pdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         cat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ", number(kCardWidth), " ", number(kCardHeight),
             "] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
         berkas::testing::kHelvetica, stream_object("", drawing)});
    return testing::render_first_page(pdf, dpi);
}

ScanPdf card_page()
{
    ScanPdf parts;
    parts.page_width = kCardWidth;
    parts.page_height = kCardHeight;
    return parts;
}

// Scanners in colour mode: cream paper under a lamp.
PixPtr in_colour(Pix* gray)
{
    PixPtr colour(pixConvert8To32(gray));
    return PixPtr(pixMultConstantColor(colour.get(), 1.0f, 0.97f, 0.9f));
}

std::string deflated(const std::string& data)
{
    uLongf size = compressBound(uLong(data.size()));
    std::string out(size, '\0');
    compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
             uLong(data.size()));
    out.resize(size);
    return out;
}

// --- Which pages are direct scans -------------------------------------------

struct Variant {
    const char* name;
    ScanPdf parts;
};

template<typename Change>
Variant card_variant(const char* name, Change change)
{
    ScanPdf parts = card_page();
    change(parts);
    return {name, parts};
}

class ReadingDirectScanStructure : public ::testing::Test {
protected:
    static const Scan& card()
    {
        static const Scan scan = jpeg_of(scanned_card(200).get());
        return scan;
    }
};

TEST_F(ReadingDirectScanStructure, PageThatIsOneJpegIsADirectScan)
{
    const auto scan = direct_scan_in(scan_pdf(card(), card_page()));
    ASSERT_TRUE(scan);
    EXPECT_EQ(scan->width, card().width);
    EXPECT_EQ(scan->height, card().height);
    EXPECT_EQ(scan->components, 1);
    EXPECT_DOUBLE_EQ(scan->page_width, kCardWidth);
    EXPECT_DOUBLE_EQ(scan->page_height, kCardHeight);
    ASSERT_TRUE(scan->jpeg);
    EXPECT_EQ(*scan->jpeg, card().data);
}

TEST_F(ReadingDirectScanStructure, SpellingsOfTheSameDrawingAreDirectScansToo)
{
    const std::vector<Variant> variants = {
        card_variant("comments and line breaks",
                     [](ScanPdf& p) { p.content = "% scanner\nq\n300 0 0 200 0 0 cm\n/Im1 Do\nQ\n"; }),
        card_variant("reals, signs and rounding",
                     [](ScanPdf& p) { p.content = "q +300.4 0.0 0 199.6 -0.5 .3 cm /Im1 Do Q"; }),
        card_variant("content split over two streams", [](ScanPdf& p) {
            p.contents = "[4 0 R 7 0 R]";
            p.content = "q 300 0 0 200 0 0 cm";
            p.more_objects = {stream_object("", "/Im1 Do Q")};
        }),
        card_variant("compressed content", [](ScanPdf& p) {
            p.content_entries = "/Filter /FlateDecode";
            p.content = deflated(full_page_drawing(p));
        }),
        card_variant("filter in an array", [](ScanPdf& p) {
            p.image_entries = "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter [/DCTDecode] /DecodeParms [null]";
        }),
        card_variant("gray ICC profile", [](ScanPdf& p) {
            p.image_entries = "/ColorSpace [/ICCBased 7 0 R] /BitsPerComponent 8 /Filter /DCTDecode";
            p.more_objects = {stream_object("/N 1", "profile")};
        }),
        card_variant("page box away from the origin", [](ScanPdf& p) {
            p.media_box = "[10 20 310 220]";
            p.content = "q 300 0 0 200 10 20 cm /Im1 Do Q";
        }),
        card_variant("crop box equal to the media box, rotation 0", [](ScanPdf& p) {
            p.page_entries = "/CropBox [0 0 300 200] /Rotate 0";
        }),
    };
    for (const Variant& variant : variants)
        EXPECT_TRUE(direct_scan_in(scan_pdf(card(), variant.parts))) << variant.name;
}

TEST_F(ReadingDirectScanStructure, AnythingElseOnThePageOrImageIsRenderedByPoppler)
{
    const std::vector<Variant> variants = {
        card_variant("page turned", [](ScanPdf& p) { p.page_entries = "/Rotate 90"; }),
        card_variant("text on top", [](ScanPdf& p) { p.appended = " BT /F1 10 Tf 20 20 Td (Halaman 1) Tj ET"; }),
        card_variant("annotation", [](ScanPdf& p) {
            p.page_entries = "/Annots [7 0 R]";
            p.more_objects = {"<< /Type /Annot /Subtype /Square /Rect [10 10 50 50] >>"};
        }),
        card_variant("crop box smaller than the scan", [](ScanPdf& p) { p.page_entries = "/CropBox [10 10 290 190]"; }),
        card_variant("scan smaller than the page", [](ScanPdf& p) { p.content = "q 150 0 0 100 0 0 cm /Im1 Do Q"; }),
        card_variant("scan turned by the matrix", [](ScanPdf& p) { p.content = "q 0 200 -300 0 300 0 cm /Im1 Do Q"; }),
        card_variant("scan mirrored", [](ScanPdf& p) { p.content = "q -300 0 0 200 300 0 cm /Im1 Do Q"; }),
        card_variant("two matrices", [](ScanPdf& p) { p.content = "q 1 0 0 1 0 0 cm 300 0 0 200 0 0 cm /Im1 Do Q"; }),
        card_variant("no q and Q", [](ScanPdf& p) { p.content = "300 0 0 200 0 0 cm /Im1 Do"; }),
        card_variant("an image that is not there", [](ScanPdf& p) { p.content = "q 300 0 0 200 0 0 cm /Im2 Do Q"; }),
        card_variant("soft mask", [](ScanPdf& p) {
            p.image_entries += " /SMask 7 0 R";
            p.more_objects = {stream_object("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                                            "/BitsPerComponent 8",
                                            "\xFF")};
        }),
        card_variant("colour key mask", [](ScanPdf& p) { p.image_entries += " /Mask [0 10]"; }),
        card_variant("decode array", [](ScanPdf& p) { p.image_entries += " /Decode [1 0]"; }),
        card_variant("optional content", [](ScanPdf& p) {
            p.image_entries += " /OC 7 0 R";
            p.more_objects = {"<< /Type /OCG /Name (scan) >>"};
        }),
        card_variant("colour transform",
                     [](ScanPdf& p) { p.image_entries += " /DecodeParms << /ColorTransform 0 >>"; }),
        card_variant("two filters", [](ScanPdf& p) {
            p.image_entries = "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter [/FlateDecode /DCTDecode]";
        }),
        card_variant("CCITT", [](ScanPdf& p) {
            p.image_entries = "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode";
        }),
        card_variant("stencil",
                     [](ScanPdf& p) { p.image_entries = "/ImageMask true /BitsPerComponent 1 /Filter /DCTDecode"; }),
        card_variant("CMYK", [](ScanPdf& p) {
            p.image_entries = "/ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /DCTDecode";
        }),
        card_variant("indexed", [](ScanPdf& p) {
            p.image_entries =
                "/ColorSpace [/Indexed /DeviceRGB 1 <000000FFFFFF>] /BitsPerComponent 8 /Filter /DCTDecode";
        }),
    };
    for (const Variant& variant : variants)
        EXPECT_FALSE(direct_scan_in(scan_pdf(card(), variant.parts))) << variant.name;
}

TEST_F(ReadingDirectScanStructure, ImageDrawnOnSeveralPagesIsCopiedOnce)
{
    const std::string page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /XObject << /Im1 "
                             "5 0 R >> >> /Contents 4 0 R >>";
    const std::string pdf = assemble_pdf(
        {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>", page,
         stream_object("", "q 300 0 0 200 0 0 cm /Im1 Do Q"),
         stream_object(cat("/Type /XObject /Subtype /Image /Width ", number(std::size_t(card().width)), " /Height ",
                           number(std::size_t(card().height)),
                           " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode"),
                       card().data),
         page});
    auto structure = inspect_pdf_structure(pdf, {});
    ASSERT_TRUE(structure) << structure.error().message;
    ASSERT_EQ(structure->direct_scans.size(), 2u);
    ASSERT_TRUE(structure->direct_scans[0] && structure->direct_scans[1]);
    EXPECT_EQ(structure->direct_scans[0]->jpeg, structure->direct_scans[1]->jpeg); // the same copy
}

TEST_F(ReadingDirectScanStructure, EncryptedScanGivesTheDecryptedJpeg)
{
    const std::string encrypted = berkas::testing::encrypt_pdf(scan_pdf(card(), card_page()), "");
    ASSERT_EQ(encrypted.find(card().data.substr(0, 64)), std::string::npos); // really encrypted
    const auto scan = direct_scan_in(encrypted);
    ASSERT_TRUE(scan);
    EXPECT_EQ(*scan->jpeg, card().data);
}

// --- Decoding -----------------------------------------------------------------

struct DecodeCase {
    int scan_dpi;
    int page_dpi; // what poppler renders it at: the scan's own, within 200–300 dpi
};

class ReadingDirectScanDecode : public ::testing::TestWithParam<DecodeCase> {};

// Poppler resamples even at the scan's own resolution, so the pixels differ a
// little: 1.2–2.7 gray levels on this card, 0–7 on berkas-fixture scans.
constexpr double kMaxMeanDifference = 4.0;

TEST_P(ReadingDirectScanDecode, DecodedPageMatchesTheRenderedOne)
{
    const DecodeCase c = GetParam();
    const Scan scan = jpeg_of(scanned_card(c.scan_dpi).get());
    ASSERT_TRUE(direct_scan_in(scan_pdf(scan, card_page())));
    ASSERT_FALSE(direct_scan_in(scan_pdf(scan, rendered_by_poppler(card_page()))));

    PixPtr decoded = page_image(scan_pdf(scan, card_page()));
    PixPtr rendered = page_image(scan_pdf(scan, rendered_by_poppler(card_page())));
    expect_gray_page(decoded.get(), c.page_dpi, kCardWidth, kCardHeight);
    expect_gray_page(rendered.get(), c.page_dpi, kCardWidth, kCardHeight);
    if (decoded && rendered)
        EXPECT_LT(mean_difference(decoded.get(), rendered.get()), kMaxMeanDifference);
}

INSTANTIATE_TEST_SUITE_P(ScanResolutions, ReadingDirectScanDecode,
                         ::testing::Values(DecodeCase {200, 200}, DecodeCase {250, 250},
                                           DecodeCase {300, 300}, DecodeCase {400, 300}, DecodeCase {600, 300}),
                         [](const auto& info) { return std::to_string(info.param.scan_dpi) + "dpi"; });

TEST(ReadingDirectScanColour, ColourScanIsDecodedToGray)
{
    PixPtr colour = in_colour(scanned_card(300).get());
    const Scan scan = jpeg_of(colour.get());
    ScanPdf parts = card_page();
    parts.image_entries = "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode";
    const auto direct = direct_scan_in(scan_pdf(scan, parts));
    ASSERT_TRUE(direct);
    EXPECT_EQ(direct->components, 3);

    PixPtr decoded = page_image(scan_pdf(scan, parts));
    PixPtr rendered = page_image(scan_pdf(scan, rendered_by_poppler(parts)));
    expect_gray_page(decoded.get(), 300, kCardWidth, kCardHeight);
    if (decoded && rendered)
        EXPECT_LT(mean_difference(decoded.get(), rendered.get()), kMaxMeanDifference);
}

// A card declared as a plain JPEG scan whose JPEG cannot be decoded as
// declared: decoding gives up, and poppler renders the page exactly as before.
void expect_poppler_renders(const Scan& scan, int render_dpi, const ReadLimits& limits = {})
{
    const std::string pdf = scan_pdf(scan, card_page());
    const auto direct = direct_scan_in(pdf);
    ASSERT_TRUE(direct) << "declared as a plain JPEG scan";
    EXPECT_EQ(decode_direct_scan(*direct, render_dpi, limits), nullptr);
    PixPtr page = page_image(pdf, limits);
    PixPtr rendered = page_image(scan_pdf(scan, rendered_by_poppler(card_page())), limits);
    ASSERT_TRUE(page && rendered);
    EXPECT_EQ(pixGetWidth(page.get()), pixGetWidth(rendered.get()));
    EXPECT_EQ(pixGetHeight(page.get()), pixGetHeight(rendered.get()));
    EXPECT_EQ(pixGetXRes(page.get()), render_dpi);
    EXPECT_EQ(mean_difference(page.get(), rendered.get()), 0.0) << "rendered by poppler";
}

TEST(ReadingDirectScanFallback, JpegWiderThanDeclared)
{
    Scan scan = jpeg_of(scanned_card(200).get());
    scan.width -= 8;
    expect_poppler_renders(scan, 200);
}

TEST(ReadingDirectScanFallback, ColourJpegDeclaredGray)
{
    PixPtr colour = in_colour(scanned_card(200).get());
    expect_poppler_renders(jpeg_of(colour.get()), 200);
}

TEST(ReadingDirectScanFallback, DamagedJpeg)
{
    Scan scan = jpeg_of(scanned_card(200).get());
    scan.data.resize(scan.data.size() / 2);
    expect_poppler_renders(scan, 200);
}

TEST(ReadingDirectScanFallback, ScanBelowTheRenderResolution)
{
    // Enlarged by the decoder, a 150 dpi JPEG-30 form lost its NIP to OCR;
    // poppler's enlargement kept it (kasus-9336).
    expect_poppler_renders(jpeg_of(scanned_card(150).get()), 200);
}

TEST(ReadingDirectScanFallback, ScanWithMorePixelsThanAPageMayHave)
{
    // 1250×833 px at 300 dpi; with 0.8 Mpx allowed poppler renders at 262 dpi.
    ReadLimits limits;
    limits.max_page_pixels = 800'000;
    expect_poppler_renders(jpeg_of(scanned_card(300).get()), 262, limits);
}

// --- Reading ------------------------------------------------------------------

constexpr const char* kNik = "3273014506990002";

class ReadingDirectScanOcr : public testing::OcrTest {
protected:
    PageText read_one(const std::string& pdf)
    {
        auto pages = read_pages(testing::write_bytes(dir() / "scan.pdf", pdf), *m_ocr);
        EXPECT_TRUE(pages) << pages.error().code << ": " << pages.error().message;
        if (!pages || pages->size() != 1)
            return {};
        return std::move(pages->front());
    }

    PageText expect_letter(const std::string& pdf, const char* what)
    {
        PageText page = read_one(pdf);
        std::string digits = page.text;
        std::erase_if(digits, [](unsigned char c) { return std::isspace(c); });
        EXPECT_EQ(page.source, TextSource::ocr) << what;
        EXPECT_NE(page.text.find("SERTIFIKAT"), std::string::npos) << what << ", confidence " << page.confidence;
        EXPECT_NE(digits.find(kNik), std::string::npos) << what << ", confidence " << page.confidence;
        EXPECT_NE(page.text.find("Rahmawati"), std::string::npos) << what;
        return page;
    }

    static Scan letter(int dpi) { return jpeg_of(testing::scanned_letter(dpi).get()); }
};

TEST_F(ReadingDirectScanOcr, DecodedAndRenderedPagesReadAlike)
{
    const Scan scan = letter(300);
    ASSERT_TRUE(direct_scan_in(scan_pdf(scan)));
    const PageText decoded = expect_letter(scan_pdf(scan), "decoded");
    const PageText rendered = expect_letter(scan_pdf(scan, rendered_by_poppler({})), "rendered");
    // Scaled to 200 dpi for OCR, the two differ in a few gray levels, and
    // Tesseract may then space "Nama :" differently; the characters agree.
    auto without_spaces = [](std::string text) {
        std::erase_if(text, [](unsigned char c) { return std::isspace(c); });
        return text;
    };
    EXPECT_EQ(without_spaces(decoded.text), without_spaces(rendered.text));
}

TEST_F(ReadingDirectScanOcr, TurnedPageIsRenderedAndReads)
{
    // Stored on its side, turned upright by /Rotate 90 as a viewer shows it.
    PixPtr upright = testing::scanned_letter(200);
    PixPtr stored = rotate_clockwise(upright.get(), 270);
    ScanPdf parts;
    std::swap(parts.page_width, parts.page_height);
    parts.page_entries = "/Rotate 90";
    const std::string pdf = scan_pdf(jpeg_of(stored.get()), parts);
    EXPECT_FALSE(direct_scan_in(pdf));
    expect_letter(pdf, "turned");
}

TEST_F(ReadingDirectScanOcr, PageWithTextOnTopIsRenderedAndReads)
{
    ScanPdf parts;
    parts.appended = " BT /F1 9 Tf 500 20 Td (Halaman 1) Tj ET"; // too little to be a text layer
    const std::string pdf = scan_pdf(letter(200), parts);
    EXPECT_FALSE(direct_scan_in(pdf));
    expect_letter(pdf, "text on top");
}

TEST_F(ReadingDirectScanOcr, BlackAndWhitePageIsRenderedAndReads)
{
    PixPtr gray = testing::scanned_letter(200);
    PixPtr binary(pixThresholdToBinary(gray.get(), 160));
    // PDF DeviceGray bits: most significant first, 0 = black, rows padded to a byte.
    const int width = pixGetWidth(binary.get()), height = pixGetHeight(binary.get());
    const std::size_t row_bytes = std::size_t(width + 7) / 8;
    std::string bits(row_bytes * std::size_t(height), '\xFF');
    for (int y = 0; y < height; ++y) {
        const l_uint32* line = pixGetData(binary.get()) + std::ptrdiff_t(y) * pixGetWpl(binary.get());
        for (int x = 0; x < width; ++x) {
            if (GET_DATA_BIT(line, x))
                bits[std::size_t(y) * row_bytes + std::size_t(x / 8)] &= char(~(0x80 >> (x % 8)));
        }
    }
    ScanPdf parts;
    parts.image_entries = "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode";
    const std::string pdf = scan_pdf({deflated(bits), width, height}, parts);
    EXPECT_FALSE(direct_scan_in(pdf));
    expect_letter(pdf, "black and white");
}

TEST_F(ReadingDirectScanOcr, ScanWithSoftMaskIsRenderedAndReads)
{
    ScanPdf parts;
    parts.image_entries += " /SMask 7 0 R";
    parts.more_objects = {stream_object(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\xFF")};
    const std::string pdf = scan_pdf(letter(200), parts);
    EXPECT_FALSE(direct_scan_in(pdf));
    expect_letter(pdf, "soft mask");
}

} // namespace
} // namespace berkas::reading

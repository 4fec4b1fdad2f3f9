// Pages that are one JPEG or CCITT scan are decoded directly instead of
// rendered by poppler (issue 8): which pages count as such (qpdf only,
// milliseconds), that the decoded page matches the rendered one in size,
// resolution and pixels, and that every other page still goes through poppler
// and still reads.
#include "reading/direct_scan.hpp"
#include "reading/page_prep.hpp"
#include "reading/page_source.hpp"
#include "reading/pdf_structure.hpp"
#include "reading/reader.hpp"
#include "support/hostile_files.hpp"
#include "test_reading_fixtures.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <iostream>
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

// The one strip of a little-endian TIFF as Leptonica writes it on x86, or
// nothing when the image is split into several strips.
std::string single_strip_of(const std::string& tiff)
{
    const auto u16 = [&](std::size_t at) {
        return std::uint32_t(std::uint8_t(tiff.at(at))) | std::uint32_t(std::uint8_t(tiff.at(at + 1))) << 8;
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    if (tiff.compare(0, 4, std::string("II*\0", 4)) != 0)
        return {};
    const std::size_t directory = u32(4);
    std::uint32_t offset = 0, bytes = 0;
    for (std::uint32_t i = 0; i < u16(directory); ++i) {
        const std::size_t entry = directory + 2 + 12 * std::size_t(i);
        const std::uint32_t tag = u16(entry), count = u32(entry + 4);
        const std::uint32_t value = u16(entry + 2) == 3 ? u16(entry + 8) : u32(entry + 8); // SHORT or LONG
        if ((tag == 273 || tag == 279) && count != 1)
            return {};
        if (tag == 273) // StripOffsets
            offset = value;
        if (tag == 279) // StripByteCounts
            bytes = value;
    }
    return tiff.substr(offset, bytes);
}

// A 1-bit image encoded by Leptonica's libtiff (IFF_TIFF_G4 or IFF_TIFF_G3):
// its 1 bits become the runs CCITT calls black.
Scan ccitt_of(Pix* binary, int format)
{
    return {single_strip_of(encode(binary, format)), pixGetWidth(binary), pixGetHeight(binary)};
}

// Black ink where the gray page is darker than a scanner's threshold.
PixPtr black_and_white(Pix* gray) { return PixPtr(pixThresholdToBinary(gray, 160)); }

std::string ccitt_image_entries(const std::string& parameters)
{
    return "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << " + parameters + " >>";
}

std::string g4_parameters(const Scan& scan) { return cat("/K -1 /Columns ", number(std::size_t(scan.width))); }

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
    EXPECT_EQ(scan->encoding, ScanEncoding::jpeg);
    ASSERT_TRUE(scan->data);
    EXPECT_EQ(*scan->data, card().data);
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
        card_variant("CCITT whose default 1728 columns are not the width", [](ScanPdf& p) {
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
    EXPECT_EQ(structure->direct_scans[0]->data, structure->direct_scans[1]->data); // the same copy
}

TEST_F(ReadingDirectScanStructure, EncryptedScanGivesTheDecryptedJpeg)
{
    const std::string encrypted = berkas::testing::encrypt_pdf(scan_pdf(card(), card_page()), "");
    ASSERT_EQ(encrypted.find(card().data.substr(0, 64)), std::string::npos); // really encrypted
    const auto scan = direct_scan_in(encrypted);
    ASSERT_TRUE(scan);
    EXPECT_EQ(*scan->data, card().data);
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

// A card declared as a plain scan whose data cannot be decoded as
// declared: decoding gives up, and poppler renders the page exactly as before.
void expect_poppler_renders(const Scan& scan, int render_dpi, const ReadLimits& limits = {},
                            const ScanPdf& parts = card_page())
{
    const std::string pdf = scan_pdf(scan, parts);
    const auto direct = direct_scan_in(pdf);
    ASSERT_TRUE(direct) << "declared as a plain scan";
    EXPECT_EQ(decode_direct_scan(*direct, render_dpi, limits), nullptr);
    PixPtr page = page_image(pdf, limits);
    PixPtr rendered = page_image(scan_pdf(scan, rendered_by_poppler(parts)), limits);
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

// --- Black-and-white CCITT scans ----------------------------------------------

// The card as an office MFP scans it in black and white: 1 bits black.
const PixPtr& binary_card()
{
    static const PixPtr binary = black_and_white(scanned_card(200).get());
    return binary;
}

// The card's Group 4 data, its runs black where the card is black.
const Scan& g4_card()
{
    static const Scan scan = ccitt_of(binary_card().get(), IFF_TIFF_G4);
    return scan;
}

ScanPdf ccitt_card_page(const std::string& parameters)
{
    ScanPdf parts = card_page();
    parts.image_entries = ccitt_image_entries(parameters);
    return parts;
}

TEST(ReadingDirectScanCcitt, PageThatIsOneGroup4ImageIsADirectScan)
{
    ASSERT_FALSE(g4_card().data.empty()) << "Leptonica wrote the card in one strip";
    const auto scan = direct_scan_in(scan_pdf(g4_card(), ccitt_card_page(g4_parameters(g4_card()))));
    ASSERT_TRUE(scan);
    EXPECT_EQ(scan->encoding, ScanEncoding::ccitt);
    EXPECT_EQ(scan->ccitt.scheme, CcittScheme::group4);
    EXPECT_FALSE(scan->ccitt.black_is_1);
    EXPECT_EQ(scan->width, g4_card().width);
    EXPECT_EQ(scan->height, g4_card().height);
    EXPECT_EQ(scan->components, 1);
    ASSERT_TRUE(scan->data);
    EXPECT_EQ(*scan->data, g4_card().data);
}

TEST(ReadingDirectScanCcitt, SpellingsOfTheSameParametersAreDirectScansToo)
{
    const std::string g4 = g4_parameters(g4_card());
    const std::string rows = cat(" /Rows ", number(std::size_t(g4_card().height)));
    const std::vector<Variant> variants = {
        {"filter and parameters in arrays, as libharu writes them",
         [&] {
             ScanPdf p = card_page();
             p.image_entries = cat("/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter [/CCITTFaxDecode] "
                                   "/DecodeParms [<< ", g4, rows, " >>]");
             return p;
         }()},
        {"default decode array", [&] {
             ScanPdf p = ccitt_card_page(g4);
             p.image_entries += " /Decode [0 1]";
             return p;
         }()},
        {"every flag spelled out", ccitt_card_page(cat(g4, rows, " /BlackIs1 false /EncodedByteAlign false "
                                                                 "/EndOfLine false /EndOfBlock false "
                                                                 "/DamagedRowsBeforeError 0"))},
        {"ImageMask false", [&] {
             ScanPdf p = ccitt_card_page(g4);
             p.image_entries += " /ImageMask false";
             return p;
         }()},
    };
    for (const Variant& variant : variants)
        EXPECT_TRUE(direct_scan_in(scan_pdf(g4_card(), variant.parts))) << variant.name;
}

TEST(ReadingDirectScanCcitt, ParametersTheDecoderCannotHonourAreRenderedByPoppler)
{
    const std::string g4 = g4_parameters(g4_card());
    const std::string gray = "/ColorSpace /DeviceGray /BitsPerComponent 1 ";
    const std::vector<Variant> variants = {
        {"decode array that inverts", [&] {
             ScanPdf p = ccitt_card_page(g4);
             p.image_entries += " /Decode [1 0]";
             return p;
         }()},
        {"stencil", [&] {
             ScanPdf p = card_page();
             p.image_entries = cat("/ImageMask true /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << ",
                                   g4, " >>");
             return p;
         }()},
        {"columns other than the width",
         ccitt_card_page(cat("/K -1 /Columns ", number(std::size_t(g4_card().width + 8))))},
        {"rows other than the height", ccitt_card_page(cat(g4, " /Rows ", number(std::size_t(g4_card().height - 1))))},
        {"filter chain", [&] {
             ScanPdf p = card_page();
             p.image_entries = cat(gray, "/Filter [/FlateDecode /CCITTFaxDecode] /DecodeParms [null << ", g4, " >>]");
             return p;
         }()},
        {"two parameter dictionaries", [&] {
             ScanPdf p = card_page();
             p.image_entries = cat(gray, "/Filter /CCITTFaxDecode /DecodeParms [<< ", g4, " >> << ", g4, " >>]");
             return p;
         }()},
        {"byte-aligned rows", ccitt_card_page(g4 + " /EncodedByteAlign true")},
        {"end-of-line codes in Group 4", ccitt_card_page(g4 + " /EndOfLine true")},
        {"Group 3 without end-of-line codes", ccitt_card_page(cat("/K 0 /Columns ", number(std::size_t(g4_card().width))))},
        {"Group 3 mixed 1-D and 2-D",
         ccitt_card_page(cat("/K 4 /EndOfLine true /Columns ", number(std::size_t(g4_card().width))))},
        {"a parameter nobody checked", ccitt_card_page(g4 + " /Uncompressed true")},
        {"BlackIs1 not a flag", ccitt_card_page(g4 + " /BlackIs1 1")},
        {"colour", [&] {
             ScanPdf p = card_page();
             p.image_entries = cat("/ColorSpace /DeviceRGB /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                                   "/DecodeParms << ", g4, " >>");
             return p;
         }()},
        {"deflated instead", [&] {
             ScanPdf p = card_page();
             p.image_entries = cat(gray, "/Filter /FlateDecode");
             return p;
         }()},
        {"8 bits declared", [&] {
             ScanPdf p = card_page();
             p.image_entries = cat("/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /CCITTFaxDecode "
                                   "/DecodeParms << ", g4, " >>");
             return p;
         }()},
    };
    for (const Variant& variant : variants) {
        const std::string pdf = scan_pdf(g4_card(), variant.parts);
        EXPECT_FALSE(direct_scan_in(pdf)) << variant.name;
        PixPtr page = page_image(pdf); // poppler still renders a page
        ASSERT_TRUE(page) << variant.name;
        EXPECT_EQ(pixGetXRes(page.get()), 200) << variant.name;
    }
}

// 8-bit gray with the scan's 1 bits black (0) and its 0 bits white (255).
PixPtr gray_of(Pix* binary) { return PixPtr(pixConvert1To8(nullptr, binary, 255, 0)); }

// Share of pixels whose gray levels differ by more than `threshold`, in percent.
double percent_differing(Pix* a, Pix* b, int threshold)
{
    const int width = std::min(pixGetWidth(a), pixGetWidth(b)), height = std::min(pixGetHeight(a), pixGetHeight(b));
    long long differing = 0;
    for (int y = 0; y < height; ++y) {
        const l_uint32* line_a = pixGetData(a) + std::ptrdiff_t(y) * pixGetWpl(a);
        const l_uint32* line_b = pixGetData(b) + std::ptrdiff_t(y) * pixGetWpl(b);
        for (int x = 0; x < width; ++x)
            differing += std::abs(int(GET_DATA_BYTE(line_a, x)) - int(GET_DATA_BYTE(line_b, x))) > threshold;
    }
    return 100.0 * double(differing) / (double(width) * height);
}

// With BlackIs1 the CCITT data's black runs are drawn white, so a scanner
// writing it encodes the paper as black runs; either way the page is the card,
// bit for bit. The card's 300 pt are 833.3 px at 200 dpi, so poppler stretches
// the 833 px a little: 1.5 % of its pixels are gray at the edges of strokes.
TEST(ReadingDirectScanCcitt, BlackIs1TrueAndFalseBothGiveBlackInkOnWhitePaper)
{
    PixPtr inverted(pixInvert(nullptr, binary_card().get()));
    const Scan paper_as_black_runs = ccitt_of(inverted.get(), IFF_TIFF_G4);
    const std::string g4 = g4_parameters(g4_card());
    const std::vector<std::pair<Scan, ScanPdf>> pages = {
        {g4_card(), ccitt_card_page(g4)},
        {g4_card(), ccitt_card_page(g4 + " /BlackIs1 false")},
        {paper_as_black_runs, ccitt_card_page(g4 + " /BlackIs1 true")},
    };
    PixPtr card = gray_of(binary_card().get());
    for (const auto& [scan, parts] : pages) {
        const auto direct = direct_scan_in(scan_pdf(scan, parts));
        ASSERT_TRUE(direct) << parts.image_entries;
        PixPtr decoded = page_image(scan_pdf(scan, parts));
        PixPtr rendered = page_image(scan_pdf(scan, rendered_by_poppler(parts)));
        expect_gray_page(decoded.get(), 200, kCardWidth, kCardHeight);
        ASSERT_TRUE(decoded && rendered);
        EXPECT_EQ(percent_differing(decoded.get(), card.get(), 0), 0.0) << parts.image_entries;
        EXPECT_LT(mean_difference(decoded.get(), rendered.get()), kMaxMeanDifference) << parts.image_entries;
    }
}

// libtiff's Group 3 (Compression 3) has an end-of-line code before each row
// and no RTC at the end.
std::string g3_parameters(const Scan& scan)
{
    return cat("/K 0 /EndOfLine true /EndOfBlock false /Columns ", number(std::size_t(scan.width)), " /Rows ",
               number(std::size_t(scan.height)));
}

TEST(ReadingDirectScanCcitt, Group3OneDimensionalScanDecodesLikeGroup4)
{
    const Scan g3 = ccitt_of(binary_card().get(), IFF_TIFF_G3);
    ASSERT_FALSE(g3.data.empty());
    const ScanPdf parts = ccitt_card_page(g3_parameters(g3));
    const auto direct = direct_scan_in(scan_pdf(g3, parts));
    ASSERT_TRUE(direct);
    EXPECT_EQ(direct->ccitt.scheme, CcittScheme::group3_1d);
    PixPtr decoded = page_image(scan_pdf(g3, parts));
    PixPtr rendered = page_image(scan_pdf(g3, rendered_by_poppler(parts)));
    PixPtr card = gray_of(binary_card().get());
    ASSERT_TRUE(decoded && rendered);
    EXPECT_EQ(percent_differing(decoded.get(), card.get(), 0), 0.0);
    EXPECT_LT(mean_difference(decoded.get(), rendered.get()), kMaxMeanDifference);
}

// A scan at twice the render resolution is shrunk like a JPEG scan is.
TEST(ReadingDirectScanCcitt, ScanAboveTheRenderResolutionIsShrunkLikePopplerDoes)
{
    PixPtr binary = black_and_white(scanned_card(600).get());
    const Scan scan = ccitt_of(binary.get(), IFF_TIFF_G4);
    const ScanPdf parts = ccitt_card_page(g4_parameters(scan));
    ASSERT_TRUE(direct_scan_in(scan_pdf(scan, parts)));
    PixPtr decoded = page_image(scan_pdf(scan, parts));
    PixPtr rendered = page_image(scan_pdf(scan, rendered_by_poppler(parts)));
    expect_gray_page(decoded.get(), 300, kCardWidth, kCardHeight);
    expect_gray_page(rendered.get(), 300, kCardWidth, kCardHeight);
    if (decoded && rendered)
        EXPECT_LT(mean_difference(decoded.get(), rendered.get()), kMaxMeanDifference);
}

// libtiff would repeat the last row it read down the rest of the page.
TEST(ReadingDirectScanCcittFallback, DataCutShort)
{
    Scan scan = g4_card();
    scan.data.resize(scan.data.size() / 2);
    expect_poppler_renders(scan, 200, {}, ccitt_card_page(g4_parameters(scan)));
}

TEST(ReadingDirectScanCcittFallback, DataCutShortAndPaddedWithZeros)
{
    Scan scan = g4_card();
    scan.data.resize(scan.data.size() / 2);
    scan.data.append(64, '\0');
    expect_poppler_renders(scan, 200, {}, ccitt_card_page(g4_parameters(scan)));
}

TEST(ReadingDirectScanCcittFallback, Group3DataWithoutTheEndOfBlockItDeclares)
{
    const Scan g3 = ccitt_of(binary_card().get(), IFF_TIFF_G3);
    expect_poppler_renders(g3, 200, {}, ccitt_card_page(cat("/K 0 /EndOfLine true /Columns ",
                                                            number(std::size_t(g3.width)))));
}

TEST(ReadingDirectScanCcittFallback, ScanWithMorePixelsThanAPageMayHave)
{
    ReadLimits limits;
    limits.max_page_pixels = 400'000; // the 833×556 px card is 463,000; poppler renders at 185 dpi
    expect_poppler_renders(g4_card(), 185, limits, ccitt_card_page(g4_parameters(g4_card())));
}

// berkas-fixture's black-and-white mode: a whole A4 page as libharu writes it
// (BlackIs1 true, filter and parameters in arrays).
class ReadingDirectScanFixture : public berkas::testing::TempDirTest, public ::testing::WithParamInterface<int> {
protected:
    std::string black_and_white_letter(int dpi)
    {
        const std::string command = cat(BERKAS_FIXTURE_BINARY, " case --seed 7 --colour bw --dpi ",
                                        number(std::size_t(dpi)), " --omit ktp --omit formulir_bsre --omit "
                                        "sk_terakhir --out '", dir().string(), "' > /dev/null");
        EXPECT_EQ(std::system(command.c_str()), 0) << command;
        auto pdf = berkas::read_file(dir() / "surat-permohonan.pdf");
        EXPECT_TRUE(pdf);
        return pdf ? *pdf : std::string();
    }
};

// At 200 dpi the page is 1654×2339 px, and poppler draws each bit as one
// pixel, as the decoder does: no pixel differs. At 300 dpi libharu wrote the
// page 842.04 pt high, 3508.5 px, so poppler stretches the 3508 rows a little:
// 1.42 % of the pixels differ (gray at the edges of strokes), by 1.75 gray
// levels on average.
constexpr double kMaxPercentDiffering = 2.0;

TEST_P(ReadingDirectScanFixture, DecodedPageMatchesTheRenderedOne)
{
    const int dpi = GetParam();
    const std::string pdf = black_and_white_letter(dpi);
    const auto scan = direct_scan_in(pdf);
    ASSERT_TRUE(scan);
    EXPECT_EQ(scan->encoding, ScanEncoding::ccitt);
    EXPECT_EQ(scan->ccitt.scheme, CcittScheme::group4);
    EXPECT_TRUE(scan->ccitt.black_is_1);
    PixPtr decoded = page_image(pdf);
    PixPtr rendered = testing::render_first_page(pdf, dpi);
    expect_gray_page(decoded.get(), dpi, scan->page_width, scan->page_height);
    ASSERT_TRUE(decoded && rendered);
    EXPECT_EQ(pixGetWidth(decoded.get()), pixGetWidth(rendered.get()));
    EXPECT_EQ(pixGetHeight(decoded.get()), pixGetHeight(rendered.get()));
    const double differing = percent_differing(decoded.get(), rendered.get(), 0);
    std::cout << "differing pixels at " << dpi << " dpi: " << differing << " %, mean difference "
              << mean_difference(decoded.get(), rendered.get()) << "\n";
    EXPECT_LE(differing, kMaxPercentDiffering);
    EXPECT_LT(mean_difference(decoded.get(), rendered.get()), kMaxMeanDifference);
}

INSTANTIATE_TEST_SUITE_P(ScanResolutions, ReadingDirectScanFixture, ::testing::Values(200, 300),
                         [](const auto& info) { return std::to_string(info.param) + "dpi"; });

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

TEST_F(ReadingDirectScanOcr, BlackAndWhitePageIsDecodedAndReadsLikeTheRenderedOne)
{
    PixPtr binary = black_and_white(testing::scanned_letter(200).get());
    const Scan scan = ccitt_of(binary.get(), IFF_TIFF_G4);
    ScanPdf parts;
    parts.image_entries = ccitt_image_entries(g4_parameters(scan));
    const auto direct = direct_scan_in(scan_pdf(scan, parts));
    ASSERT_TRUE(direct);
    EXPECT_EQ(direct->encoding, ScanEncoding::ccitt);
    const PageText decoded = expect_letter(scan_pdf(scan, parts), "decoded black and white");
    const PageText rendered = expect_letter(scan_pdf(scan, rendered_by_poppler(parts)), "rendered black and white");
    EXPECT_EQ(decoded.text, rendered.text);
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

// What reading sees besides text: the QR code of a document berkas issued (with
// its corners and the page's ink), and the previews for the lembar verifikasi.
// Pages are drawn with Leptonica and real QR codes from libqrencode.
#include "reading/page_marks.hpp"
#include "reading/reader.hpp"

#include <gtest/gtest.h>
#include <qrencode.h>

#include <cmath>
#include <numbers>

namespace berkas::reading {
namespace {

constexpr int dpi = 200;
constexpr int page_width = 1654, page_height = 2339; // A4 at 200 dpi

PixPtr blank_page()
{
    PixPtr page(pixCreate(page_width, page_height, 8));
    pixSetAllArbitrary(page.get(), 245); // paper scans a little grey
    pixSetResolution(page.get(), dpi, dpi);
    return page;
}

// Draws a QR code whose top-left module corner is at (left, top), `module` pixels a side.
void draw_qr(Pix* page, const std::string& payload, int left, int top, int module)
{
    QRcode* code = QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    ASSERT_NE(code, nullptr);
    for (int row = 0; row < code->width; ++row)
        for (int column = 0; column < code->width; ++column)
            if (code->data[row * code->width + column] & 1)
                pixRasterop(page, left + column * module, top + row * module, module, module, PIX_CLR, nullptr, 0, 0);
    QRcode_free(code);
}

void fill(Pix* page, int x, int y, int width, int height, int gray)
{
    Box* box = boxCreate(x, y, width, height);
    pixSetInRectArbitrary(page, box, static_cast<l_uint32>(gray));
    boxDestroy(&box);
}

PixPtr turned(Pix* page, double degrees)
{
    PixPtr result(pixRotate(page, static_cast<float>(degrees * std::numbers::pi / 180), L_ROTATE_AREA_MAP,
                            L_BRING_IN_WHITE, 0, 0));
    pixSetResolution(result.get(), dpi, dpi);
    return result;
}

TEST(ReadingMarks, FindsOurCodeWithItsCornersAndThePagesInk)
{
    PixPtr page = blank_page();
    const std::string payload = "berkas:case:pemohon-a-329c30:lembar-verifikasi";
    draw_qr(page.get(), payload, 1300, 1800, 6);
    fill(page.get(), 200, 1896, 300, 16, 30); // a stroke of ink elsewhere on the page
    auto code = find_document_code(page.get());
    ASSERT_TRUE(code);
    EXPECT_EQ(code->payload, payload);
    EXPECT_NEAR(code->corners[0].x, 1300, 3);
    EXPECT_NEAR(code->corners[0].y, 1800, 3);
    EXPECT_GT(code->corners[2].x, code->corners[0].x + 150) << "bottom-right lies right of top-left";
    EXPECT_EQ(code->ink.cell, 8) << "about one millimetre at 200 dpi";
    EXPECT_EQ(code->ink.columns, (page_width + 7) / 8);
    EXPECT_EQ(code->ink.darkness.size(), size_t(code->ink.columns) * size_t(code->ink.rows));
    EXPECT_GT(code->ink.at(250 / 8, 1903 / 8), 0.9) << "the stroke";
    EXPECT_LT(code->ink.at(100 / 8, 100 / 8), 0.01) << "the paper";
}

TEST(ReadingMarks, CornersFollowTheCodeOnATurnedScan)
{
    PixPtr page = blank_page();
    draw_qr(page.get(), "berkas:case:x-1:surat-rekomendasi", 300, 1500, 6);
    for (double degrees : {2.0, 180.0}) {
        PixPtr scan = turned(page.get(), degrees);
        auto code = find_document_code(scan.get());
        ASSERT_TRUE(code) << degrees << "°";
        double dx = code->corners[1].x - code->corners[0].x, dy = code->corners[1].y - code->corners[0].y;
        double angle = std::atan2(dy, dx) * 180 / std::numbers::pi;
        EXPECT_NEAR(std::remainder(angle - degrees, 360.0), 0, 1.0) << "the code's top edge turns with the page";
    }
}

TEST(ReadingMarks, OtherCodesAndPlainPagesGiveNothing)
{
    PixPtr page = blank_page();
    EXPECT_FALSE(find_document_code(page.get()));
    draw_qr(page.get(), "https://tte.example.go.id/verifikasi/6171014506900002", 300, 300, 6);
    EXPECT_FALSE(find_document_code(page.get())) << "a foreign code may hold personal data: it is not passed on";
}

TEST(ReadingMarks, CutsTheCardOutOfAKtpCopy)
{
    PixPtr page = blank_page();
    // A KTP copied at 150 %: 128 × 81 mm, grey, in the upper half of the sheet.
    fill(page.get(), 170, 170, 1008, 638, 215);
    fill(page.get(), 250, 300, 500, 20, 20);
    std::string card = card_thumbnail(page.get(), find_card(page.get()));
    ASSERT_GT(card.size(), 100u);
    EXPECT_EQ(card.substr(0, 3), "\xff\xd8\xff") << "a JPEG";
    l_int32 width = 0, height = 0;
    PixPtr decoded(pixReadMem(reinterpret_cast<const l_uint8*>(card.data()), card.size()));
    ASSERT_TRUE(decoded);
    pixGetDimensions(decoded.get(), &width, &height, nullptr);
    EXPECT_EQ(width, 420);
    EXPECT_NEAR(double(width) / height, 1008.0 / 638, 0.08) << "the card, not the page";

    EXPECT_TRUE(card_thumbnail(blank_page().get(), find_card(blank_page().get())).empty()) << "no card on an empty sheet";
    PixPtr letter = blank_page();
    fill(letter.get(), 200, 200, 1250, 1900, 225); // a grey page-sized area is no card
    EXPECT_TRUE(card_thumbnail(letter.get(), find_card(letter.get())).empty());
}

TEST(ReadingMarks, CardIsAloneOnlyWhenThePageHoldsNothingElse)
{
    constexpr double max_outside_ink = ReadLimits {}.card_alone_max_outside_ink;
    PixPtr page = blank_page();
    fill(page.get(), 170, 170, 1008, 638, 215); // a KTP copied at 150 %
    fill(page.get(), 250, 300, 500, 20, 20);
    EXPECT_TRUE(is_card_alone(page.get(), find_card(page.get()), max_outside_ink));

    fill(page.get(), 200, 1500, 900, 16, 30); // a line written under the copy: the page is read whole
    EXPECT_FALSE(is_card_alone(page.get(), find_card(page.get()), max_outside_ink));

    EXPECT_FALSE(is_card_alone(blank_page().get(), find_card(blank_page().get()), max_outside_ink));
    PixPtr photo(pixCreate(1600, 1010, 8)); // a phone photo of the card itself
    pixSetAllArbitrary(photo.get(), 200);
    const auto whole = find_card(photo.get());
    ASSERT_TRUE(whole);
    EXPECT_TRUE(whole->whole_image);
    EXPECT_FALSE(is_card_alone(photo.get(), whole, max_outside_ink)) << "a photo is read like a page";
}

TEST(ReadingMarks, PageThumbnailIsASmallJpeg)
{
    PixPtr page = blank_page();
    std::string thumbnail = page_thumbnail(page.get());
    PixPtr decoded(pixReadMem(reinterpret_cast<const l_uint8*>(thumbnail.data()), thumbnail.size()));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(pixGetWidth(decoded.get()), 200);
    EXPECT_LT(thumbnail.size(), 20'000u);
}

} // namespace
} // namespace berkas::reading

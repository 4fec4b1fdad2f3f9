// Reading signed copies: the QR code ties the printed page to the scan, and the
// ink in each signature place decides whether it was signed. Pure arithmetic on
// synthetic ink grids; the real scans are in the e2e round trip.
#include "pipeline/signature_reading.hpp"
#include "pipeline/worker_protocol.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace berkas::pipeline {
namespace {

constexpr double dpi = 200;
constexpr double scale = dpi / 72; // pixels per point
constexpr double page_height = 841.89;

// A scan of an A4 page at 200 dpi, turned by `degrees` around the page centre.
struct Scan {
    double degrees = 0;
    double shift_x = 0, shift_y = 0;

    ImagePoint to_image(double x, double y) const
    {
        double px = x * scale, py = (page_height - y) * scale; // unrotated pixels
        double cx = 827, cy = 1169, radians = degrees * std::numbers::pi / 180;
        return {cx + (px - cx) * std::cos(radians) - (py - cy) * std::sin(radians) + shift_x,
                cy + (px - cx) * std::sin(radians) + (py - cy) * std::cos(radians) + shift_y};
    }
};

const PageRect symbol {480, 170, 50, 50};

PageCode scanned_code(const Scan& scan)
{
    PageCode code;
    code.payload = "berkas:case:x-1:lembar-verifikasi";
    code.corners = {scan.to_image(symbol.x, symbol.y + symbol.height),
                    scan.to_image(symbol.x + symbol.width, symbol.y + symbol.height),
                    scan.to_image(symbol.x + symbol.width, symbol.y), scan.to_image(symbol.x, symbol.y)};
    code.ink.cell = 8; // ~1 mm at 200 dpi
    code.ink.columns = 1654 / 8 + 1;
    code.ink.rows = 2339 / 8 + 1;
    code.ink.darkness.assign(static_cast<size_t>(code.ink.columns * code.ink.rows), '\0');
    return code;
}

// Inks the cells under a printed line from (x1, y1) to (x2, y2), `darkness` 0–1.
void draw(PageCode& code, const Scan& scan, double x1, double y1, double x2, double y2, double darkness = 0.45)
{
    for (int step = 0; step <= 400; ++step) {
        double t = step / 400.0;
        ImagePoint at = scan.to_image(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
        int column = static_cast<int>(at.x / code.ink.cell), row = static_cast<int>(at.y / code.ink.cell);
        code.ink.darkness[static_cast<size_t>(row * code.ink.columns + column)] = static_cast<char>(darkness * 255);
    }
}

void draw_box(PageCode& code, const Scan& scan, const PageRect& box)
{
    draw(code, scan, box.x, box.y, box.x + box.width, box.y);
    draw(code, scan, box.x, box.y + box.height, box.x + box.width, box.y + box.height);
    draw(code, scan, box.x, box.y, box.x, box.y + box.height);
    draw(code, scan, box.x + box.width, box.y, box.x + box.width, box.y + box.height);
}

void draw_scribble(PageCode& code, const Scan& scan, const PageRect& box)
{
    for (int loop = 0; loop < 4; ++loop) {
        double x = box.x + box.width * (0.15 + 0.18 * loop);
        draw(code, scan, x, box.y + box.height * 0.3, x + 12, box.y + box.height * 0.75);
        draw(code, scan, x + 12, box.y + box.height * 0.75, x + 24, box.y + box.height * 0.3);
    }
}

const std::vector<SignatureArea> boxes {
    {1, {56.7, 170.3, 128.5, 45.4}, "Verifikator 1"},
    {1, {196.5, 170.3, 128.5, 45.4}, "Verifikator 2"},
    {1, {336.3, 170.3, 128.5, 45.4}, "Verifikator 3"},
};

TEST(PipelineScanBack, TheCodeTiesThePrintedPageToTheScan)
{
    Scan scan {1.3, -14, 22};
    auto map = page_to_image(symbol, scanned_code(scan));
    ASSERT_TRUE(map);
    for (auto [x, y] : {std::pair {60.0, 180.0}, {300.0, 500.0}, {540.0, 800.0}}) {
        ImagePoint expected = scan.to_image(x, y), found = map->apply(x, y);
        EXPECT_NEAR(found.x, expected.x, 0.01);
        EXPECT_NEAR(found.y, expected.y, 0.01);
        ImagePoint back = map->inverse()->apply(found.x, found.y);
        EXPECT_NEAR(back.x, x, 0.01);
        EXPECT_NEAR(back.y, y, 0.01);
    }
    PageCode flat = scanned_code(scan);
    flat.corners = {ImagePoint {5, 5}, ImagePoint {5, 5}, ImagePoint {5, 5}, ImagePoint {5, 5}};
    EXPECT_FALSE(page_to_image(symbol, flat)) << "corners on one point say nothing";
}

TEST(PipelineScanBack, OnlyTheSignedBoxReadsAsSigned)
{
    for (double degrees : {0.0, 1.5, -2.0}) {
        Scan scan {degrees, 6, -9};
        PageCode code = scanned_code(scan);
        for (const SignatureArea& box : boxes)
            draw_box(code, scan, box.area); // printed borders: never a signature
        draw_scribble(code, scan, boxes[1].area);
        auto marks = read_signatures(code, PlacedCode {1, symbol, code.payload}, boxes);
        ASSERT_EQ(marks.size(), 3u);
        EXPECT_FALSE(marks[0].is_signed) << degrees << "°, ink " << marks[0].ink;
        EXPECT_TRUE(marks[1].is_signed) << degrees << "°, ink " << marks[1].ink;
        EXPECT_EQ(marks[1].label, "Verifikator 2");
        EXPECT_FALSE(marks[2].is_signed) << degrees << "°, ink " << marks[2].ink;
    }
}

TEST(PipelineScanBack, ADottedLineOrASpeckIsNotASignature)
{
    Scan scan {0.8, 0, 0};
    PageCode code = scanned_code(scan);
    const PageRect& box = boxes[0].area;
    draw(code, scan, box.x + 5, box.y + 20, box.x + box.width - 5, box.y + 20, 0.2); // a rule across the box
    draw(code, scan, box.x + 40, box.y + 25, box.x + 43, box.y + 27);               // a speck of toner
    auto marks = read_signatures(code, PlacedCode {1, symbol, code.payload}, boxes);
    EXPECT_FALSE(marks[0].is_signed) << "ink " << marks[0].ink;
}

TEST(PipelineScanBack, PlacesOnOtherPagesAreNotRead)
{
    Scan scan;
    PageCode code = scanned_code(scan);
    auto marks = read_signatures(code, PlacedCode {2, symbol, code.payload}, boxes);
    EXPECT_TRUE(marks.empty());
}

TEST(PipelineScanBack, CodesAndPicturesSurviveTheWorkerProtocol)
{
    PageText page {1, "", TextSource::ocr, 0};
    page.code = scanned_code(Scan {1.0, 0, 0});
    page.code->ink.darkness[17] = static_cast<char>(200);
    page.thumbnail_jpeg = std::string("\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11);
    reading::FileReading reading;
    reading.pages = {page};
    auto decoded = decode_response(encode_response(reading));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->pages.size(), 1u);
    const PageText& back = decoded->pages.front();
    ASSERT_TRUE(back.code);
    EXPECT_EQ(back.code->payload, page.code->payload);
    EXPECT_DOUBLE_EQ(back.code->corners[2].x, page.code->corners[2].x);
    EXPECT_EQ(back.code->ink.darkness, page.code->ink.darkness);
    EXPECT_EQ(back.thumbnail_jpeg, page.thumbnail_jpeg);
    EXPECT_TRUE(back.card_jpeg.empty());

    std::string line = encode_response(reading);
    line.replace(line.find("\"cell\":8"), 8, "\"cell\":0");
    auto garbled = decode_response(line);
    ASSERT_TRUE(garbled);
    EXPECT_FALSE(garbled->pages.front().code) << "a code whose grid does not fit is dropped";
}

} // namespace
} // namespace berkas::pipeline

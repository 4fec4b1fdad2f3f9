#include "reading/page_marks.hpp"

#include "reading/page_prep.hpp"

#define ZX_USE_UTF8 1 // Result::text() as UTF-8 std::string
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace berkas::reading {

namespace {

constexpr double kMillimetresPerInch = 25.4;
constexpr double kA4WidthInches = 210.0 / kMillimetresPerInch;
// Gray below this is ink: paper in scans is 200–250, ballpoint ink under 140
// (the same cut as blank-page detection in page_prep.cpp).
constexpr int kInkThreshold = 160;

// Card detection works on a ~50 dpi copy: enough to see a card, ~36× less work.
constexpr double kCardSearchDpi = 50.0;
constexpr double kQrSearchDpi = kOverviewDpi;
constexpr int kPaperThreshold = 232; // a card copies darker than the paper around it
constexpr double kIdCardAspect = 85.6 / 54.0;
constexpr double kAspectTolerance = 0.22; // photocopies are cropped and skewed a little
// From a card at actual size (41 % of A4's width) to one copied at 200 % (30 % of its area).
constexpr double kMinCardShareOfWidth = 0.3;
constexpr double kMaxCardShareOfArea = 0.35;
constexpr int kJpegQuality = 70;

double dots_per_inch(Pix* image)
{
    const int resolution = pixGetXRes(image);
    return resolution > 0 ? resolution : pixGetWidth(image) / kA4WidthInches;
}

std::string jpeg_of(Pix* image)
{
    if (image == nullptr)
        return {};
    l_uint8* data = nullptr;
    size_t size = 0;
    if (pixWriteMemJpeg(&data, &size, image, kJpegQuality, 0) != 0)
        return {};
    std::string bytes(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    return bytes;
}

std::string jpeg_scaled_to_width(Pix* image, int width)
{
    const float factor = std::min(1.0f, float(width) / float(pixGetWidth(image)));
    PixPtr small(pixScale(image, factor, factor));
    return jpeg_of(small.get());
}

// zxing reads rows of luminance bytes; Leptonica keeps bytes inside 32-bit
// words in host order, so each one is read with GET_DATA_BYTE.
std::vector<std::uint8_t> luminance_of(Pix* gray)
{
    const int width = pixGetWidth(gray), height = pixGetHeight(gray);
    std::vector<std::uint8_t> bytes(std::size_t(width) * std::size_t(height));
    const l_uint32* data = pixGetData(gray);
    const int words_per_line = pixGetWpl(gray);
    for (int y = 0; y < height; ++y) {
        const l_uint32* line = data + std::ptrdiff_t(y) * words_per_line;
        std::uint8_t* row = bytes.data() + std::size_t(y) * std::size_t(width);
        for (int x = 0; x < width; ++x)
            row[x] = std::uint8_t(GET_DATA_BYTE(line, x));
    }
    return bytes;
}

std::optional<PageCode> first_document_code(const ZXing::Results& results)
{
    for (const ZXing::Result& result : results) {
        if (!result.isValid() || !parse_document_code(result.text()))
            continue;
        PageCode code;
        code.payload = result.text();
        const ZXing::Position& corners = result.position();
        const ZXing::PointI ordered[] = {corners.topLeft(), corners.topRight(), corners.bottomRight(),
                                         corners.bottomLeft()};
        for (int i = 0; i < 4; ++i)
            code.corners[std::size_t(i)] = ImagePoint {double(ordered[i].x), double(ordered[i].y)};
        return code;
    }
    return std::nullopt;
}

struct Region {
    int x = 0, y = 0, w = 0, h = 0;
};

// The largest card-shaped region darker than the paper, in the coordinates of `small`.
std::optional<Region> largest_card_region(Pix* small)
{
    PixPtr darker(pixThresholdToBinary(small, kPaperThreshold));
    PixPtr closed(darker ? pixCloseBrick(nullptr, darker.get(), 5, 5) : nullptr);
    Boxa* regions = closed ? pixConnCompBB(closed.get(), 8) : nullptr;
    if (regions == nullptr)
        return std::nullopt;
    const int page_width = pixGetWidth(small);
    const double page_area = double(page_width) * pixGetHeight(small);
    std::optional<Region> best;
    for (int i = 0; i < boxaGetCount(regions); ++i) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(regions, i, &x, &y, &w, &h);
        if (w <= 0 || h <= 0)
            continue;
        const double aspect = double(std::max(w, h)) / std::min(w, h);
        const bool card_shaped = std::abs(aspect - kIdCardAspect) <= kAspectTolerance;
        const bool card_sized =
            std::max(w, h) >= kMinCardShareOfWidth * page_width && w * h <= kMaxCardShareOfArea * page_area;
        if (card_shaped && card_sized && (!best || w * h > best->w * best->h))
            best = Region {x, y, w, h};
    }
    boxaDestroy(&regions);
    return best;
}

} // namespace

std::optional<PageCode> find_document_code(Pix* gray, Pix* overview)
{
    if (gray == nullptr || pixGetDepth(gray) != 8)
        return std::nullopt;
    // Searched at 100 dpi at most: our 22 mm codes are found there (signed
    // copies scanned at 150, 200 and 300 dpi: 3.5–5.7 ms, against 7–9 ms at
    // 150 dpi), and a 300 dpi page has 9× the pixels to search.
    PixPtr small = overview != nullptr ? PixPtr(pixClone(overview)) : reduced_to(gray, kQrSearchDpi);
    if (!small || pixGetDepth(small.get()) != 8)
        return std::nullopt;
    const double factor = double(pixGetWidth(small.get())) / pixGetWidth(gray);
    std::vector<std::uint8_t> bytes = luminance_of(small.get());
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    // Measured on a 300 dpi page: 50 ms with tryHarder, and without it the
    // 22 mm codes on our documents were not found at all.
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    ZXing::ImageView view(bytes.data(), pixGetWidth(small.get()), pixGetHeight(small.get()), ZXing::ImageFormat::Lum);
    auto code = first_document_code(ZXing::ReadBarcodes(view, hints));
    if (!code)
        return std::nullopt;
    for (ImagePoint& corner : code->corners) // back to the page's own pixels, where the ink is measured
        corner = ImagePoint {corner.x / factor, corner.y / factor};
    code->ink = measure_ink(gray);
    return code;
}

InkGrid measure_ink(Pix* gray)
{
    InkGrid grid;
    PixPtr ink(pixThresholdToBinary(gray, kInkThreshold));
    if (!ink)
        return grid;
    const int width = pixGetWidth(gray), height = pixGetHeight(gray);
    grid.cell = std::max(2, int(std::lround(dots_per_inch(gray) / kMillimetresPerInch)));
    grid.columns = (width + grid.cell - 1) / grid.cell;
    grid.rows = (height + grid.cell - 1) / grid.cell;
    std::vector<int> dark(std::size_t(grid.columns) * std::size_t(grid.rows), 0);
    const l_uint32* data = pixGetData(ink.get());
    const int words_per_line = pixGetWpl(ink.get());
    for (int y = 0; y < height; ++y) {
        const l_uint32* line = data + std::ptrdiff_t(y) * words_per_line;
        int* row = dark.data() + std::size_t(y / grid.cell) * std::size_t(grid.columns);
        for (int x = 0; x < width; ++x)
            row[x / grid.cell] += GET_DATA_BIT(line, x);
    }
    grid.darkness.resize(dark.size());
    for (int r = 0; r < grid.rows; ++r) {
        const int cell_height = std::min(grid.cell, height - r * grid.cell);
        for (int c = 0; c < grid.columns; ++c) {
            const int cell_width = std::min(grid.cell, width - c * grid.cell);
            const std::size_t at = std::size_t(r) * std::size_t(grid.columns) + std::size_t(c);
            grid.darkness[at] = char(std::lround(255.0 * dark[at] / (cell_width * cell_height)));
        }
    }
    return grid;
}

std::string page_thumbnail(Pix* gray, int width) { return jpeg_scaled_to_width(gray, width); }

std::optional<CardOnPage> find_card(Pix* gray)
{
    const bool landscape = pixGetWidth(gray) > pixGetHeight(gray);
    const double factor = std::min(1.0, kCardSearchDpi / dots_per_inch(gray));
    PixPtr small(pixScale(gray, float(factor), float(factor)));
    auto region = small ? largest_card_region(small.get()) : std::nullopt;
    if (!region && landscape) // a photo of the card itself, or a KTP page lying on its side
        return CardOnPage {PageRegion {0, 0, pixGetWidth(gray), pixGetHeight(gray)}, true};
    if (!region)
        return std::nullopt;
    // Back to full resolution, with a little paper around the card.
    const int margin = int(std::lround(2 / factor));
    const int x = std::max(0, int(region->x / factor) - margin), y = std::max(0, int(region->y / factor) - margin);
    const int right = std::min(pixGetWidth(gray), int((region->x + region->w) / factor) + margin);
    const int bottom = std::min(pixGetHeight(gray), int((region->y + region->h) / factor) + margin);
    return CardOnPage {PageRegion {x, y, right - x, bottom - y}, false};
}

bool is_card_alone(Pix* page, const std::optional<CardOnPage>& card, double max_outside_ink)
{
    return card && !card->whole_image && ink_fraction(page, card->region) < max_outside_ink;
}

std::string card_thumbnail(Pix* gray, const std::optional<CardOnPage>& card, int width)
{
    if (!card)
        return {};
    PixPtr image = crop(gray, card->region);
    return image ? jpeg_scaled_to_width(image.get(), width) : std::string();
}

std::optional<CardOnPage> add_page_marks(Pix* gray, const PageViews& views, PageText& page)
{
    page.code = find_document_code(gray, views.overview.get());
    if (page.code)
        return std::nullopt; // our own document: no preview needed
    page.thumbnail_jpeg = page_thumbnail(views.overview.get());
    auto card = find_card(views.overview.get());
    if (card) // the preview is wider than the card in the overview
        page.card_jpeg = card_thumbnail(
            views.ocr.get(),
            CardOnPage {region_between(card->region, views.overview.get(), views.ocr.get()), card->whole_image});
    return card;
}

} // namespace berkas::reading

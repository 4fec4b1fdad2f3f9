#include "reading/page_prep.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace berkas::reading {

namespace {

constexpr int kAssumedDpi = 300; // when an image carries no resolution

// Blank detection works at about 100 dpi: area averaging removes dust and
// scanner speckle, and it is ~10× less work than the full page.
constexpr double kInkCheckDpi = 100.0;
constexpr double kInkMargin = 0.05; // of each side
constexpr int kInkThreshold = 160;  // gray below this counts as ink; paper in scans is 200–250

// Below 0.3° Tesseract's own line finding copes, and an area-map rotation of a
// 300 dpi page costs ~100 ms. Leptonica's pixDeskew also ignores confidence < 3.
constexpr float kMinDeskewDegrees = 0.3f;
constexpr float kMinSkewConfidence = 3.0f;
constexpr int kBinarizeThreshold = 128;

// Scaling by less than this changes nothing Tesseract notices, and costs time.
constexpr double kScaleTolerance = 0.05;

// OSD confidence falls with resolution: on the same letter turned 90/180/270°
// it was 19–24 at 300 dpi but 14–16 at 150 dpi, straddling the threshold of
// 14 (calibrated by OCRmyPDF on full-resolution pages). So the preview only
// caps very high resolutions; at 300 dpi OSD costs ~0.3 s, 150 dpi ~0.2 s.
constexpr double kOrientationPreviewDpi = 300.0;

int resolution_or_default(Pix* image)
{
    const int dpi = pixGetXRes(image);
    return dpi > 0 ? dpi : kAssumedDpi;
}

PixPtr clone(Pix* image) { return PixPtr(pixClone(image)); }

PixPtr with_resolution_of(PixPtr result, Pix* source)
{
    if (result)
        pixCopyResolution(result.get(), source);
    return result;
}

// Enlarging blurs strokes, and pixScale sharpens them back (a KTP card's
// small print read worse without it: "…0118" came out as "…0113"); a
// reduction needs no sharpening, which is a third of its time.
PixPtr scaled(Pix* image, double factor)
{
    if (factor >= 1.0 - 1e-6 && factor <= 1.0 + 1e-6)
        return clone(image);
    if (factor > 1.0)
        return PixPtr(pixScale(image, float(factor), float(factor)));
    return PixPtr(pixScaleGeneral(image, float(factor), float(factor), 0.0f, 0));
}

} // namespace

PixPtr to_gray8(Pix* image)
{
    PixPtr opaque(pixRemoveAlpha(image)); // blends RGBA over white; a clone otherwise
    if (!opaque)
        return nullptr;
    if (pixGetDepth(opaque.get()) == 8 && pixGetColormap(opaque.get()) == nullptr)
        return with_resolution_of(std::move(opaque), image);
    return with_resolution_of(PixPtr(pixConvertTo8(opaque.get(), 0)), image);
}

PixPtr rotate_clockwise(Pix* image, int degrees)
{
    const int quarter_turns = ((degrees / 90) % 4 + 4) % 4;
    if (quarter_turns == 0)
        return clone(image);
    PixPtr rotated(pixRotateOrth(image, quarter_turns));
    if (rotated && quarter_turns % 2 == 1)
        pixSetResolution(rotated.get(), pixGetYRes(image), pixGetXRes(image));
    return rotated;
}

PixPtr apply_exif_orientation(Pix* image, int orientation)
{
    switch (orientation) {
    case 2:
        return PixPtr(pixFlipLR(nullptr, image));
    case 3:
        return PixPtr(pixRotate180(nullptr, image));
    case 4:
        return PixPtr(pixFlipTB(nullptr, image));
    case 5: // transpose = mirror, then a quarter turn counter-clockwise
    case 7: { // transverse = mirror, then a quarter turn clockwise
        PixPtr mirrored(pixFlipLR(nullptr, image));
        return mirrored ? rotate_clockwise(mirrored.get(), orientation == 5 ? 270 : 90) : nullptr;
    }
    case 6:
        return rotate_clockwise(image, 90);
    case 8:
        return rotate_clockwise(image, 270);
    default:
        return clone(image);
    }
}

double ink_fraction(Pix* gray, const std::optional<PageRegion>& except)
{
    const double factor = std::min(1.0, kInkCheckDpi / resolution_or_default(gray));
    PixPtr small = scaled(gray, factor);
    if (!small)
        return 1.0; // cannot tell: treat as content, never drop a page silently
    const int width = pixGetWidth(small.get()), height = pixGetHeight(small.get());
    const int margin_x = int(width * kInkMargin), margin_y = int(height * kInkMargin);
    const int inner_width = width - 2 * margin_x, inner_height = height - 2 * margin_y;
    if (inner_width <= 0 || inner_height <= 0)
        return 1.0;
    PixPtr ink(pixThresholdToBinary(small.get(), kInkThreshold));
    if (!ink)
        return 1.0;
    double area = double(inner_width) * inner_height;
    // Everything outside the inner part, and the excepted region, is cleared.
    pixRasterop(ink.get(), 0, 0, width, margin_y, PIX_CLR, nullptr, 0, 0);
    pixRasterop(ink.get(), 0, height - margin_y, width, margin_y, PIX_CLR, nullptr, 0, 0);
    pixRasterop(ink.get(), 0, 0, margin_x, height, PIX_CLR, nullptr, 0, 0);
    pixRasterop(ink.get(), width - margin_x, 0, margin_x, height, PIX_CLR, nullptr, 0, 0);
    if (except) {
        const int x = int(except->x * factor), y = int(except->y * factor);
        const int w = int(std::ceil(except->width * factor)), h = int(std::ceil(except->height * factor));
        pixRasterop(ink.get(), x, y, w, h, PIX_CLR, nullptr, 0, 0);
        const int kept_w = std::max(0, std::min(x + w, margin_x + inner_width) - std::max(x, margin_x));
        const int kept_h = std::max(0, std::min(y + h, margin_y + inner_height) - std::max(y, margin_y));
        area -= double(kept_w) * kept_h;
    }
    l_int32 dark = 0;
    if (area <= 0 || pixCountPixels(ink.get(), &dark, nullptr) != 0)
        return area <= 0 ? 0.0 : 1.0;
    return double(dark) / area;
}

PixPtr crop(Pix* gray, const PageRegion& region)
{
    Box* box = boxCreate(region.x, region.y, region.width, region.height);
    PixPtr part(box ? pixClipRectangle(gray, box, nullptr) : nullptr);
    boxDestroy(&box);
    return with_resolution_of(std::move(part), gray);
}

float skew_degrees(Pix* gray)
{
    PixPtr binary(pixThresholdToBinary(gray, kBinarizeThreshold));
    l_float32 angle = 0, confidence = 0;
    if (!binary || pixFindSkew(binary.get(), &angle, &confidence) != 0)
        return 0;
    if (std::fabs(angle) < kMinDeskewDegrees || confidence < kMinSkewConfidence)
        return 0;
    return angle;
}

PixPtr rotated_by(Pix* gray, float degrees)
{
    if (degrees == 0)
        return clone(gray);
    const float radians = degrees * float(std::numbers::pi / 180.0);
    // Width and height 0 keep the image size; the corners lost are margin.
    return with_resolution_of(PixPtr(pixRotate(gray, radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)), gray);
}

PixPtr deskew(Pix* gray) { return rotated_by(gray, skew_degrees(gray)); }

PixPtr at_resolution(Pix* gray, int target_dpi, long long max_pixels)
{
    const int dpi = resolution_or_default(gray);
    const double factor = double(target_dpi) / dpi;
    const double pixels = double(pixGetWidth(gray)) * pixGetHeight(gray);
    if (std::fabs(factor - 1.0) <= kScaleTolerance || pixels * factor * factor > double(max_pixels))
        return clone(gray);
    PixPtr result = scaled(gray, factor);
    if (result)
        pixSetResolution(result.get(), target_dpi, target_dpi);
    return result;
}

PixPtr reduced_to(Pix* gray, double max_dpi)
{
    const int dpi = resolution_or_default(gray);
    if (dpi <= max_dpi)
        return clone(gray);
    PixPtr result = scaled(gray, max_dpi / dpi);
    if (result)
        pixSetResolution(result.get(), int(std::lround(max_dpi)), int(std::lround(max_dpi)));
    return result;
}

PageViews page_views(Pix* gray, int ocr_dpi, long long max_pixels)
{
    PageViews views;
    views.ocr = at_resolution(gray, ocr_dpi, max_pixels);
    if (views.ocr)
        views.overview = reduced_to(views.ocr.get(), kOverviewDpi);
    if (!views.overview)
        views.ocr.reset();
    return views;
}

PageRegion region_between(const PageRegion& region, Pix* from, Pix* to)
{
    const double fx = double(pixGetWidth(to)) / pixGetWidth(from);
    const double fy = double(pixGetHeight(to)) / pixGetHeight(from);
    const int x = int(std::floor(region.x * fx)), y = int(std::floor(region.y * fy));
    const int right = std::min(pixGetWidth(to), int(std::ceil((region.x + region.width) * fx)));
    const int bottom = std::min(pixGetHeight(to), int(std::ceil((region.y + region.height) * fy)));
    return PageRegion {x, y, right - x, bottom - y};
}

PixPtr orientation_preview(Pix* gray)
{
    const int dpi = resolution_or_default(gray);
    const double factor = std::min(1.0, kOrientationPreviewDpi / dpi);
    PixPtr preview = scaled(gray, factor);
    if (preview)
        pixSetResolution(preview.get(), int(std::lround(dpi * factor)), int(std::lround(dpi * factor)));
    return preview;
}

} // namespace berkas::reading

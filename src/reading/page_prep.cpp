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

constexpr double kMaxUpscale = 3.0;
constexpr double kMinUsefulUpscale = 1.05;

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

PixPtr scaled(Pix* image, double factor)
{
    if (factor >= 1.0 - 1e-6 && factor <= 1.0 + 1e-6)
        return clone(image);
    return PixPtr(pixScale(image, float(factor), float(factor)));
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

double ink_fraction(Pix* gray)
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
    Box* inner = boxCreate(margin_x, margin_y, inner_width, inner_height);
    PixPtr clipped(pixClipRectangle(small.get(), inner, nullptr));
    boxDestroy(&inner);
    PixPtr ink(clipped ? pixThresholdToBinary(clipped.get(), kInkThreshold) : nullptr);
    l_int32 dark = 0;
    if (!ink || pixCountPixels(ink.get(), &dark, nullptr) != 0)
        return 1.0;
    return double(dark) / (double(inner_width) * inner_height);
}

PixPtr deskew(Pix* gray)
{
    PixPtr binary(pixThresholdToBinary(gray, kBinarizeThreshold));
    l_float32 angle = 0, confidence = 0;
    if (!binary || pixFindSkew(binary.get(), &angle, &confidence) != 0)
        return clone(gray);
    if (std::fabs(angle) < kMinDeskewDegrees || confidence < kMinSkewConfidence)
        return clone(gray);
    const float radians = angle * float(std::numbers::pi / 180.0);
    // Width and height 0 keep the page size; the corners lost are margin.
    return with_resolution_of(PixPtr(pixRotate(gray, radians, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)), gray);
}

PixPtr upscale_for_ocr(Pix* gray, int below_dpi, int target_dpi, long long max_pixels)
{
    const int dpi = pixGetXRes(gray);
    if (dpi <= 0 || dpi >= below_dpi)
        return clone(gray);
    const double pixels = double(pixGetWidth(gray)) * pixGetHeight(gray);
    double factor = std::min(double(target_dpi) / dpi, kMaxUpscale);
    factor = std::min(factor, std::sqrt(double(max_pixels) / pixels));
    if (factor < kMinUsefulUpscale)
        return clone(gray);
    PixPtr larger = scaled(gray, factor);
    if (larger)
        pixSetResolution(larger.get(), int(std::lround(dpi * factor)), int(std::lround(pixGetYRes(gray) * factor)));
    return larger;
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

#pragma once
// Image preparation between decoding and OCR: colour to gray, EXIF and
// orientation turns, blank detection, deskew, scaling. All functions leave
// their input untouched and return a new image (or a clone when nothing changes);
// they return nullptr only when Leptonica fails, which means out of memory.
#include "reading/pix_ptr.hpp"

#include <optional>

namespace berkas::reading {

// A rectangle of a page image, in its pixels.
struct PageRegion {
    int x = 0, y = 0, width = 0, height = 0;
};

// Any depth, colormap or alpha channel → 8-bit gray on white; keeps the resolution.
PixPtr to_gray8(Pix* image);

// Applies an EXIF Orientation value (1–8) so the image shows as the camera meant.
PixPtr apply_exif_orientation(Pix* image, int orientation);

// Turns the image clockwise by 0, 90, 180 or 270 degrees.
PixPtr rotate_clockwise(Pix* image, int degrees);

// Share of dark pixels on the page, ignoring a margin where scanner lids and
// punch holes leave shadows, and `except` when given (the share is then of
// the area around it). `gray` must be 8 bpp.
double ink_fraction(Pix* gray, const std::optional<PageRegion>& except = std::nullopt);

// The region cut out of the page (clipped to it); resolution kept.
PixPtr crop(Pix* gray, const PageRegion& region);

// The image scaled to `target_dpi` (from its resolution), unless it is within
// 5 % of it already; updates the resolution. Refuses to grow beyond
// max_pixels: then the image stays as it is.
PixPtr at_resolution(Pix* gray, int target_dpi, long long max_pixels);

// A copy for looking at the page rather than reading it: at most `max_dpi`,
// averaged or interpolated without the sharpening pixScale adds (detection
// and previews do not need it, and it is a third of the scaling time).
PixPtr reduced_to(Pix* gray, double max_dpi);

// The copies of a page that reading works on, each scaled once: `ocr` at
// ocr_dpi for recognition (not yet straightened) and `overview`, at most
// kOverviewDpi and made from `ocr`, for the blank check, QR search, previews
// and card search. Scaling a page is the costliest step before recognition
// (a 300 dpi page to 200 dpi: 33–45 ms); it used to be done five times per
// page, from the page as decoded. Halving the 200 dpi view takes 1 ms.
constexpr double kOverviewDpi = 100.0;
struct PageViews {
    PixPtr ocr;
    PixPtr overview;
};
// Both members are null when Leptonica runs out of memory.
PageViews page_views(Pix* gray, int ocr_dpi, long long max_pixels);

// `region` of `from`'s pixels in the pixels of `to`, the same page at another size.
PageRegion region_between(const PageRegion& region, Pix* from, Pix* to);

// The angle a page was scanned at (up to ±7°), or 0 when it is small or
// uncertain: rotating costs time and blurs strokes.
float skew_degrees(Pix* gray);

// Turned by `degrees` about its centre, bringing in white; a clone for 0.
PixPtr rotated_by(Pix* gray, float degrees);

// Straightens a page scanned at a slight angle: rotated_by(skew_degrees).
PixPtr deskew(Pix* gray);

// A copy for Tesseract's orientation detection, scaled down to 300 dpi when
// the page has more (OSD gets unsure below that).
PixPtr orientation_preview(Pix* gray);

} // namespace berkas::reading

#pragma once
// Image preparation between decoding and OCR: colour to gray, EXIF and
// orientation turns, blank detection, deskew, upscaling. All functions leave
// their input untouched and return a new image (or a clone when nothing changes);
// they return nullptr only when Leptonica fails, which means out of memory.
#include "reading/pix_ptr.hpp"

namespace berkas::reading {

// Any depth, colormap or alpha channel → 8-bit gray on white; keeps the resolution.
PixPtr to_gray8(Pix* image);

// Applies an EXIF Orientation value (1–8) so the image shows as the camera meant.
PixPtr apply_exif_orientation(Pix* image, int orientation);

// Turns the image clockwise by 0, 90, 180 or 270 degrees.
PixPtr rotate_clockwise(Pix* image, int degrees);

// Share of dark pixels on the page, ignoring a margin where scanner lids and
// punch holes leave shadows. `gray` must be 8 bpp.
double ink_fraction(Pix* gray);

// Straightens a page scanned at a slight angle (up to ±7°). Small or uncertain
// angles are left alone: rotating costs time and blurs strokes.
PixPtr deskew(Pix* gray);

// Scales up a low-resolution page so that text reaches about target_dpi,
// at most 3×, and never beyond max_pixels. Updates the resolution.
PixPtr upscale_for_ocr(Pix* gray, int below_dpi, int target_dpi, long long max_pixels);

// A copy for Tesseract's orientation detection, scaled down to 300 dpi when
// the page has more (OSD gets unsure below that).
PixPtr orientation_preview(Pix* gray);

} // namespace berkas::reading

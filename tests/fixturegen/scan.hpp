#pragma once
// The office scanner: rasterise a vector page with poppler, degrade it with
// Leptonica (skew, blur, paper tint, uneven lighting, toner specks, sensor
// noise) and encode it as the JPEG an MFP would put into its PDF.
#include "calendar.hpp"
#include "random.hpp"
#include "result.hpp"

#include <leptonica/allheaders.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::fixture {

struct PixDeleter {
    void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct ScanSettings {
    int dpi = 200;
    double skew_degrees = 0; // within ±1.5
    bool blur = false;
    double noise_sigma = 8; // 6–10 grey levels
    double paper_tint = 0.95; // white paper scans as ~242, not 255
    double lighting_falloff = 0.03; // darker towards one edge, like a lid not fully closed
    int specks = 40; // toner dust
    std::uint32_t noise_seed = 1; // for srand(): Leptonica's noise uses rand()
};

ScanSettings random_scan_settings(SeededRandom& random, int dpi);

// Renders page 1 of `pdf` at settings.dpi and degrades it: an 8-bit grey scan.
Result<PixPtr> scan_page(std::string_view pdf, const ScanSettings& settings);

// The two halves of scan_page: a clean 8-bit grey rendering of page `index`
// (0-based), and what the scanner does to it.
Result<PixPtr> render_page(std::string_view pdf, int dpi, int index = 0);
Result<PixPtr> degrade_page(PixPtr clean, const ScanSettings& settings);

enum class ImageFormat { jpeg, png };

constexpr int default_jpeg_quality = 75; // what office MFPs use by default

// Encodes with the resolution recorded in the file (JFIF density / pHYs).
Result<std::string> encode_image(PIX* pix, ImageFormat format, int dpi, int jpeg_quality = default_jpeg_quality);

// A phone photo of a paper copy is colour and warmer than a scanner's grey.
Result<PixPtr> as_phone_photo(PIX* grey);

// How the scanner was set: grey (the default), colour (paper scans slightly
// yellow), or black and white (1 bit per pixel, as fax-era MFPs and TIFF batches).
enum class ColourMode { grey, colour, bilevel };

Result<PixPtr> as_colour_mode(PIX* grey, ColourMode mode);

// A page fed in sideways or upside down: 90, 180 or 270 degrees clockwise.
Result<PixPtr> turned(PIX* pix, int degrees);

// A blank sheet (the back of a simplex page) through the same scanner.
Result<PixPtr> scan_blank_page(const ScanSettings& settings);

struct ScannedPage {
    std::string jpeg; // DCT data; empty for a bilevel page
    int dpi = 200;
    std::string bilevel; // 1 bit per pixel, rows padded to a byte, 0 = black (PDF DeviceGray)
    int width = 0;
    int height = 0;
};

// JPEG for grey and colour scans, raw bits for a bilevel one.
Result<ScannedPage> encode_page(PIX* pix, int dpi, int jpeg_quality);

// An image-only PDF: one page per scan, each page the size of its image at its dpi.
Result<std::string> wrap_scans_as_pdf(const std::vector<ScannedPage>& pages, std::string_view title,
                                      const Date& date);

// A multi-page TIFF (deflate for grey and colour, CCITT G4 for bilevel pages),
// written to `path` directly: libtiff appends page by page.
Result<void> write_multipage_tiff(const std::string& path, const std::vector<PIX*>& pages, int dpi);

} // namespace berkas::fixture

// Decoding a direct scan (direct_scan.hpp) with Leptonica and libjpeg, to the
// size and resolution poppler would have rendered the page at.
#include "reading/direct_scan.hpp"
#include "reading/page_prep.hpp"

#include <algorithm>
#include <cmath>

namespace berkas::reading {

namespace {

constexpr double kPointsPerInch = 72.0;
// Within a dot per inch of render_dpi the scan's own pixels are kept (a 1654 px
// wide A4 scan is 200.1 dpi): resampling by a fraction of a percent only blurs.
constexpr double kNativeDpiTolerance = 1.0;
// Leptonica's area mapping is for shrinking by more than ~1.4×; closer to 1 it
// hands over to interpolation itself, with a warning.
constexpr double kMaxAreaMapScale = 0.7;

struct Resolution {
    double x = 0, y = 0;
};

Resolution native_resolution(const DirectScan& scan)
{
    return {scan.width * kPointsPerInch / scan.page_width, scan.height * kPointsPerInch / scan.page_height};
}

// libjpeg scales by 1/2, 1/4 or 1/8 while decoding, which costs far less than
// decoding all pixels and shrinking after: a 600 dpi scan decodes straight to 300.
int jpeg_reduction(Resolution native, int render_dpi)
{
    int reduction = 1;
    while (reduction < 8 && std::min(native.x, native.y) / (2 * reduction) > render_dpi - kNativeDpiTolerance)
        reduction *= 2;
    return reduction;
}

int reduced(int pixels, int reduction) { return (pixels + reduction - 1) / reduction; }

const l_uint8* data_of(const DirectScan& scan) { return reinterpret_cast<const l_uint8*>(scan.jpeg->data()); }

// The JPEG must be what the PDF declares (poppler trusts /Width and /Height and
// the colour space), and the decoded image must fit the limits a rendered page has.
bool header_fits(const DirectScan& scan, int reduction, const ReadLimits& limits)
{
    l_int32 width = 0, height = 0, components = 0, ycck = 0, cmyk = 0;
    if (readHeaderMemJpeg(data_of(scan), scan.jpeg->size(), &width, &height, &components, &ycck, &cmyk) != 0)
        return false;
    const long long decoded_width = reduced(width, reduction), decoded_height = reduced(height, reduction);
    return width == scan.width && height == scan.height && components == scan.components && !ycck && !cmyk &&
           decoded_width <= limits.max_page_side && decoded_height <= limits.max_page_side &&
           decoded_width * decoded_height <= limits.max_page_pixels;
}

// Luminance only: libjpeg skips the chroma of a colour scan, and its
// Y = 0.299 R + 0.587 G + 0.114 B is the gray poppler would draw. Damaged data
// fails here instead of giving a partial page, so poppler renders what it can.
PixPtr decode_luminance(const DirectScan& scan, int reduction)
{
    PixPtr decoded(pixReadMemJpeg(data_of(scan), scan.jpeg->size(), 0, reduction, nullptr, L_JPEG_READ_LUMINANCE));
    if (!decoded || pixGetWidth(decoded.get()) != reduced(scan.width, reduction) ||
        pixGetHeight(decoded.get()) != reduced(scan.height, reduction))
        return nullptr;
    return to_gray8(decoded.get()); // already 8-bit gray; this guards the contract
}

// Area mapping to shrink (each pixel the mean of what it covers, like poppler's
// box filter), linear interpolation for the small differences left (as
// poppler does below 4×); larger enlargements never come here.
PixPtr at_render_dpi(PixPtr gray, Resolution resolution, int render_dpi)
{
    if (std::abs(resolution.x - render_dpi) >= kNativeDpiTolerance ||
        std::abs(resolution.y - render_dpi) >= kNativeDpiTolerance) {
        const auto scale_x = float(render_dpi / resolution.x), scale_y = float(render_dpi / resolution.y);
        gray.reset(std::max(scale_x, scale_y) < kMaxAreaMapScale ? pixScaleAreaMap(gray.get(), scale_x, scale_y)
                                                                   : pixScaleLI(gray.get(), scale_x, scale_y));
    }
    if (gray)
        pixSetResolution(gray.get(), render_dpi, render_dpi);
    return gray;
}

} // namespace

PixPtr decode_direct_scan(const DirectScan& scan, int render_dpi, const ReadLimits& limits)
{
    if (!scan.jpeg || scan.page_width <= 0 || scan.page_height <= 0 || render_dpi <= 0)
        return nullptr;
    const Resolution native = native_resolution(scan);
    // A scan below the render resolution is left to poppler: enlarged with
    // pixScaleLI, a 150 dpi JPEG-30 form read "NIP. 1 1983…" where poppler's
    // enlargement read the NIP (bench_accuracy, kasus-9336).
    if (native.x < render_dpi - kNativeDpiTolerance || native.y < render_dpi - kNativeDpiTolerance)
        return nullptr;
    const int reduction = jpeg_reduction(native, render_dpi);
    if (!header_fits(scan, reduction, limits))
        return nullptr;
    PixPtr gray = decode_luminance(scan, reduction);
    if (!gray)
        return nullptr;
    return at_render_dpi(std::move(gray), {native.x / reduction, native.y / reduction}, render_dpi);
}

} // namespace berkas::reading

// Decoding a direct scan (direct_scan.hpp) with Leptonica and libjpeg or
// libtiff, to the size and resolution poppler would have rendered the page at.
#include "reading/direct_scan.hpp"
#include "reading/page_prep.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

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

const l_uint8* data_of(const DirectScan& scan) { return reinterpret_cast<const l_uint8*>(scan.data->data()); }

// The limits a rendered page has, checked before the decoded image is allocated.
bool fits_page_limits(long long width, long long height, const ReadLimits& limits)
{
    return width <= limits.max_page_side && height <= limits.max_page_side &&
           width * height <= limits.max_page_pixels;
}

// The JPEG must be what the PDF declares (poppler trusts /Width and /Height and
// the colour space), and the decoded image must fit the limits.
bool header_fits(const DirectScan& scan, int reduction, const ReadLimits& limits)
{
    l_int32 width = 0, height = 0, components = 0, ycck = 0, cmyk = 0;
    if (readHeaderMemJpeg(data_of(scan), scan.data->size(), &width, &height, &components, &ycck, &cmyk) != 0)
        return false;
    return width == scan.width && height == scan.height && components == scan.components && !ycck && !cmyk &&
           fits_page_limits(reduced(width, reduction), reduced(height, reduction), limits);
}

// Luminance only: libjpeg skips the chroma of a colour scan, and its
// Y = 0.299 R + 0.587 G + 0.114 B is the gray poppler would draw. Damaged data
// fails here instead of giving a partial page, so poppler renders what it can.
PixPtr decode_luminance(const DirectScan& scan, int reduction)
{
    PixPtr decoded(pixReadMemJpeg(data_of(scan), scan.data->size(), 0, reduction, nullptr, L_JPEG_READ_LUMINANCE));
    if (!decoded || pixGetWidth(decoded.get()) != reduced(scan.width, reduction) ||
        pixGetHeight(decoded.get()) != reduced(scan.height, reduction))
        return nullptr;
    return to_gray8(decoded.get()); // already 8-bit gray; this guards the contract
}

// TIFF 6.0 tags and field types for one strip of CCITT data.
enum TiffTag : std::uint16_t {
    kImageWidth = 256, kImageLength = 257, kBitsPerSample = 258, kCompression = 259, kPhotometric = 262,
    kFillOrder = 266, kStripOffsets = 273, kSamplesPerPixel = 277, kRowsPerStrip = 278, kStripByteCounts = 279,
    kT4Options = 292, kT6Options = 293
};
enum TiffType : std::uint16_t { kShort = 3, kLong = 4 };
constexpr std::uint16_t kCompressionGroup3 = 3, kCompressionGroup4 = 4;
constexpr std::uint16_t kWhiteIsZero = 0, kBlackIsZero = 1;
constexpr std::size_t kTiffHeaderBytes = 8, kTiffEntryBytes = 12, kTiffEntryCount = 11;

struct TiffEntry {
    TiffTag tag;
    TiffType type;
    std::uint32_t value;
};

void append_little_endian(std::string& bytes, std::uint32_t value, int byte_count)
{
    for (int i = 0; i < byte_count; ++i)
        bytes.push_back(char((value >> (8 * i)) & 0xFF));
}

// Every value fits in its entry: a SHORT fills the first two of four bytes.
void append_entry(std::string& bytes, const TiffEntry& entry)
{
    append_little_endian(bytes, entry.tag, 2);
    append_little_endian(bytes, entry.type, 2);
    append_little_endian(bytes, 1, 4); // one value
    append_little_endian(bytes, entry.value, entry.type == kShort ? 2 : 4);
    if (entry.type == kShort)
        append_little_endian(bytes, 0, 2);
}

// The libtiff decoder marks black runs with 1 bits. The PDF filter gives black
// runs 0 bits unless /BlackIs1, and DeviceGray draws 0 bits black: runs the
// CCITT data calls black are drawn black by default, white with /BlackIs1.
// The photometric interpretation tells Leptonica which way to read the bits.
std::uint16_t photometric_of(const CcittParameters& ccitt) { return ccitt.black_is_1 ? kBlackIsZero : kWhiteIsZero; }

std::array<TiffEntry, kTiffEntryCount> tiff_entries(const DirectScan& scan, std::uint32_t data_offset)
{
    const bool group4 = scan.ccitt.scheme == CcittScheme::group4;
    const std::uint32_t width = std::uint32_t(scan.width), height = std::uint32_t(scan.height);
    return {{{kImageWidth, kLong, width},
            {kImageLength, kLong, height},
            {kBitsPerSample, kShort, 1},
            {kCompression, kShort, group4 ? kCompressionGroup4 : kCompressionGroup3},
            {kPhotometric, kShort, photometric_of(scan.ccitt)},
            {kFillOrder, kShort, 1}, // most significant bit first, as in PDF
            {kStripOffsets, kLong, data_offset},
            {kSamplesPerPixel, kShort, 1},
            {kRowsPerStrip, kLong, height},
            {kStripByteCounts, kLong, std::uint32_t(scan.data->size())},
            {group4 ? kT6Options : kT4Options, kLong, 0}}}; // Group 3: 1-D, no fill bits
}

// A little-endian TIFF whose one strip is the scan's CCITT data, as it is.
std::optional<std::string> tiff_around(const DirectScan& scan)
{
    constexpr std::size_t kDirectoryBytes = 2 + kTiffEntryCount * kTiffEntryBytes + 4;
    constexpr std::size_t kDataOffset = kTiffHeaderBytes + kDirectoryBytes;
    if (scan.data->size() > std::numeric_limits<std::uint32_t>::max() - kDataOffset)
        return std::nullopt;
    std::string tiff("II*\0", 4); // little-endian, TIFF
    append_little_endian(tiff, kTiffHeaderBytes, 4); // the directory follows the header
    append_little_endian(tiff, kTiffEntryCount, 2);
    for (const TiffEntry& entry : tiff_entries(scan, kDataOffset))
        append_entry(tiff, entry);
    append_little_endian(tiff, 0, 4); // no further directory
    tiff += *scan.data;
    return tiff;
}

// An end-of-line code (eleven 0 bits, then a 1) and nothing but 0 bits after
// it: how an end-of-block code (EOFB, RTC: two or six of them) ends; libharu
// writes just one. libtiff decodes data cut short without a word, repeating
// the last row it read down the page, so data that should end with such a
// code and does not is left to poppler.
bool ends_with_end_of_line(const std::string& data)
{
    constexpr std::uint32_t kEndOfLine = 0x001, kEndOfLineBits = 0xFFF; // 000000000001
    const std::size_t last = data.find_last_not_of('\0');
    if (last == std::string::npos || last < 2)
        return false;
    std::uint32_t tail = 0; // the three bytes up to the last that is not 0
    for (std::size_t i = last - 2; i <= last; ++i)
        tail = tail << 8 | static_cast<unsigned char>(data[i]);
    tail >>= std::countr_zero(tail);
    return (tail & kEndOfLineBits) == kEndOfLine;
}

// 1 bits are black in the result. Damage within the data is not noticed:
// libtiff decodes what it can, and the damaged rows are lost to OCR as they
// are in poppler's render.
PixPtr decode_ccitt_bits(const DirectScan& scan)
{
    if (scan.ccitt.end_of_block && !ends_with_end_of_line(*scan.data))
        return nullptr;
    const std::optional<std::string> tiff = tiff_around(scan);
    if (!tiff)
        return nullptr;
    PixPtr bits(pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff->data()), tiff->size(), 0));
    if (!bits || pixGetDepth(bits.get()) != 1 || pixGetWidth(bits.get()) != scan.width ||
        pixGetHeight(bits.get()) != scan.height)
        return nullptr;
    return bits;
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

PixPtr decode_jpeg(const DirectScan& scan, Resolution native, int render_dpi, const ReadLimits& limits)
{
    const int reduction = jpeg_reduction(native, render_dpi);
    if (!header_fits(scan, reduction, limits))
        return nullptr;
    PixPtr gray = decode_luminance(scan, reduction);
    if (!gray)
        return nullptr;
    return at_render_dpi(std::move(gray), {native.x / reduction, native.y / reduction}, render_dpi);
}

// Black ink 0 and white paper 255, as poppler draws a 1-bit image, then
// resampled like a JPEG scan.
PixPtr decode_ccitt(const DirectScan& scan, Resolution native, int render_dpi, const ReadLimits& limits)
{
    if (!fits_page_limits(scan.width, scan.height, limits))
        return nullptr;
    PixPtr bits = decode_ccitt_bits(scan);
    PixPtr gray = bits ? to_gray8(bits.get()) : nullptr;
    if (!gray)
        return nullptr;
    return at_render_dpi(std::move(gray), native, render_dpi);
}

} // namespace

PixPtr decode_direct_scan(const DirectScan& scan, int render_dpi, const ReadLimits& limits)
{
    if (!scan.data || scan.page_width <= 0 || scan.page_height <= 0 || render_dpi <= 0)
        return nullptr;
    const Resolution native = native_resolution(scan);
    // A scan below the render resolution is left to poppler: enlarged with
    // pixScaleLI, a 150 dpi JPEG-30 form read "NIP. 1 1983…" where poppler's
    // enlargement read the NIP (bench_accuracy, kasus-9336).
    if (native.x < render_dpi - kNativeDpiTolerance || native.y < render_dpi - kNativeDpiTolerance)
        return nullptr;
    return scan.encoding == ScanEncoding::jpeg ? decode_jpeg(scan, native, render_dpi, limits)
                                               : decode_ccitt(scan, native, render_dpi, limits);
}

} // namespace berkas::reading

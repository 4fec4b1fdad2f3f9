#include "scan.hpp"

#include "typeset.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <cstdlib>
#include <numbers>

namespace berkas::fixture {

namespace {

// Our own PDFs are well-formed; poppler's only remark about them is libharu's
// ToUnicode CMap (PDF-OCR.md §5.2), which does not affect rendering.
void ignore_poppler_message(const std::string&, void*) {}

Result<PixPtr> gray8_to_pix(const poppler::image& image)
{
    if (!image.is_valid() || image.width() < 16 || image.height() < 16)
        return failure("poppler rendered no usable image"); // 1×1 "success" on absurd pages
    PixPtr pix(pixCreate(image.width(), image.height(), 8));
    if (!pix)
        return failure("leptonica: cannot allocate the page image");
    l_uint32* data = pixGetData(pix.get());
    int words_per_line = pixGetWpl(pix.get());
    for (int y = 0; y < image.height(); ++y) {
        auto* source = reinterpret_cast<const unsigned char*>(image.const_data() + y * image.bytes_per_row());
        l_uint32* line = data + y * words_per_line;
        for (int x = 0; x < image.width(); ++x)
            SET_DATA_BYTE(line, x, source[x]);
    }
    return pix;
}

} // namespace

Result<PixPtr> render_page(std::string_view pdf, int dpi, int index)
{
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    if (!document || document->is_locked() || document->pages() <= index)
        return failure("poppler cannot open the typeset page");
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page)
        return failure("poppler cannot read the typeset page");
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    return gray8_to_pix(renderer.render_page(page.get(), dpi, dpi));
}

namespace {

// Paper tint and lighting in one pass: every pixel is scaled by a factor that
// falls off linearly across the page.
void apply_paper_and_lighting(PIX* pix, const ScanSettings& settings)
{
    int width = pixGetWidth(pix), height = pixGetHeight(pix);
    l_uint32* data = pixGetData(pix);
    int words_per_line = pixGetWpl(pix);
    for (int y = 0; y < height; ++y) {
        l_uint32* line = data + y * words_per_line;
        for (int x = 0; x < width; ++x) {
            double factor = settings.paper_tint - settings.lighting_falloff * x / width;
            SET_DATA_BYTE(line, x, static_cast<l_uint32>(GET_DATA_BYTE(line, x) * factor));
        }
    }
}

void add_specks(PIX* pix, const ScanSettings& settings)
{
    SeededRandom random(settings.noise_seed);
    int width = pixGetWidth(pix), height = pixGetHeight(pix);
    for (int i = 0; i < settings.specks; ++i) {
        int x = random.between(0, width - 4), y = random.between(0, height - 4);
        int size = random.between(1, 3);
        auto gray = static_cast<l_uint32>(random.between(30, 120));
        for (int dy = 0; dy < size; ++dy)
            for (int dx = 0; dx < size; ++dx)
                pixSetPixel(pix, x + dx, y + dy, gray);
    }
}

} // namespace

Result<PixPtr> degrade_page(PixPtr clean, const ScanSettings& settings)
{
    double radians = settings.skew_degrees * std::numbers::pi / 180.0;
    PixPtr skewed(pixRotate(clean.get(), static_cast<l_float32>(radians), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (!skewed)
        return failure("leptonica: rotation failed");
    if (settings.blur) {
        skewed.reset(pixBlockconv(skewed.get(), 1, 1));
        if (!skewed)
            return failure("leptonica: blur failed");
    }
    apply_paper_and_lighting(skewed.get(), settings);
    add_specks(skewed.get(), settings);
    std::srand(settings.noise_seed); // pixAddGaussianNoise draws from rand()
    PixPtr noisy(pixAddGaussianNoise(skewed.get(), static_cast<l_float32>(settings.noise_sigma)));
    if (!noisy)
        return failure("leptonica: noise failed");
    pixSetResolution(noisy.get(), settings.dpi, settings.dpi);
    return noisy;
}

ScanSettings random_scan_settings(SeededRandom& random, int dpi)
{
    ScanSettings settings;
    settings.dpi = dpi;
    settings.skew_degrees = random.between_real(-1.5, 1.5);
    settings.blur = random.chance(50);
    settings.noise_sigma = random.between_real(6, 10);
    settings.paper_tint = random.between_real(0.92, 0.97);
    settings.lighting_falloff = random.between_real(0.0, 0.05);
    settings.specks = random.between(20, 80);
    settings.noise_seed = static_cast<std::uint32_t>(random.below(0x7FFFFFFF)) + 1;
    return settings;
}

Result<PixPtr> scan_page(std::string_view pdf, const ScanSettings& settings)
{
    auto clean = render_page(pdf, settings.dpi);
    if (!clean)
        return tl::unexpected(clean.error());
    return degrade_page(std::move(*clean), settings);
}

Result<std::string> encode_image(PIX* pix, ImageFormat format, int dpi, int jpeg_quality)
{
    pixSetResolution(pix, dpi, dpi);
    l_uint8* data = nullptr;
    size_t size = 0;
    l_ok failed = format == ImageFormat::jpeg ? pixWriteMemJpeg(&data, &size, pix, jpeg_quality, 0)
                                              : pixWriteMemPng(&data, &size, pix, 0.0f);
    if (failed || !data)
        return failure("leptonica: cannot encode the scan");
    std::string bytes(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    return bytes;
}

Result<PixPtr> as_phone_photo(PIX* grey)
{
    PixPtr colour(pixConvert8To32(grey));
    if (!colour)
        return failure("leptonica: cannot convert to colour");
    PixPtr warm(pixMultConstantColor(colour.get(), 1.0f, 0.97f, 0.88f));
    if (!warm)
        return failure("leptonica: cannot tint the photo");
    pixCopyResolution(warm.get(), grey);
    return warm;
}

Result<PixPtr> as_colour_mode(PIX* grey, ColourMode mode)
{
    PixPtr result;
    if (mode == ColourMode::grey)
        result.reset(pixCopy(nullptr, grey));
    if (mode == ColourMode::colour) {
        PixPtr colour(pixConvert8To32(grey));
        if (colour)
            result.reset(pixMultConstantColor(colour.get(), 1.0f, 0.985f, 0.94f)); // cream paper under a lamp
    }
    if (mode == ColourMode::bilevel) {
        PIX* binary = nullptr; // Sauvola: local thresholds survive the lighting falloff
        if (pixSauvolaBinarize(grey, 15, 0.3f, 1, nullptr, nullptr, nullptr, &binary) == 0)
            result.reset(binary);
    }
    if (!result)
        return failure("leptonica: cannot convert the scan's colour mode");
    pixCopyResolution(result.get(), grey);
    return result;
}

Result<PixPtr> turned(PIX* pix, int degrees)
{
    if (degrees % 90 != 0)
        return failure("pages turn by 90, 180 or 270 degrees");
    PixPtr result(pixRotateOrth(pix, (degrees / 90) % 4));
    if (!result)
        return failure("leptonica: cannot turn the page");
    return result;
}

Result<PixPtr> scan_blank_page(const ScanSettings& settings)
{
    int width = static_cast<int>(a4_width / 72.0 * settings.dpi);
    int height = static_cast<int>(a4_height / 72.0 * settings.dpi);
    PixPtr paper(pixCreate(width, height, 8));
    if (!paper)
        return failure("leptonica: cannot allocate a blank page");
    pixSetAllArbitrary(paper.get(), 255);
    return degrade_page(std::move(paper), settings);
}

namespace {

// Leptonica keeps 1 bpp pixels as 1 = black in native-endian words; PDF wants
// bytes, most significant bit first, with 0 = black.
std::string pdf_bits(PIX* binary)
{
    int width = pixGetWidth(binary), height = pixGetHeight(binary), words_per_line = pixGetWpl(binary);
    size_t row_bytes = static_cast<size_t>((width + 7) / 8);
    std::string bits(row_bytes * static_cast<size_t>(height), '\0');
    l_uint32* data = pixGetData(binary);
    for (int y = 0; y < height; ++y) {
        l_uint32* line = data + y * words_per_line;
        for (int x = 0; x < width; ++x)
            if (!GET_DATA_BIT(line, x))
                bits[static_cast<size_t>(y) * row_bytes + static_cast<size_t>(x / 8)] |=
                    static_cast<char>(0x80 >> (x % 8));
    }
    return bits;
}

} // namespace

Result<ScannedPage> encode_page(PIX* pix, int dpi, int jpeg_quality)
{
    if (pixGetDepth(pix) == 1)
        return ScannedPage {"", dpi, pdf_bits(pix), pixGetWidth(pix), pixGetHeight(pix)};
    auto jpeg = encode_image(pix, ImageFormat::jpeg, dpi, jpeg_quality);
    if (!jpeg)
        return tl::unexpected(jpeg.error());
    return ScannedPage {std::move(*jpeg), dpi, {}, 0, 0};
}

Result<void> write_multipage_tiff(const std::string& path, const std::vector<PIX*>& pages, int dpi)
{
    for (size_t i = 0; i < pages.size(); ++i) {
        pixSetResolution(pages[i], dpi, dpi);
        int compression = pixGetDepth(pages[i]) == 1 ? IFF_TIFF_G4 : IFF_TIFF_ZIP;
        if (pixWriteTiff(path.c_str(), pages[i], compression, i == 0 ? "w" : "a") != 0)
            return failure("leptonica: cannot write page " + std::to_string(i + 1) + " of " + path);
    }
    return {};
}

Result<std::string> wrap_scans_as_pdf(const std::vector<ScannedPage>& pages, std::string_view title, const Date& date)
{
    PdfDocument document;
    for (const ScannedPage& page : pages) {
        auto added = page.jpeg.empty() ? document.add_bilevel_page(page.bilevel, page.width, page.height, page.dpi)
                                       : document.add_jpeg_page(page.jpeg, page.dpi);
        if (!added)
            return tl::unexpected(added.error());
    }
    document.set_info(title, date);
    return document.save();
}

} // namespace berkas::fixture

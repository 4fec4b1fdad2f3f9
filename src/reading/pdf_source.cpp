// PDF pages through poppler-cpp: the text layer when it is usable, otherwise
// the page rendered to 8-bit gray (PDF-OCR.md §2). A page that is just one
// JPEG or CCITT scan is decoded directly instead (direct_scan.hpp).
#include "reading/direct_scan.hpp"
#include "reading/page_source.hpp"
#include "reading/pdf_structure.hpp"
#include "reading/text_layer.hpp"
#include "util/text.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <mutex>

namespace berkas::reading {

namespace {

constexpr double kPointsPerInch = 72.0;
// Splash rounds page sizes to whole pixels in its own way; allow for that.
constexpr int kRenderSizeTolerance = 2;

// Poppler reports every syntax problem of a damaged file on stderr. Those
// lines are noise in a worker log; the outcome is what matters.
void ignore_poppler_message(const std::string&, void*) {}

void silence_poppler()
{
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

std::string page_label(int index) { return "page " + std::to_string(index + 1); }

struct PagePixels {
    double width = 0, height = 0;
};

PagePixels pixels_at(const poppler::rectf& points, double dpi)
{
    return {points.width() / kPointsPerInch * dpi, points.height() / kPointsPerInch * dpi};
}

// The resolution to render a page at: limits.render_dpi, or less for an
// oversized page as long as that stays at or above min_render_dpi. A 600×600 mm
// poster still reads at 150 dpi; a 3 m MediaBox (hugemono.pdf) is refused
// before poppler tries to allocate gigabytes.
Expected<int> choose_render_dpi(const poppler::rectf& points, const ReadLimits& limits, int index)
{
    if (!(points.width() > 0 && points.height() > 0) || !std::isfinite(points.width()) ||
        !std::isfinite(points.height()))
        return make_error("corrupt_pdf", "page has no usable size", {}, page_label(index));
    const PagePixels at_default = pixels_at(points, limits.render_dpi);
    const double pixels = at_default.width * at_default.height;
    const double longest_side = std::max(at_default.width, at_default.height);
    const double shrink = std::min({1.0, std::sqrt(double(limits.max_page_pixels) / pixels),
                                    double(limits.max_page_side) / longest_side});
    const int dpi = int(std::floor(limits.render_dpi * shrink));
    if (dpi < std::min(limits.min_render_dpi, limits.render_dpi))
        return make_error("image_too_large",
                          "page is " + std::to_string(int(points.width())) + "×" +
                              std::to_string(int(points.height())) + " pt, too large to render within the limits",
                          {}, page_label(index));
    return dpi;
}

// Poppler can "succeed" with a 1×1 image on absurd page sizes (RELIABILITY.md §1.6).
bool has_expected_size(const poppler::image& image, const poppler::rectf& points, int dpi)
{
    const PagePixels expected = pixels_at(points, dpi);
    // The initializer-list overload returns values, not references to temporaries.
    const auto [short_expected, long_expected] = std::minmax({expected.width, expected.height});
    const auto [short_actual, long_actual] = std::minmax({double(image.width()), double(image.height())});
    return std::abs(short_actual - short_expected) <= kRenderSizeTolerance &&
           std::abs(long_actual - long_expected) <= kRenderSizeTolerance;
}

// Leptonica keeps bytes inside 32-bit words in host order, so rows cannot be
// memcpy'd; SET_DATA_BYTE does the addressing.
PixPtr to_pix(const poppler::image& image, int dpi)
{
    const int width = image.width(), height = image.height();
    PixPtr pix(pixCreate(width, height, 8));
    if (!pix)
        return nullptr;
    const auto* rows = reinterpret_cast<const unsigned char*>(image.const_data());
    const int stride = image.bytes_per_row();
    l_uint32* data = pixGetData(pix.get());
    const int words_per_line = pixGetWpl(pix.get());
    for (int y = 0; y < height; ++y) {
        const unsigned char* source = rows + std::ptrdiff_t(y) * stride;
        l_uint32* line = data + std::ptrdiff_t(y) * words_per_line;
        for (int x = 0; x < width; ++x)
            SET_DATA_BYTE(line, x, source[x]);
    }
    pixSetResolution(pix.get(), dpi, dpi);
    return pix;
}

Expected<PixPtr> render(const poppler::page& page, const poppler::rectf& points, int dpi, int index)
{
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8 ||
        !has_expected_size(image, points, dpi))
        return make_error("corrupt_pdf", "page could not be rendered", {}, page_label(index));
    PixPtr pix = to_pix(image, dpi);
    if (!pix)
        return make_error("out_of_memory", "no memory for the page image", {}, page_label(index));
    return pix;
}

std::string page_text(const poppler::page& page)
{
    const poppler::byte_array utf8 = page.text().to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

class PdfSource final : public PageSource {
public:
    PdfSource(std::string bytes, const ReadLimits& limits) : m_bytes(std::move(bytes)), m_limits(limits) {}

    // The structure is checked first, so that nothing poppler allocates
    // depends on a limit not yet checked. Poppler reads from m_bytes for the
    // document's lifetime, so loading happens after the bytes have their
    // final address.
    Expected<void> load()
    {
        if (m_bytes.size() > std::size_t(INT_MAX))
            return make_error("too_large", "PDF is larger than 2 GB");
        m_structure = BERKAS_TRY(inspect_pdf_structure(m_bytes, m_limits));
        m_document.reset(poppler::document::load_from_raw_data(m_bytes.data(), int(m_bytes.size())));
        if (!m_document)
            return make_error("corrupt_pdf", "PDF is damaged and cannot be opened");
        // Must come first: pages() on a locked document crashed (PDF-OCR.md §2).
        // Owner-password-only files open unlocked and read normally.
        if (m_document->is_locked())
            return make_error("encrypted_pdf", "PDF is protected with an open password");
        // Poppler takes its page count from /Count. Counting more than the
        // tree holds, it would fail on pages that are not there, so only the
        // real ones are read; counting fewer, it would skip real pages, and a
        // KTP on a skipped page is a lost document.
        m_pages = m_structure.pages;
        if (m_document->pages() < m_pages) {
            const long long declared = m_structure.declared_pages;
            return make_error("corrupt_pdf", "the page tree holds " + std::to_string(m_pages) +
                                                 " pages, but its /Count is " +
                                                 (declared < 0 ? std::string("missing") : std::to_string(declared)) +
                                                 ", so only " + std::to_string(m_document->pages()) +
                                                 " could be read");
        }
        return {};
    }

    int page_count() const override { return m_pages; }
    bool digitally_signed() const override { return m_structure.digitally_signed; }

    Expected<SourcePage> page(int index) override
    {
        if (PixPtr scan = decoded_direct_scan(index)) {
            SourcePage result;
            result.image = std::move(scan);
            return result;
        }
        // create_page may return nullptr even for index < pages() (broken page object).
        std::unique_ptr<poppler::page> page(m_document->create_page(index));
        if (!page)
            return make_error("corrupt_pdf", "page is damaged", {}, page_label(index));
        SourcePage result;
        std::string text = page_text(*page);
        if (is_usable_text_layer(text)) {
            result.text_layer = trim(text);
            return result;
        }
        const poppler::rectf points = page->page_rect(poppler::crop_box);
        const auto dpi = choose_render_dpi(points, limits_for_page(index), index);
        if (!dpi)
            return tl::unexpected(dpi.error());
        auto image = render(*page, points, *dpi, index);
        if (!image)
            return tl::unexpected(image.error());
        result.image = std::move(*image);
        return result;
    }

private:
    // A direct scan's content draws no text, so there is no text layer to
    // look for. nullptr: the page is not one, or its scan did not decode as
    // declared, and poppler renders it (and reports any error) as usual.
    PixPtr decoded_direct_scan(int index) const
    {
        const auto page = static_cast<size_t>(index);
        if (page >= m_structure.direct_scans.size() || !m_structure.direct_scans[page])
            return nullptr;
        const DirectScan& scan = *m_structure.direct_scans[page];
        const poppler::rectf points(0, 0, scan.page_width, scan.page_height);
        const auto dpi = choose_render_dpi(points, limits_for_page(index), index);
        return dpi ? decode_direct_scan(scan, *dpi, m_limits) : nullptr;
    }

    // A scanned page is rendered at its scan's resolution, between
    // min_scan_render_dpi and render_dpi: more pixels than the scanner took
    // only cost OCR time, and fewer than 200 dpi garble small print.
    ReadLimits limits_for_page(int index) const
    {
        ReadLimits limits = m_limits;
        const auto page = static_cast<size_t>(index);
        const int scan = page < m_structure.scan_dpi.size() ? m_structure.scan_dpi[page] : 0;
        if (scan > 0)
            limits.render_dpi = std::clamp(scan, std::min(limits.min_scan_render_dpi, limits.render_dpi),
                                           limits.render_dpi);
        return limits;
    }

    std::string m_bytes;
    ReadLimits m_limits;
    PdfStructure m_structure;
    std::unique_ptr<poppler::document> m_document;
    int m_pages = 0;
};

} // namespace

Expected<std::unique_ptr<PageSource>> open_pdf(std::string bytes, const ReadLimits& limits)
{
    silence_poppler();
    auto source = std::make_unique<PdfSource>(std::move(bytes), limits);
    if (auto loaded = source->load(); !loaded)
        return tl::unexpected(loaded.error());
    return std::unique_ptr<PageSource>(std::move(source));
}

} // namespace berkas::reading

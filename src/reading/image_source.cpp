// JPEG, PNG and (multi-page) TIFF files through Leptonica: photos of forms and
// KTP cards, and scanner output.
#include "reading/exif.hpp"
#include "reading/page_prep.hpp"
#include "reading/page_source.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace berkas::reading {

namespace {

// Scanners write their real resolution; cameras and screenshots write 72 or 96
// (or nothing), which says nothing about the paper.
constexpr int kMinTrustedDpi = 100;
constexpr int kMaxTrustedDpi = 1200;
// Without a trusted resolution, assume the picture shows an A4 page: it is the
// common case, and it errs towards upscaling small pictures.
constexpr double kA4LongSideInches = 11.69;

std::string page_label(int index) { return "page " + std::to_string(index + 1); }

const l_uint8* as_bytes(const std::string& data) { return reinterpret_cast<const l_uint8*>(data.data()); }

int estimate_dpi(Pix* image)
{
    const int tagged = pixGetXRes(image);
    if (tagged >= kMinTrustedDpi && tagged <= kMaxTrustedDpi)
        return tagged;
    const int long_side = std::max(pixGetWidth(image), pixGetHeight(image));
    return std::max(1, int(std::lround(long_side / kA4LongSideInches)));
}

struct ImageSize {
    l_int32 width = 0, height = 0;
};

class ImageSource final : public PageSource {
public:
    ImageSource(std::string bytes, FileKind kind, const ReadLimits& limits)
        : m_bytes(std::move(bytes)), m_kind(kind), m_limits(limits)
    {
    }

    Expected<void> count_pages()
    {
        if (m_kind != FileKind::tiff) {
            m_pages = 1;
            return {};
        }
        // tiffGetCount needs a FILE; fmemopen reads the bytes in place.
        std::FILE* file = ::fmemopen(m_bytes.data(), m_bytes.size(), "r");
        if (file == nullptr)
            return make_error("io_error", "cannot open the TIFF data");
        l_int32 count = 0;
        const bool ok = tiffGetCount(file, &count) == 0;
        std::fclose(file);
        if (!ok || count <= 0)
            return make_error("corrupt_image", "TIFF file is damaged");
        if (count > m_limits.max_pages)
            return make_error("too_many_pages", "TIFF has " + std::to_string(count) +
                                                    " pages, more than the limit of " +
                                                    std::to_string(m_limits.max_pages));
        m_pages = count;
        return {};
    }

    int page_count() const override { return m_pages; }

    Expected<SourcePage> page(int index) override
    {
        auto size = read_header(index);
        if (!size)
            return tl::unexpected(size.error());
        if (auto allowed = check_size(*size, index); !allowed)
            return tl::unexpected(allowed.error());
        PixPtr decoded = decode(index);
        if (!decoded)
            return make_error("corrupt_image", "image cannot be decoded", {}, page_label(index));
        // The header may lie about the size; the limits apply to what was decoded.
        // (A TIFF Orientation tag may have turned the image: either way round is fine.)
        const l_int32 width = pixGetWidth(decoded.get()), height = pixGetHeight(decoded.get());
        if (!(width == size->width && height == size->height) && !(width == size->height && height == size->width))
            return make_error("corrupt_image", "image size differs from its header", {}, page_label(index));
        return prepare(std::move(decoded), index);
    }

private:
    // Reads width and height without decoding the pixels, so a decompression
    // bomb is refused before Leptonica allocates it.
    Expected<ImageSize> read_header(int index) const
    {
        ImageSize size;
        l_int32 format = 0, bits = 0, samples = 0, colormap = 0, resolution = 0;
        const bool ok = m_kind == FileKind::tiff
                            ? readHeaderMemTiff(as_bytes(m_bytes), m_bytes.size(), index, &size.width,
                                                &size.height, &bits, &samples, &resolution, &colormap, &format) == 0
                            : pixReadHeaderMem(as_bytes(m_bytes), m_bytes.size(), &format, &size.width, &size.height,
                                               &bits, &samples, &colormap) == 0;
        if (!ok || size.width <= 0 || size.height <= 0)
            return make_error("corrupt_image", "image header is damaged", {}, page_label(index));
        return size;
    }

    Expected<void> check_size(ImageSize size, int index) const
    {
        const long long pixels = (long long)size.width * size.height;
        if (pixels > m_limits.max_page_pixels || size.width > m_limits.max_page_side ||
            size.height > m_limits.max_page_side)
            return make_error("image_too_large",
                              "image is " + std::to_string(size.width) + "×" + std::to_string(size.height) +
                                  " px, more than the limit",
                              {}, page_label(index));
        return {};
    }

    PixPtr decode(int index) const
    {
        if (m_kind == FileKind::tiff)
            return PixPtr(pixReadMemTiff(as_bytes(m_bytes), m_bytes.size(), index));
        return PixPtr(pixReadMem(as_bytes(m_bytes), m_bytes.size()));
    }

    Expected<SourcePage> prepare(PixPtr decoded, int index) const
    {
        if (m_kind == FileKind::jpeg)
            decoded = apply_exif_orientation(decoded.get(), jpeg_exif_orientation(m_bytes));
        PixPtr gray = decoded ? to_gray8(decoded.get()) : nullptr;
        if (!gray)
            return make_error("out_of_memory", "no memory to convert the image", {}, page_label(index));
        const int dpi = estimate_dpi(gray.get());
        pixSetResolution(gray.get(), dpi, dpi);
        SourcePage result;
        result.image = std::move(gray);
        return result;
    }

    std::string m_bytes;
    FileKind m_kind;
    ReadLimits m_limits;
    int m_pages = 0;
};

} // namespace

Expected<std::unique_ptr<PageSource>> open_image(std::string bytes, FileKind kind, const ReadLimits& limits)
{
    auto source = std::make_unique<ImageSource>(std::move(bytes), kind, limits);
    if (auto counted = source->count_pages(); !counted)
        return tl::unexpected(counted.error());
    return std::unique_ptr<PageSource>(std::move(source));
}

} // namespace berkas::reading

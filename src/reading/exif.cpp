#include "reading/exif.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace berkas::reading {

namespace {

constexpr int kAsStored = 1;
constexpr std::uint16_t kOrientationTag = 0x0112;
constexpr std::uint16_t kTiffTypeShort = 3;

// A bounds-checked view over untrusted bytes; every read can fail.
class ByteReader {
public:
    ByteReader(std::string_view bytes, bool big_endian) : m_bytes(bytes), m_big_endian(big_endian) {}

    std::optional<std::uint16_t> u16(std::size_t offset) const
    {
        if (offset > m_bytes.size() || m_bytes.size() - offset < 2)
            return std::nullopt;
        const auto b0 = byte(offset), b1 = byte(offset + 1);
        return static_cast<std::uint16_t>(m_big_endian ? (b0 << 8) | b1 : (b1 << 8) | b0);
    }

    std::optional<std::uint32_t> u32(std::size_t offset) const
    {
        const auto first = u16(offset), second = u16(offset + 2);
        if (!first || !second)
            return std::nullopt;
        return m_big_endian ? (std::uint32_t(*first) << 16) | *second : (std::uint32_t(*second) << 16) | *first;
    }

private:
    unsigned byte(std::size_t offset) const { return static_cast<unsigned char>(m_bytes[offset]); }

    std::string_view m_bytes;
    bool m_big_endian;
};

// Reads the Orientation tag from IFD0 of the TIFF structure inside an Exif block.
int orientation_from_tiff(std::string_view tiff)
{
    if (tiff.size() < 8)
        return kAsStored;
    bool big_endian = false;
    if (tiff.substr(0, 2) == "MM")
        big_endian = true;
    else if (tiff.substr(0, 2) != "II")
        return kAsStored;
    const ByteReader reader(tiff, big_endian);
    if (reader.u16(2) != 42)
        return kAsStored;
    const auto ifd = reader.u32(4);
    if (!ifd)
        return kAsStored;
    const auto entry_count = reader.u16(*ifd);
    if (!entry_count)
        return kAsStored;
    for (std::size_t i = 0; i < *entry_count; ++i) {
        const std::size_t entry = std::size_t(*ifd) + 2 + i * 12;
        const auto tag = reader.u16(entry);
        if (!tag)
            return kAsStored; // the entry table runs past the block
        if (*tag != kOrientationTag)
            continue;
        if (reader.u16(entry + 2) != kTiffTypeShort)
            return kAsStored;
        // A SHORT value sits left-aligned in the 4-byte value field.
        const auto value = reader.u16(entry + 8);
        return value && *value >= 1 && *value <= 8 ? int(*value) : kAsStored;
    }
    return kAsStored;
}

bool is_standalone_marker(unsigned marker)
{
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

} // namespace

int jpeg_exif_orientation(std::string_view jpeg)
{
    const ByteReader reader(jpeg, /*big_endian=*/true);
    if (reader.u16(0) != 0xFFD8)
        return kAsStored;
    std::size_t pos = 2;
    // Walk the marker segments up to the image data; Exif lives in APP1.
    while (pos + 1 < jpeg.size()) {
        if (static_cast<unsigned char>(jpeg[pos]) != 0xFF)
            return kAsStored;
        const unsigned marker = static_cast<unsigned char>(jpeg[pos + 1]);
        if (marker == 0xFF) { // fill byte before a marker
            ++pos;
            continue;
        }
        pos += 2;
        if (marker == 0xDA || marker == 0xD9) // start of scan / end of image
            return kAsStored;
        if (is_standalone_marker(marker))
            continue;
        const auto length = reader.u16(pos);
        if (!length || *length < 2 || jpeg.size() - pos < *length)
            return kAsStored;
        const auto segment = jpeg.substr(pos + 2, *length - 2u);
        constexpr std::string_view kExifHeader("Exif\0\0", 6);
        if (marker == 0xE1 && segment.substr(0, kExifHeader.size()) == kExifHeader)
            return orientation_from_tiff(segment.substr(kExifHeader.size()));
        pos += *length;
    }
    return kAsStored;
}

} // namespace berkas::reading

// File-kind detection from magic bytes. The name of an uploaded file says
// nothing reliable about its content.
#include "reading/reader.hpp"

namespace berkas::reading {

namespace {

// Acrobat and poppler accept a PDF header anywhere in the first 1024 bytes;
// some scanner gateways and mail systems prepend junk.
constexpr std::size_t kPdfHeaderWindow = 1024;

bool starts_with(std::string_view bytes, std::string_view magic)
{
    return bytes.substr(0, magic.size()) == magic;
}

} // namespace

FileKind sniff_kind(std::string_view first_bytes)
{
    using namespace std::string_view_literals;
    if (starts_with(first_bytes, "\xFF\xD8\xFF"sv))
        return FileKind::jpeg;
    if (starts_with(first_bytes, "\x89PNG\r\n\x1A\n"sv))
        return FileKind::png;
    if (starts_with(first_bytes, "II*\0"sv) || starts_with(first_bytes, "MM\0*"sv))
        return FileKind::tiff;
    if (first_bytes.substr(0, kPdfHeaderWindow + 5).find("%PDF-") != std::string_view::npos)
        return FileKind::pdf;
    return FileKind::unknown;
}

} // namespace berkas::reading

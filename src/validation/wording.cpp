#include "validation/wording.hpp"

#include <cstdio>

namespace berkas::validation {

namespace {

std::string page_span(const std::vector<int>& pages)
{
    if (pages.empty())
        return "";
    if (pages.size() == 1 || pages.back() == pages.front())
        return "hlm. " + std::to_string(pages.front());
    return "hlm. " + std::to_string(pages.front()) + "\u2013" + std::to_string(pages.back());
}

} // namespace

std::string where(const Document& document)
{
    std::string place = document.source;
    std::string pages = page_span(document.pages);
    if (!pages.empty())
        place += ", " + pages;
    return std::string(indonesian_name(document.type)) + " (" + place + ")";
}

std::string where(const FieldValue& value, const std::vector<Document>& documents)
{
    for (const Document& document : documents)
        if (document.source == value.source && !document.pages.empty() && document.pages.front() == value.page)
            return where(document);
    return value.source + ", hlm. " + std::to_string(value.page);
}

std::string field_label(std::string_view field)
{
    if (field == "nik") return "NIK";
    if (field == "nip") return "NIP";
    if (field == "nama") return "nama";
    if (field == "email") return "alamat email";
    if (field == "no_hp") return "nomor HP";
    if (field == "unit_kerja") return "unit kerja";
    if (field == "tanggal_surat") return "tanggal surat";
    if (field == "nomor_surat") return "nomor surat";
    if (field == "tanggal_lahir") return "tanggal lahir";
    return std::string(field);
}

std::string dashed(const CivilDate& date)
{
    char text[16];
    std::snprintf(text, sizeof text, "%02d-%02d-%04d", date.day, date.month, date.year);
    return text;
}

} // namespace berkas::validation

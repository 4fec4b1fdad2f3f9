#pragma once
// Files no clerk should ever drop into the inbox, generated at test time
// (RELIABILITY.md §4.5 "gen_hostile"): each with the reason code berkas must
// give it. Nothing hostile is stored in the repository.
#define POINTERHOLDER_TRANSITION 4 // qpdf 11: std::shared_ptr only
#include "support/pdf_builder.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace berkas::testing {

struct HostileFile {
    std::string name;
    std::string bytes;
    std::string reason; // the reason code berkas must give it
};

namespace hostile_detail {

inline const std::vector<std::string> kLetter = {"SURAT PERMOHONAN", "Nama : Contoh Pemohon"};

inline std::string one_page_with(const std::string& page_extra, const std::vector<std::string>& extra_objects)
{
    std::vector<std::string> bodies = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                       cat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                                           "<< /F1 4 0 R >> >> /Contents 5 0 R ",
                                           page_extra, " >>"),
                                       kHelvetica, stream_object("", text_content(kLetter, 16))};
    bodies.insert(bodies.end(), extra_objects.begin(), extra_objects.end());
    return assemble_pdf(bodies);
}

inline void append_big_endian(std::string& out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out += char((value >> shift) & 0xFF);
}

inline void append_little_endian(std::string& out, std::uint32_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out += char((value >> (8 * i)) & 0xFF);
}

inline std::uint32_t crc_of(const std::string& bytes)
{
    return std::uint32_t(::crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size())));
}

inline std::string png_chunk(const std::string& type, const std::string& data)
{
    std::string chunk;
    append_big_endian(chunk, std::uint32_t(data.size()));
    const std::string body = type + data;
    chunk += body;
    append_big_endian(chunk, crc_of(body));
    return chunk;
}

// `total` zero bytes, deflated in 1 MiB steps so the input never exists in memory.
inline std::string deflate_zeros(std::uint64_t total)
{
    z_stream zs {};
    deflateInit(&zs, Z_BEST_COMPRESSION);
    const std::string chunk(1 << 20, '\0');
    std::string out;
    char buffer[1 << 16];
    for (std::uint64_t done = 0; done < total;) {
        const auto step = std::min<std::uint64_t>(chunk.size(), total - done);
        done += step;
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(chunk.data()));
        zs.avail_in = uInt(step);
        const int flush = done == total ? Z_FINISH : Z_NO_FLUSH;
        do {
            zs.next_out = reinterpret_cast<Bytef*>(buffer);
            zs.avail_out = sizeof buffer;
            deflate(&zs, flush);
            out.append(buffer, sizeof buffer - zs.avail_out);
        } while (zs.avail_out == 0);
    }
    deflateEnd(&zs);
    return out;
}

struct ZipEntry {
    std::string name, data;
};

// A stored (uncompressed) zip archive, as a .docx is on the outside.
inline std::string zip_archive(const std::vector<ZipEntry>& entries)
{
    std::string archive, directory;
    for (const ZipEntry& entry : entries) {
        const auto offset = std::uint32_t(archive.size());
        std::string header;
        append_little_endian(header, 20, 2); // version needed
        append_little_endian(header, 0, 2);  // flags
        append_little_endian(header, 0, 2);  // stored
        append_little_endian(header, 0, 4);  // time and date
        append_little_endian(header, crc_of(entry.data), 4);
        append_little_endian(header, std::uint32_t(entry.data.size()), 4);
        append_little_endian(header, std::uint32_t(entry.data.size()), 4);
        append_little_endian(header, std::uint32_t(entry.name.size()), 2);
        append_little_endian(header, 0, 2); // extra field
        archive += cat("PK\x03\x04", header, entry.name, entry.data);
        std::string central = cat("PK\x01\x02");
        append_little_endian(central, 20, 2); // version made by
        central += header;
        append_little_endian(central, 0, 2); // comment
        append_little_endian(central, 0, 2); // disk
        append_little_endian(central, 0, 2); // internal attributes
        append_little_endian(central, 0, 4); // external attributes
        append_little_endian(central, offset, 4);
        directory += central + entry.name;
    }
    std::string end = "PK\x05\x06";
    append_little_endian(end, 0, 4);
    append_little_endian(end, std::uint32_t(entries.size()), 2);
    append_little_endian(end, std::uint32_t(entries.size()), 2);
    append_little_endian(end, std::uint32_t(directory.size()), 4);
    append_little_endian(end, std::uint32_t(archive.size()), 4);
    append_little_endian(end, 0, 2);
    return archive + directory + end;
}

} // namespace hostile_detail

// A page whose dictionary refers to `depth` dictionaries nested inside each
// other. PoDoFo 0.9.8 overflows its stack at 20,000 and spins for minutes at 2,000.
inline std::string nested_dictionaries_pdf(int depth)
{
    std::string nested;
    nested.reserve(std::size_t(depth) * 8 + 8);
    for (int i = 0; i < depth; ++i)
        nested += "<< /A ";
    for (int i = 0; i < depth; ++i)
        nested += ">> ";
    return hostile_detail::one_page_with("/Deep 6 0 R", {nested});
}

// A page tree whose /Count says `claimed` while it holds `real` pages.
inline std::string lying_count_pdf(int real, long long claimed)
{
    std::vector<std::string> bodies = {"<< /Type /Catalog /Pages 2 0 R >>", "", kHelvetica,
                                       stream_object("", text_content(hostile_detail::kLetter, 16))};
    std::string kids;
    for (int i = 0; i < real; ++i) {
        bodies.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                         ">> /Contents 4 0 R >>");
        kids += cat(number(bodies.size()), " 0 R ");
    }
    bodies[1] = cat("<< /Type /Pages /Kids [", kids, "] /Count ", std::to_string(claimed), " >>");
    return assemble_pdf(bodies);
}

// Page content of `inflated` zero bytes, about 1 MB compressed for 1 GiB.
inline std::string flate_bomb_pdf(std::uint64_t inflated = 1ull << 30)
{
    const std::string data = hostile_detail::deflate_zeros(inflated);
    return assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                         stream_object("/Filter /FlateDecode", data)});
}

// A PNG whose header claims width × height 8-bit gray pixels, with almost no data.
inline std::string png_claiming(std::uint32_t width, std::uint32_t height)
{
    using namespace hostile_detail;
    std::string header;
    append_big_endian(header, width);
    append_big_endian(header, height);
    header += std::string("\x08\x00\x00\x00\x00", 5); // 8 bit, gray, deflate, no filter, no interlace
    return cat("\x89PNG\r\n\x1A\n", png_chunk("IHDR", header), png_chunk("IDAT", deflate_zeros(4096)),
               png_chunk("IEND", ""));
}

// `plain` encrypted with AES-256; an empty user password makes it an
// owner-password-only file, which opens without asking.
inline std::string encrypt_pdf(const std::string& plain, const std::string& user_password,
                               const std::string& owner_password = "pemilik")
{
    QPDF pdf;
    pdf.processMemoryFile("plain", plain.data(), plain.size());
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setStaticID(true); // reproducible bytes
    writer.setR6EncryptionParameters(user_password.c_str(), owner_password.c_str(), true, false, false, false, false,
                                     false, qpdf_r3p_none, true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// A text PDF, encrypted as encrypt_pdf does.
inline std::string encrypted_pdf(const std::string& user_password, const std::string& owner_password = "pemilik")
{
    return encrypt_pdf(make_text_pdf({hostile_detail::kLetter}), user_password, owner_password);
}

// A Word document's outside: a zip archive.
inline std::string docx_file()
{
    return hostile_detail::zip_archive(
        {{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                                 "2006/content-types\"/>"},
         {"word/document.xml", "<?xml version=\"1.0\"?><w:document><w:body><w:p><w:r><w:t>Surat permohonan"
                               "</w:t></w:r></w:p></w:body></w:document>"}});
}

// Every hostile file of the issue, with the reason code each must get.
inline std::vector<HostileFile> hostile_files()
{
    const std::string letter = make_text_pdf({hostile_detail::kLetter, hostile_detail::kLetter});
    return {
        {"bersarang-20000.pdf", nested_dictionaries_pdf(20000), "corrupt_pdf"},
        {"bersarang-2000.pdf", nested_dictionaries_pdf(2000), "corrupt_pdf"},
        {"count-kurang.pdf", lying_count_pdf(50, 1), "too_many_pages"},
        {"count-lebih.pdf", lying_count_pdf(1, 2'000'000'000), "corrupt_pdf"},
        {"bom-flate.pdf", flate_bomb_pdf(), "too_large"},
        {"png-raksasa.png", png_claiming(40000, 40000), "image_too_large"},
        {"terkunci.pdf", encrypted_pdf("rahasia"), "encrypted_pdf"},
        {"terpotong.pdf", letter.substr(0, letter.size() / 2), "corrupt_pdf"},
        {"kosong.pdf", "", "empty_file"},
        {"surat.docx", docx_file(), "not_a_document"},
    };
}

} // namespace berkas::testing

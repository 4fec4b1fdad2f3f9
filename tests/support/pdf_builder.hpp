#pragma once
// Hand-written PDFs for tests: a Helvetica text layer, any object layout, and
// a digitally signed variant. Byte-exact and dependency-free, so a test says
// precisely which structure it feeds the reader.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::testing {

inline constexpr double kA4Width = 595.0, kA4Height = 842.0;

// Concatenates without operator+ chains, which trip g++ 12's -Wrestrict false
// positive (GCC PR 105651) when a literal comes first.
template<typename... Parts>
std::string cat(const Parts&... parts)
{
    std::string joined;
    (joined.append(std::string_view(parts)), ...);
    return joined;
}

inline std::string number(double value) { return std::to_string(value); }
inline std::string number(std::size_t value) { return std::to_string(value); }

inline std::string pdf_escape(const std::string& text)
{
    std::string escaped;
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

inline std::string text_content(const std::vector<std::string>& lines, double font_size)
{
    std::string content = cat("BT /F1 ", number(font_size), " Tf ", number(font_size * 1.5), " TL 72 760 Td\n");
    for (const auto& line : lines)
        content += cat("(", pdf_escape(line), ") Tj T*\n");
    return content + "ET\n";
}

// Assembles a PDF from object bodies (object i+1 = bodies[i]) with a correct xref.
inline std::string assemble_pdf(const std::vector<std::string>& bodies)
{
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += cat(number(i + 1), " 0 obj\n", bodies[i], "\nendobj\n");
    }
    const std::size_t xref = pdf.size();
    pdf += cat("xref\n0 ", number(bodies.size() + 1), "\n0000000000 65535 f \n");
    for (std::size_t offset : offsets) {
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += cat("trailer\n<< /Size ", number(bodies.size() + 1), " /Root 1 0 R >>\nstartxref\n", number(xref),
               "\n%%EOF\n");
    return pdf;
}

inline std::string stream_object(const std::string& dictionary_entries, const std::string& data)
{
    return cat("<< ", dictionary_entries, " /Length ", number(data.size()), " >>\nstream\n", data, "\nendstream");
}

inline const char* const kHelvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

// One page per entry of `pages`; an empty entry makes an empty page.
// Objects: 1 catalog, 2 page tree, 3 font, then page + content per page.
inline std::string make_text_pdf(const std::vector<std::vector<std::string>>& pages, double font_size = 16,
                                 double width = kA4Width, double height = kA4Height)
{
    std::vector<std::string> bodies = {"<< /Type /Catalog /Pages 2 0 R >>", "", kHelvetica};
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::size_t page_object = 4 + 2 * i;
        kids += cat(number(page_object), " 0 R ");
        bodies.push_back(cat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ", number(width), " ", number(height),
                             "] /Resources << /Font << /F1 3 0 R >> >> /Contents ", number(page_object + 1),
                             " 0 R >>"));
        bodies.push_back(stream_object("", pages[i].empty() ? std::string() : text_content(pages[i], font_size)));
    }
    bodies[1] = cat("<< /Type /Pages /Kids [", kids, "] /Count ", number(pages.size()), " >>");
    return assemble_pdf(bodies);
}

// A one-page text PDF with a filled signature field, laid out as Acrobat and
// BSrE's signing tools write it: an AcroForm field /FT /Sig whose /V is a
// signature dictionary with /ByteRange and /Contents. The signature bytes are
// a placeholder: what matters to berkas is that the file says it is signed.
inline std::string make_signed_text_pdf(const std::vector<std::string>& lines)
{
    return assemble_pdf({"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] /SigFlags 3 >> >>",
                         "<< /Type /Pages /Kids [4 0 R] /Count 1 >>", kHelvetica,
                         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                         ">> /Contents 5 0 R /Annots [6 0 R] >>",
                         stream_object("", text_content(lines, 16)),
                         "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Tanda tangan) /Rect [0 0 0 0] /F 132 "
                         "/P 4 0 R /V 7 0 R >>",
                         cat("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
                             "/M (D:20250526090000+07'00') /ByteRange [0 1000 3000 500] /Contents <",
                             std::string(512, '0'), "> >>")});
}

} // namespace berkas::testing

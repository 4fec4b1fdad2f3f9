#include "typeset.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

namespace berkas::fixture {

namespace {

// Bézier control distance that approximates a quarter circle.
constexpr double kappa = 0.5523;

std::vector<std::string> split_words(std::string_view text)
{
    std::vector<std::string> words;
    std::istringstream stream {std::string(text)};
    for (std::string word; stream >> word;)
        words.push_back(word);
    return words;
}

std::string hex(HPDF_STATUS status)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%04X", static_cast<unsigned>(status));
    return buffer;
}

} // namespace

// ---- Canvas -----------------------------------------------------------------

Canvas::Canvas(HPDF_Page page, const FontSet& fonts)
    : m_page(page)
    , m_fonts(fonts)
    , m_height(HPDF_Page_GetHeight(page))
{
}

double Canvas::text_width(std::string_view text, Style style) const
{
    std::string copy(text);
    HPDF_TextWidth measured =
        HPDF_Font_TextWidth(font(style.face), reinterpret_cast<const HPDF_BYTE*>(copy.data()),
                            static_cast<HPDF_UINT>(copy.size()));
    // Glyph units are 1/1000 em; spacing follows every character, the last included.
    return measured.width * style.size / 1000.0 + measured.numchars * style.letter_spacing;
}

void Canvas::text(double x, double baseline, std::string_view text, Style style, Align align)
{
    std::string copy(text); // TextOut wants a NUL-terminated string
    if (align == Align::center)
        x -= text_width(copy, style) / 2;
    else if (align == Align::right)
        x -= text_width(copy, style);
    HPDF_Page_BeginText(m_page);
    HPDF_Page_SetFontAndSize(m_page, font(style.face), static_cast<HPDF_REAL>(style.size));
    HPDF_Page_SetCharSpace(m_page, static_cast<HPDF_REAL>(style.letter_spacing));
    HPDF_Page_TextOut(m_page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(pdf_y(baseline)), copy.c_str());
    HPDF_Page_EndText(m_page);
}

void Canvas::text_rotated(double x, double baseline, std::string_view text, Style style, double radians)
{
    std::string copy(text);
    auto c = static_cast<HPDF_REAL>(std::cos(radians));
    auto s = static_cast<HPDF_REAL>(std::sin(radians));
    HPDF_Page_BeginText(m_page);
    HPDF_Page_SetFontAndSize(m_page, font(style.face), static_cast<HPDF_REAL>(style.size));
    HPDF_Page_SetCharSpace(m_page, static_cast<HPDF_REAL>(style.letter_spacing));
    HPDF_Page_SetTextMatrix(m_page, c, s, -s, c, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(pdf_y(baseline)));
    HPDF_Page_ShowText(m_page, copy.c_str());
    HPDF_Page_EndText(m_page);
}

// Word spacing (Tw) does not apply to two-byte CID text, so justified lines
// are drawn word by word with the spare width spread over the gaps.
void Canvas::draw_line_of_words(double x, double baseline, double width, const std::string& line, Style style,
                                bool justify)
{
    std::vector<std::string> words = split_words(line);
    if (!justify || words.size() < 2) {
        text(x, baseline, line, style);
        return;
    }
    double used = 0;
    for (const std::string& word : words)
        used += text_width(word, style);
    double gap = (width - used) / static_cast<double>(words.size() - 1);
    for (const std::string& word : words) {
        text(x, baseline, word, style);
        x += text_width(word, style) + gap;
    }
}

double Canvas::paragraph(double x, double baseline, double width, std::string_view text_to_wrap, Style style,
                         double leading, Align align, double first_line_indent)
{
    std::vector<std::string> words = split_words(text_to_wrap);
    std::string line;
    double indent = first_line_indent;
    auto flush = [&](bool last) {
        if (align == Align::center || align == Align::right)
            text(align == Align::center ? x + width / 2 : x + width, baseline, line, style, align);
        else
            draw_line_of_words(x + indent, baseline, width - indent, line, style, align == Align::justify && !last);
        baseline += leading;
        indent = 0;
        line.clear();
    };
    for (const std::string& word : words) {
        std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && text_width(candidate, style) > width - indent)
            flush(false);
        line = line.empty() ? word : line + " " + word;
    }
    if (!line.empty())
        flush(true);
    return baseline;
}

double Canvas::label_row(const LabelColumns& columns, double baseline, std::string_view label, std::string_view value,
                         Style label_style, Style value_style, double leading)
{
    text(columns.label_x, baseline, label, label_style);
    text(columns.colon_x, baseline, ":", label_style);
    return paragraph(columns.value_x, baseline, columns.right - columns.value_x, value, value_style, leading,
                     Align::left);
}

void Canvas::set_gray(double gray)
{
    HPDF_Page_SetGrayFill(m_page, static_cast<HPDF_REAL>(gray));
    HPDF_Page_SetGrayStroke(m_page, static_cast<HPDF_REAL>(gray));
}

void Canvas::line(Point from, Point to, double width)
{
    HPDF_Page_SetLineWidth(m_page, static_cast<HPDF_REAL>(width));
    HPDF_Page_MoveTo(m_page, static_cast<HPDF_REAL>(from.x), static_cast<HPDF_REAL>(pdf_y(from.y)));
    HPDF_Page_LineTo(m_page, static_cast<HPDF_REAL>(to.x), static_cast<HPDF_REAL>(pdf_y(to.y)));
    HPDF_Page_Stroke(m_page);
}

void Canvas::rectangle(double x, double top, double width, double height, double line_width)
{
    HPDF_Page_SetLineWidth(m_page, static_cast<HPDF_REAL>(line_width));
    HPDF_Page_Rectangle(m_page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(pdf_y(top + height)),
                        static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(height));
    HPDF_Page_Stroke(m_page);
}

void Canvas::fill_rectangle(double x, double top, double width, double height)
{
    HPDF_Page_Rectangle(m_page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(pdf_y(top + height)),
                        static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(height));
    HPDF_Page_Fill(m_page);
}

void Canvas::rounded_rectangle(double x, double top, double width, double height, double radius,
                               double line_width)
{
    auto px = [](double v) { return static_cast<HPDF_REAL>(v); };
    double left = x, right = x + width;
    double upper = pdf_y(top), lower = pdf_y(top + height);
    double k = radius * kappa;
    HPDF_Page_SetLineWidth(m_page, px(line_width));
    HPDF_Page_MoveTo(m_page, px(left + radius), px(upper));
    HPDF_Page_LineTo(m_page, px(right - radius), px(upper));
    HPDF_Page_CurveTo(m_page, px(right - radius + k), px(upper), px(right), px(upper - radius + k), px(right),
                      px(upper - radius));
    HPDF_Page_LineTo(m_page, px(right), px(lower + radius));
    HPDF_Page_CurveTo(m_page, px(right), px(lower + radius - k), px(right - radius + k), px(lower),
                      px(right - radius), px(lower));
    HPDF_Page_LineTo(m_page, px(left + radius), px(lower));
    HPDF_Page_CurveTo(m_page, px(left + radius - k), px(lower), px(left), px(lower + radius - k), px(left),
                      px(lower + radius));
    HPDF_Page_LineTo(m_page, px(left), px(upper - radius));
    HPDF_Page_CurveTo(m_page, px(left), px(upper - radius + k), px(left + radius - k), px(upper), px(left + radius),
                      px(upper));
    HPDF_Page_Stroke(m_page);
}

void Canvas::fill_ellipse(Point centre, double radius_x, double radius_y)
{
    HPDF_Page_Ellipse(m_page, static_cast<HPDF_REAL>(centre.x), static_cast<HPDF_REAL>(pdf_y(centre.y)),
                      static_cast<HPDF_REAL>(radius_x), static_cast<HPDF_REAL>(radius_y));
    HPDF_Page_Fill(m_page);
}

void Canvas::circle(Point centre, double radius, double line_width)
{
    HPDF_Page_SetLineWidth(m_page, static_cast<HPDF_REAL>(line_width));
    HPDF_Page_Circle(m_page, static_cast<HPDF_REAL>(centre.x), static_cast<HPDF_REAL>(pdf_y(centre.y)),
                     static_cast<HPDF_REAL>(radius));
    HPDF_Page_Stroke(m_page);
}

void Canvas::curve(Point from, Point control1, Point control2, Point to, double width)
{
    auto px = [](double v) { return static_cast<HPDF_REAL>(v); };
    HPDF_Page_SetLineWidth(m_page, px(width));
    HPDF_Page_SetLineCap(m_page, HPDF_ROUND_END);
    HPDF_Page_MoveTo(m_page, px(from.x), px(pdf_y(from.y)));
    HPDF_Page_CurveTo(m_page, px(control1.x), px(pdf_y(control1.y)), px(control2.x), px(pdf_y(control2.y)),
                      px(to.x), px(pdf_y(to.y)));
    HPDF_Page_Stroke(m_page);
}

// ---- PdfDocument ------------------------------------------------------------

PdfDocument::PdfDocument()
    : m_doc(HPDF_New(&PdfDocument::record_error, this))
{
    if (m_doc)
        HPDF_SetCompressionMode(m_doc, HPDF_COMP_ALL);
}

PdfDocument::~PdfDocument()
{
    if (m_doc)
        HPDF_Free(m_doc);
}

void PdfDocument::record_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) noexcept
{
    auto* document = static_cast<PdfDocument*>(self);
    if (document->m_error == HPDF_OK) { // the first error explains the rest
        document->m_error = error;
        document->m_detail = detail;
    }
}

Result<void> PdfDocument::check(std::string_view what) const
{
    if (!m_doc)
        return failure("libharu: cannot create a document (out of memory?)");
    if (m_error != HPDF_OK)
        return failure("libharu error " + hex(m_error) + " (detail " + std::to_string(m_detail) + ") while " +
                       std::string(what));
    return {};
}

Result<void> PdfDocument::load_fonts()
{
    static constexpr std::array<const char*, 4> files {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                                                       "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"};
    if (auto ok = check("creating the document"); !ok)
        return ok;
    HPDF_UseUTFEncodings(m_doc);
    HPDF_SetCurrentEncoder(m_doc, "UTF-8");
    for (size_t i = 0; i < files.size(); ++i) {
        std::string path = std::string(BERKAS_FIXTURE_FONT_DIR) + "/" + files[i];
        const char* name = HPDF_LoadTTFontFromFile(m_doc, path.c_str(), HPDF_TRUE);
        m_fonts[i] = name ? HPDF_GetFont(m_doc, name, "UTF-8") : nullptr;
        if (!m_fonts[i])
            return failure("cannot load font " + path + (m_error ? " (libharu error " + hex(m_error) + ")" : ""));
    }
    return check("loading fonts");
}

Result<Canvas> PdfDocument::add_a4_page()
{
    HPDF_Page page = m_doc ? HPDF_AddPage(m_doc) : nullptr;
    if (!page)
        return failure("libharu: cannot add a page");
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    if (auto ok = check("adding a page"); !ok)
        return tl::unexpected(ok.error());
    return Canvas(page, m_fonts);
}

Result<void> PdfDocument::add_jpeg_page(std::string_view jpeg, int dpi)
{
    if (auto ok = check("adding a scanned page"); !ok)
        return ok;
    // Returns NULL on garbage without calling the error handler (pitfall 4).
    HPDF_Image image = HPDF_LoadJpegImageFromMem(m_doc, reinterpret_cast<const HPDF_BYTE*>(jpeg.data()),
                                                 static_cast<HPDF_UINT>(jpeg.size()));
    HPDF_Page page = image ? HPDF_AddPage(m_doc) : nullptr;
    if (!page)
        return failure("libharu: cannot embed the JPEG scan");
    auto width = static_cast<HPDF_REAL>(HPDF_Image_GetWidth(image) * 72.0 / dpi);
    auto height = static_cast<HPDF_REAL>(HPDF_Image_GetHeight(image) * 72.0 / dpi);
    HPDF_Page_SetWidth(page, width);
    HPDF_Page_SetHeight(page, height);
    HPDF_Page_DrawImage(page, image, 0, 0, width, height);
    return check("drawing a scanned page");
}

Result<void> PdfDocument::add_bilevel_page(std::string_view bits, int width, int height, int dpi)
{
    if (auto ok = check("adding a bilevel page"); !ok)
        return ok;
    HPDF_Image image = HPDF_LoadRawImageFromMem(m_doc, reinterpret_cast<const HPDF_BYTE*>(bits.data()),
                                                static_cast<HPDF_UINT>(width), static_cast<HPDF_UINT>(height),
                                                HPDF_CS_DEVICE_GRAY, 1);
    HPDF_Page page = image ? HPDF_AddPage(m_doc) : nullptr;
    if (!page)
        return failure("libharu: cannot embed the bilevel scan");
    auto page_width = static_cast<HPDF_REAL>(width * 72.0 / dpi);
    auto page_height = static_cast<HPDF_REAL>(height * 72.0 / dpi);
    HPDF_Page_SetWidth(page, page_width);
    HPDF_Page_SetHeight(page, page_height);
    HPDF_Page_DrawImage(page, image, 0, 0, page_width, page_height);
    return check("drawing a bilevel page");
}

void PdfDocument::set_info(std::string_view title, const Date& date)
{
    if (!m_doc)
        return;
    HPDF_Date stamp {date.year, date.month, date.day, 9, 0, 0, '+', 7, 0}; // WIB
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_TITLE, std::string(title).c_str());
    HPDF_SetInfoAttr(m_doc, HPDF_INFO_CREATOR, "berkas-fixture (synthetic test document)");
    HPDF_SetInfoDateAttr(m_doc, HPDF_INFO_CREATION_DATE, stamp);
    HPDF_SetInfoDateAttr(m_doc, HPDF_INFO_MOD_DATE, stamp);
}

Result<std::string> PdfDocument::save()
{
    if (auto ok = check("building the document"); !ok)
        return tl::unexpected(ok.error());
    if (HPDF_SaveToStream(m_doc) != HPDF_OK) {
        auto ok = check("saving");
        return failure(ok ? "libharu: cannot save" : ok.error());
    }
    std::string bytes(HPDF_GetStreamSize(m_doc), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    // Reading to the end may report HPDF_STREAM_EOF to the handler; the
    // document is complete by then, so only the byte count matters.
    HPDF_ReadFromStream(m_doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    if (size != bytes.size())
        return failure("libharu: short read from the output stream");
    return bytes;
}

} // namespace berkas::fixture

#include "generation/pdf_writer.hpp"

#include "generation/qr_code.hpp"
#include "util/text.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <map>

namespace berkas::generation {

namespace {

// libharu reports errors through a C callback. It must not throw through C, so it
// only records the first error; every call site checks the state afterwards.
struct HaruError {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void record_haru_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept
{
    auto* error = static_cast<HaruError*>(user_data);
    // Reading the finished memory stream ends with an end-of-stream "error".
    if (code == HPDF_STREAM_EOF || error->code != HPDF_OK)
        return;
    error->code = code;
    error->detail = detail;
}

std::string hex(HPDF_STATUS value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%04lX", static_cast<unsigned long>(value));
    return text;
}

class HaruMeasure final : public TextMeasure {
public:
    HPDF_Font regular = nullptr;
    HPDF_Font bold = nullptr;

    double width(std::string_view text, Face face, double size) const override
    {
        HPDF_TextWidth measured = HPDF_Font_TextWidth(face == Face::bold ? bold : regular,
                                                      reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                                      static_cast<HPDF_UINT>(text.size()));
        return static_cast<double>(measured.width) * size / 1000.0;
    }
};

HPDF_Date to_pdf_date(const CalendarDate& date)
{
    HPDF_Date pdf_date {};
    pdf_date.year = date.year;
    pdf_date.month = date.month;
    pdf_date.day = date.day;
    pdf_date.ind = 'Z';
    return pdf_date;
}

} // namespace

struct PdfWriter::State {
    HaruError error;
    HPDF_Doc pdf = nullptr;
    HaruMeasure measure;
    std::map<std::string, HPDF_Image> images;

    bool failed() const { return error.code != HPDF_OK; }

    tl::unexpected<Error> failure(const std::string& doing, const std::string& file = {}) const
    {
        return make_error("pdf", "libharu failed while " + doing + " (error " + hex(error.code) + ", detail " +
                                     std::to_string(error.detail) + ")",
                          file);
    }
};

PdfWriter::PdfWriter(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

PdfWriter::~PdfWriter()
{
    if (m_state && m_state->pdf)
        HPDF_Free(m_state->pdf);
}

const TextMeasure& PdfWriter::measure() const
{
    return m_state->measure;
}

Expected<std::unique_ptr<PdfWriter>> PdfWriter::open(const FontFiles& fonts)
{
    auto state = std::make_unique<State>();
    state->pdf = HPDF_New(record_haru_error, &state->error);
    if (!state->pdf)
        return make_error("pdf", "libharu cannot create a document (out of memory)");
    std::unique_ptr<PdfWriter> writer(new PdfWriter(std::move(state)));
    State& s = *writer->m_state;
    HPDF_SetCompressionMode(s.pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(s.pdf);
    HPDF_SetCurrentEncoder(s.pdf, "UTF-8");
    if (s.failed())
        return s.failure("setting up UTF-8");
    for (auto [path, font] : {std::pair {&fonts.regular, &s.measure.regular}, std::pair {&fonts.bold, &s.measure.bold}}) {
        const char* name = HPDF_LoadTTFontFromFile(s.pdf, path->c_str(), HPDF_TRUE);
        *font = name ? HPDF_GetFont(s.pdf, name, "UTF-8") : nullptr;
        if (s.failed() || !*font)
            return s.failure("loading a font", path->string());
    }
    return writer;
}

namespace {

void draw_boxes(HPDF_Page page, const std::vector<Box>& boxes)
{
    for (const Box& box : boxes) {
        // Graphics state first: libharu refuses it while a path is being built.
        HPDF_Page_SetLineWidth(page, box.line_width);
        if (box.fill_gray >= 0)
            HPDF_Page_SetGrayFill(page, box.fill_gray);
        HPDF_Page_Rectangle(page, box.x, box.y, box.width, box.height);
        if (box.fill_gray >= 0) {
            HPDF_Page_FillStroke(page);
            HPDF_Page_SetGrayFill(page, 0);
        } else {
            HPDF_Page_Stroke(page);
        }
    }
}

void draw_segments(HPDF_Page page, const std::vector<Segment>& segments)
{
    for (const Segment& segment : segments) {
        HPDF_Page_SetLineWidth(page, segment.line_width);
        HPDF_Page_MoveTo(page, segment.x1, segment.y1);
        HPDF_Page_LineTo(page, segment.x2, segment.y2);
        HPDF_Page_Stroke(page);
    }
}

void draw_checks(HPDF_Page page, const std::vector<CheckMark>& checks)
{
    if (checks.empty())
        return;
    HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    for (const CheckMark& check : checks) {
        HPDF_Page_SetLineWidth(page, check.size * 0.14);
        HPDF_Page_MoveTo(page, check.x + 0.18 * check.size, check.y + 0.52 * check.size);
        HPDF_Page_LineTo(page, check.x + 0.42 * check.size, check.y + 0.22 * check.size);
        HPDF_Page_LineTo(page, check.x + 0.86 * check.size, check.y + 0.84 * check.size);
        HPDF_Page_Stroke(page);
    }
    HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
    HPDF_Page_SetLineJoin(page, HPDF_MITER_JOIN);
}

// All dark modules become rectangles of one path, filled once.
Expected<void> draw_qr_codes(HPDF_Page page, const std::vector<QrSymbol>& codes)
{
    for (const QrSymbol& code : codes) {
        auto matrix = encode_qr(code.payload);
        if (!matrix)
            return tl::unexpected(matrix.error());
        HPDF_Page_SetGrayFill(page, 0); // colour first: it cannot change while a path is open
        double module = code.size / (matrix->width + 2 * qr_quiet_zone_modules);
        double origin_x = code.x + qr_quiet_zone_modules * module;
        double origin_top = code.y + code.size - qr_quiet_zone_modules * module;
        for (int row = 0; row < matrix->width; ++row) {
            for (int column = 0; column < matrix->width; ++column) {
                if (matrix->is_dark(row, column))
                    HPDF_Page_Rectangle(page, origin_x + column * module, origin_top - (row + 1) * module, module,
                                        module);
            }
        }
        HPDF_Page_Fill(page);
    }
    return {};
}

void draw_texts(HPDF_Page page, const std::vector<TextRun>& texts, const HaruMeasure& fonts)
{
    if (texts.empty())
        return;
    HPDF_Page_BeginText(page);
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    for (const TextRun& run : texts) {
        HPDF_Font font = run.face == Face::bold ? fonts.bold : fonts.regular;
        if (font != current_font || run.size != current_size) {
            HPDF_Page_SetFontAndSize(page, font, run.size);
            current_font = font;
            current_size = run.size;
        }
        HPDF_Page_TextOut(page, run.x, run.baseline, run.text.c_str());
    }
    HPDF_Page_EndText(page);
}

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions)
{
    std::string extension = to_lower_ascii(std::filesystem::path(path).extension().string());
    for (const char* candidate : extensions) {
        if (extension == candidate)
            return true;
    }
    return false;
}

Expected<HPDF_Image> load_picture(HPDF_Doc pdf, const HaruError& error, const std::string& path)
{
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(path, ignored))
        return make_error("logo", "logo file not found", path);
    HPDF_Image image = nullptr;
    if (has_extension(path, {".png"}))
        image = HPDF_LoadPngImageFromFile(pdf, path.c_str());
    else if (has_extension(path, {".jpg", ".jpeg"}))
        image = HPDF_LoadJpegImageFromFile(pdf, path.c_str());
    else
        return make_error("logo", "the logo must be a PNG or JPEG file", path);
    if (!image || error.code != HPDF_OK)
        return make_error("logo", "cannot read the logo image (error " + hex(error.code) + ")", path);
    return image;
}

Expected<void> draw_pictures(HPDF_Doc pdf, HPDF_Page page, const HaruError& error,
                             std::map<std::string, HPDF_Image>& cache, const std::vector<Picture>& pictures)
{
    for (const Picture& picture : pictures) {
        if (!cache.count(picture.path)) {
            auto image = load_picture(pdf, error, picture.path);
            if (!image)
                return tl::unexpected(image.error());
            cache[picture.path] = *image;
        }
        HPDF_Image image = cache[picture.path];
        double width = HPDF_Image_GetWidth(image);
        double height = HPDF_Image_GetHeight(image);
        double scale = picture.size / std::max(width, height);
        double drawn_width = width * scale;
        double drawn_height = height * scale;
        HPDF_Page_DrawImage(page, image, picture.x + (picture.size - drawn_width) / 2,
                            picture.y + (picture.size - drawn_height) / 2, drawn_width, drawn_height);
    }
    return {};
}

// A picture of a page the case came with. One that cannot be read (removed from
// the state folder, damaged) leaves its frame empty: the sheet is still useful.
HPDF_Image load_thumbnail(HPDF_Doc pdf, HaruError& error, const std::string& path)
{
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(path, ignored) || !has_extension(path, {".png", ".jpg", ".jpeg"}))
        return nullptr;
    HPDF_Image image = has_extension(path, {".png"}) ? HPDF_LoadPngImageFromFile(pdf, path.c_str())
                                                     : HPDF_LoadJpegImageFromFile(pdf, path.c_str());
    if (!image || error.code != HPDF_OK) {
        HPDF_ResetError(pdf);
        error = HaruError {};
        return nullptr;
    }
    return image;
}

void draw_thumbnails(HPDF_Doc pdf, HPDF_Page page, HaruError& error, std::map<std::string, HPDF_Image>& cache,
                     const std::vector<Thumbnail>& thumbnails)
{
    for (const Thumbnail& thumbnail : thumbnails) {
        if (!cache.count(thumbnail.path))
            cache[thumbnail.path] = load_thumbnail(pdf, error, thumbnail.path);
        HPDF_Image image = cache[thumbnail.path];
        if (image == nullptr)
            continue;
        double width = HPDF_Image_GetWidth(image);
        double height = HPDF_Image_GetHeight(image);
        double shown_height = thumbnail.top_half ? height / 2 : height;
        double scale = std::min(thumbnail.width / width, thumbnail.height / shown_height);
        double drawn_width = width * scale;
        double x = thumbnail.x + (thumbnail.width - drawn_width) / 2;
        double shown_top = thumbnail.y + (thumbnail.height + shown_height * scale) / 2;
        // The picture's top sits at the top of what is shown; a clip hides the rest.
        HPDF_Page_GSave(page);
        HPDF_Page_Rectangle(page, x, shown_top - shown_height * scale, drawn_width, shown_height * scale);
        HPDF_Page_Clip(page);
        HPDF_Page_EndPath(page);
        HPDF_Page_DrawImage(page, image, x, shown_top - height * scale, drawn_width, height * scale);
        HPDF_Page_GRestore(page);
    }
}

} // namespace

Expected<std::string> PdfWriter::write(const LaidOutDocument& document, const CalendarDate& date)
{
    State& s = *m_state;
    for (const LaidOutPage& laid_out : document.pages) {
        HPDF_Page page = HPDF_AddPage(s.pdf);
        if (!page)
            return s.failure("adding a page");
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        draw_boxes(page, laid_out.boxes);
        draw_segments(page, laid_out.segments);
        draw_checks(page, laid_out.checks);
        if (auto drawn = draw_qr_codes(page, laid_out.qr_codes); !drawn)
            return tl::unexpected(drawn.error());
        if (auto drawn = draw_pictures(s.pdf, page, s.error, s.images, laid_out.pictures); !drawn)
            return tl::unexpected(drawn.error());
        draw_thumbnails(s.pdf, page, s.error, s.images, laid_out.thumbnails);
        draw_texts(page, laid_out.texts, s.measure);
        if (s.failed())
            return s.failure("drawing page " + std::to_string(&laid_out - document.pages.data() + 1));
    }
    const std::pair<HPDF_InfoType, const std::string*> info[] = {
        {HPDF_INFO_TITLE, &document.metadata.title},     {HPDF_INFO_SUBJECT, &document.metadata.subject},
        {HPDF_INFO_AUTHOR, &document.metadata.author},   {HPDF_INFO_CREATOR, &document.metadata.creator},
        {HPDF_INFO_KEYWORDS, &document.metadata.keywords},
    };
    for (const auto& [type, value] : info) {
        if (!value->empty())
            HPDF_SetInfoAttr(s.pdf, type, value->c_str());
    }
    HPDF_SetInfoDateAttr(s.pdf, HPDF_INFO_CREATION_DATE, to_pdf_date(date));
    HPDF_SetInfoDateAttr(s.pdf, HPDF_INFO_MOD_DATE, to_pdf_date(date));
    if (s.failed())
        return s.failure("setting the document information");

    HPDF_SaveToStream(s.pdf);
    std::string bytes(HPDF_GetStreamSize(s.pdf), '\0');
    auto length = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(s.pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &length);
    if (s.failed() || length != bytes.size())
        return s.failure("writing the PDF to memory");
    return bytes;
}

} // namespace berkas::generation

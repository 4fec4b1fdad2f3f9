#pragma once
// A thin, error-safe layer over libharu 2.3.0 (PDF-OCR.md §5): embedded
// Liberation TrueType fonts with UTF-8 text, a top-down coordinate system for
// layouts, wrapped and justified paragraphs, and image-only pages for scans.
//
// libharu's error state is sticky and its callbacks are C: the handler only
// records the first error, every returned handle is checked, and save() fails
// the whole document if anything went wrong. Nothing throws through the library.
#include "calendar.hpp"
#include "result.hpp"

#include <hpdf.h>

#include <array>
#include <string>
#include <string_view>

namespace berkas::fixture {

constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

constexpr double a4_width = 595.276;
constexpr double a4_height = 841.89;

enum class Face { serif, serif_bold, sans, sans_bold };
enum class Align { left, center, right, justify };

struct Style {
    Face face = Face::serif;
    double size = 12;
    double letter_spacing = 0; // extra points after every character
};

// Where the parts of a "Label : value" row go; the value wraps before `right`.
struct LabelColumns {
    double label_x = 0;
    double colon_x = 0;
    double value_x = 0;
    double right = 0;
};

struct Point {
    double x = 0;
    double y = 0; // from the top edge
};

using FontSet = std::array<HPDF_Font, 4>; // indexed by Face

// Draws on one page. All y coordinates are measured downwards from the top edge
// of the page, as on a paper layout; text positions are baselines.
class Canvas {
public:
    Canvas(HPDF_Page page, const FontSet& fonts);

    double text_width(std::string_view text, Style style) const;
    // Align::center centres on x, Align::right ends at x; justify acts as left.
    void text(double x, double baseline, std::string_view text, Style style, Align align = Align::left);
    void text_rotated(double x, double baseline, std::string_view text, Style style, double radians);
    // Returns the baseline of the line after the paragraph.
    double paragraph(double x, double baseline, double width, std::string_view text, Style style, double leading,
                     Align align = Align::justify, double first_line_indent = 0);
    double label_row(const LabelColumns& columns, double baseline, std::string_view label, std::string_view value,
                     Style label_style, Style value_style, double leading);

    void set_gray(double gray); // 0 black … 1 white, for strokes, fills and text
    void line(Point from, Point to, double width);
    void rectangle(double x, double top, double width, double height, double line_width);
    void fill_rectangle(double x, double top, double width, double height);
    void rounded_rectangle(double x, double top, double width, double height, double radius, double line_width);
    void fill_ellipse(Point centre, double radius_x, double radius_y);
    void circle(Point centre, double radius, double line_width);
    void curve(Point from, Point control1, Point control2, Point to, double width);

private:
    double pdf_y(double top) const { return m_height - top; }
    HPDF_Font font(Face face) const { return m_fonts[static_cast<size_t>(face)]; }
    void draw_line_of_words(double x, double baseline, double width, const std::string& line, Style style,
                            bool justify);

    HPDF_Page m_page;
    FontSet m_fonts;
    double m_height;
};

class PdfDocument {
public:
    PdfDocument();
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    Result<void> load_fonts();
    Result<Canvas> add_a4_page();
    // One page exactly the size of the image at `dpi`, showing it edge to edge.
    Result<void> add_jpeg_page(std::string_view jpeg, int dpi);
    // The same for a 1-bit image: bytes MSB first, rows padded, 0 = black.
    Result<void> add_bilevel_page(std::string_view bits, int width, int height, int dpi);
    // Fixed metadata: libharu adds no dates of its own, so the output only depends on these.
    void set_info(std::string_view title, const Date& date);
    Result<std::string> save();

private:
    static void record_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) noexcept;
    Result<void> check(std::string_view what) const;

    HPDF_Doc m_doc = nullptr;
    HPDF_STATUS m_error = HPDF_OK;
    HPDF_STATUS m_detail = HPDF_OK;
    FontSet m_fonts {};
};

} // namespace berkas::fixture

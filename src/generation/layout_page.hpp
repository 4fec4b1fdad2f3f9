#pragma once
// Internal to the layout (not part of layout.hpp): the page cursor that block placement
// writes through. It knows the page geometry, renders template text, wraps and places
// lines, and starts a new page when the next thing does not fit.
#include "generation/layout.hpp"
#include "generation/text_wrap.hpp"
#include "util/text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::generation {

// Between a label and what follows it, or between side-by-side parts of a block.
inline constexpr double column_gap = 5 * points_per_mm;

inline bool is_blank(const std::string& text)
{
    return trim(text).empty();
}

class PageCursor {
public:
    PageCursor(const DocumentTemplate& document, const TemplateData& data, const TextMeasure& measure)
        : m_document(document), m_page(document.page), m_data(data), m_measure(measure)
    {
    }

protected:
    // ── page geometry ──────────────────────────────────────────────────────────
    double left() const { return m_page.margin_left; }
    double right() const { return a4_width - m_page.margin_right; }
    double text_width() const { return right() - left(); }
    double top() const { return a4_height - m_page.margin_top; }
    double usable_height() const { return top() - m_page.margin_bottom; }

    // The x at which a block `block_width` wide starts when aligned in the text width.
    double block_x(Align align, double block_width) const;

    LaidOutPage& page() { return m_pages.back(); }

    void start_page();
    bool fits(double height) const { return m_y - height >= m_page.margin_bottom - 0.01; }
    // Moves to a new page unless `height` fits here; a fresh page takes anything.
    void make_room(double height);
    void advance(double height);

    // ── text ───────────────────────────────────────────────────────────────────
    // Renders a template; the first failure is kept as the error of the whole layout.
    std::string render(const std::string& text, const TemplateData* item = nullptr);
    // The list named in a template, e.g. "requirements"; a typo is an error, not an empty list.
    const TemplateData* data_list(const std::string& name, const std::string& key);

    double font_size(double requested) const { return requested > 0 ? requested : m_page.font_size; }
    double line_height(double size) const { return size * m_page.line_height; }
    // Baseline of a line whose box starts at `line_top`: the glyphs sit visually centred.
    double baseline_in(double line_top, double size) const
    {
        return line_top - (line_height(size) - size) / 2 - 0.78 * size;
    }
    double checkbox_size(double size) const { return 0.72 * size; }

    double width(std::string_view text, Face face, double size) const { return m_measure.width(text, face, size); }
    std::vector<WrappedLine> wrap(const std::string& text, double max_width, Face face, double size) const;

    void add_text(double x, double baseline, std::string text, Face face, double size);
    void add_underline(double x, double baseline, double length, double size);
    // Places one wrapped line in the span [x, x + span].
    void place_line(const WrappedLine& line, double x, double span, double baseline, Face face, double size,
                    Align align, bool underline = false);
    void place_justified(const std::string& text, double x, double span, double baseline, Face face, double size);
    // Places lines one by one, continuing on the next page when needed.
    void flow_lines(const std::vector<WrappedLine>& lines, double x, double span, Face face, double size, Align align,
                    bool underline = false);

    // ── whole document ─────────────────────────────────────────────────────────
    void add_footers();
    RenderedMetadata render_metadata();

    const DocumentTemplate& m_document;
    const PageSetup& m_page;
    const TemplateData& m_data;
    const TextMeasure& m_measure;
    std::vector<LaidOutPage> m_pages;
    double m_y = 0;
    bool m_page_is_empty = true;
    std::optional<Error> m_error;
};

} // namespace berkas::generation

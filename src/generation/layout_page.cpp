#include "generation/layout_page.hpp"

#include <algorithm>

namespace berkas::generation {

double PageCursor::block_x(Align align, double block_width) const
{
    return align == Align::right ? right() - block_width
           : align == Align::center ? left() + (text_width() - block_width) / 2
                                     : left();
}

void PageCursor::start_page()
{
    m_pages.emplace_back();
    m_y = top();
    m_page_is_empty = true;
}

void PageCursor::make_room(double height)
{
    if (!fits(height) && !m_page_is_empty)
        start_page();
}

void PageCursor::advance(double height)
{
    m_y -= height;
    m_page_is_empty = false;
}

std::string PageCursor::render(const std::string& text, const TemplateData* item)
{
    auto rendered = render_template(text, m_data, item);
    if (!rendered) {
        if (!m_error) {
            m_error = rendered.error();
            m_error->file = m_document.file;
        }
        return {};
    }
    return sanitize_utf8(*rendered);
}

const TemplateData* PageCursor::data_list(const std::string& name, const std::string& key)
{
    const TemplateData* list = find_value(m_data, trim(name));
    if ((list == nullptr || !list->is_list()) && !m_error)
        m_error = Error {"template", "'" + name + "' is not a list in the document data", m_document.file, key};
    return list != nullptr && list->is_list() ? list : nullptr;
}

std::vector<WrappedLine> PageCursor::wrap(const std::string& text, double max_width, Face face, double size) const
{
    return wrap_text(text, max_width, [&](std::string_view part) { return width(part, face, size); });
}

void PageCursor::add_text(double x, double baseline, std::string text, Face face, double size)
{
    if (!text.empty())
        page().texts.push_back({x, baseline, std::move(text), face, size});
}

void PageCursor::add_underline(double x, double baseline, double length, double size)
{
    double y = baseline - 0.12 * size;
    page().segments.push_back({x, y, x + length, y, std::max(0.5, 0.05 * size)});
}

// Justified lines are set word by word: libharu's word spacing (Tw) has no effect on
// two-byte Identity-H fonts.
void PageCursor::place_line(const WrappedLine& line, double x, double span, double baseline, Face face, double size,
                            Align align, bool underline)
{
    double line_width = width(line.text, face, size);
    if (align == Align::justify && !line.ends_paragraph) {
        place_justified(line.text, x, span, baseline, face, size);
        return;
    }
    double start = align == Align::center ? x + (span - line_width) / 2
                   : align == Align::right ? x + span - line_width
                                           : x;
    add_text(start, baseline, line.text, face, size);
    if (underline)
        add_underline(start, baseline, line_width, size);
}

void PageCursor::place_justified(const std::string& text, double x, double span, double baseline, Face face,
                                 double size)
{
    std::vector<std::string> words = split_words(text);
    if (words.size() < 2) {
        add_text(x, baseline, text, face, size);
        return;
    }
    double words_width = 0;
    for (const std::string& word : words)
        words_width += width(word, face, size);
    double gap = (span - words_width) / static_cast<double>(words.size() - 1);
    for (const std::string& word : words) {
        double word_width = width(word, face, size);
        add_text(x, baseline, word, face, size);
        x += word_width + gap;
    }
}

void PageCursor::flow_lines(const std::vector<WrappedLine>& lines, double x, double span, Face face, double size,
                            Align align, bool underline)
{
    for (const WrappedLine& line : lines) {
        make_room(line_height(size));
        place_line(line, x, span, baseline_in(m_y, size), face, size, align, underline);
        advance(line_height(size));
    }
}

// Footers are added last, once the number of pages is known.
void PageCursor::add_footers()
{
    if (is_blank(m_document.footer))
        return;
    double size = 8;
    for (size_t i = 0; i < m_pages.size(); ++i) {
        TemplateData numbers;
        numbers.set("page", std::to_string(i + 1));
        numbers.set("pages", std::to_string(m_pages.size()));
        std::string footer = render(m_document.footer, &numbers);
        double footer_width = width(footer, Face::regular, size);
        m_pages[i].texts.push_back({left() + (text_width() - footer_width) / 2, m_page.margin_bottom / 2, footer,
                                    Face::regular, size});
    }
}

RenderedMetadata PageCursor::render_metadata()
{
    const DocumentMetadata& metadata = m_document.metadata;
    return {trim(render(metadata.title)), trim(render(metadata.subject)), trim(render(metadata.author)),
            trim(render(metadata.creator)), trim(render(metadata.keywords))};
}

} // namespace berkas::generation

// Places the blocks that are mostly running text: the letterhead (kop), headings,
// paragraphs, label–value fields, lists, check-box choices, spacers and page breaks.
#include "generation/layouter.hpp"

#include <algorithm>

namespace berkas::generation {

namespace {

// The text left after the first `word_count` words of its first line.
std::string remainder_after(const std::string& text, size_t word_count)
{
    size_t line_end = text.find('\n');
    std::string first_line = text.substr(0, line_end);
    std::vector<std::string> words = split_words(first_line);
    std::string rest;
    for (size_t i = word_count; i < words.size(); ++i) {
        if (!rest.empty())
            rest += ' ';
        rest += words[i];
    }
    if (line_end != std::string::npos) {
        if (!rest.empty())
            rest += '\n';
        rest += text.substr(line_end + 1);
    }
    return rest;
}

} // namespace

void Layouter::place(const KopBlock& kop)
{
    const TemplateData* logo = find_value(m_data, "office.logo_path");
    bool has_logo = logo != nullptr && logo->is_string() && !is_blank(logo->string_value());
    double text_left = has_logo ? left() + kop.logo_size + 3 * points_per_mm : left();
    double span = right() - text_left;
    double block_top = m_y;

    std::vector<std::string> letterhead;
    if (const TemplateData* lines = find_value(m_data, "office.letterhead"); lines && lines->is_list()) {
        for (const TemplateData& line : lines->list_value())
            letterhead.push_back(render("{{text}}", &line));
    }
    for (size_t i = 0; i < letterhead.size(); ++i) {
        bool emphasised = i + 1 == letterhead.size();
        double size = emphasised ? kop.emphasis_size : kop.line_size;
        Face face = emphasised ? Face::bold : Face::regular;
        flow_lines(wrap(letterhead[i], span, face, size), text_left, span, face, size, Align::center);
    }
    std::string address = render("{{office.address}}");
    flow_lines(wrap(address, span, Face::regular, kop.address_size), text_left, span, Face::regular,
               kop.address_size, Align::center);

    if (has_logo) {
        double logo_top = block_top - 1;
        page().pictures.push_back({left(), logo_top - kop.logo_size, kop.logo_size, logo->string_value()});
        m_y = std::min(m_y, logo_top - kop.logo_size);
    }
    // The double rule of a kop naskah dinas: a thick line over a thin one.
    double rule = m_y - 3;
    page().segments.push_back({left(), rule, right(), rule, 2.0});
    page().segments.push_back({left(), rule - 2.6, right(), rule - 2.6, 0.6});
    advance(m_y - (rule - 2.6) + 4 * points_per_mm);
}

void Layouter::place(const HeadingBlock& heading)
{
    double size = font_size(heading.size);
    Face face = heading.bold ? Face::bold : Face::regular;
    flow_lines(wrap(render(heading.text), text_width(), face, size), left(), text_width(), face, size,
               heading.align, heading.underline);
}

void Layouter::place(const ParagraphBlock& paragraph)
{
    double size = font_size(paragraph.size);
    Face face = paragraph.bold ? Face::bold : Face::regular;
    double x = left() + paragraph.indent;
    double span = right() - x;
    std::string text = render(paragraph.text);
    if (paragraph.first_line_indent == 0) {
        flow_lines(wrap(text, span, face, size), x, span, face, size, paragraph.align);
        return;
    }
    // The first line starts elsewhere, so it is wrapped on its own width.
    double first_x = x + paragraph.first_line_indent;
    std::vector<WrappedLine> first = wrap(text, right() - first_x, face, size);
    if (first.empty())
        return;
    flow_lines({first.front()}, first_x, right() - first_x, face, size, paragraph.align);
    std::string rest = remainder_after(text, split_words(first.front().text).size());
    flow_lines(wrap(rest, span, face, size), x, span, face, size, paragraph.align);
}

struct Layouter::FieldLines {
    std::vector<WrappedLine> label;
    std::vector<WrappedLine> value;
    Face face = Face::regular;
};

void Layouter::place(const FieldsBlock& fields)
{
    double size = font_size(fields.size);
    double x_label = left() + fields.indent;
    double x_colon = x_label + fields.label_width;
    double x_value = x_colon + width(":", Face::regular, size) + 4;
    bool has_qr = !fields.qr.empty() && !is_blank(render(fields.qr));
    double value_span = right() - x_value - (has_qr ? fields.qr_size + column_gap : 0);
    std::string aside = render(fields.aside);
    double aside_width = is_blank(aside) ? 0 : width(aside, Face::regular, size);

    std::vector<FieldLines> rows;
    for (const FieldRow& row : fields.rows) {
        if (!row.when.empty() && is_blank(render(row.when)))
            continue;
        Face face = row.bold ? Face::bold : Face::regular;
        double span = rows.empty() && aside_width > 0 ? value_span - aside_width - column_gap : value_span;
        rows.push_back({wrap(render(row.label), fields.label_width - 4, Face::regular, size),
                        wrap(render(row.value), span, face, size), face});
    }
    double total = 0;
    for (const FieldLines& row : rows)
        total += row_lines(row) * line_height(size);
    double block_height = std::max(total, has_qr ? fields.qr_size : 0.0);
    make_room(std::min(block_height, usable_height()));

    double block_top = m_y;
    if (has_qr)
        page().qr_codes.push_back({right() - fields.qr_size, block_top - fields.qr_size, fields.qr_size,
                                   render(fields.qr)});
    if (aside_width > 0)
        add_text(right() - aside_width - (has_qr ? fields.qr_size + column_gap : 0), baseline_in(m_y, size), aside,
                 Face::regular, size);
    for (const FieldLines& row : rows)
        place_field_row(row, x_label, x_colon, x_value, value_span, size);
    if (has_qr && m_y > block_top - fields.qr_size)
        advance(m_y - (block_top - fields.qr_size));
}

double Layouter::row_lines(const FieldLines& row)
{
    return static_cast<double>(std::max<size_t>({row.label.size(), row.value.size(), 1}));
}

void Layouter::place_field_row(const FieldLines& row, double x_label, double x_colon, double x_value,
                               double value_span, double size)
{
    double height = row_lines(row) * line_height(size);
    make_room(height);
    for (size_t i = 0; i < row.label.size(); ++i)
        place_line(row.label[i], x_label, x_colon - x_label, baseline_in(m_y - i * line_height(size), size),
                   Face::regular, size, Align::left);
    add_text(x_colon, baseline_in(m_y, size), ":", Face::regular, size);
    for (size_t i = 0; i < row.value.size(); ++i)
        place_line(row.value[i], x_value, value_span, baseline_in(m_y - i * line_height(size), size), row.face,
                   size, Align::left);
    advance(height);
}


void Layouter::place(const ListBlock& list)
{
    double size = font_size(list.size);
    std::vector<std::string> items;
    if (const TemplateData* data = data_list(list.items, "items")) {
        for (const TemplateData& item : data->list_value())
            items.push_back(render(list.item, &item));
    }
    if (items.empty() && is_blank(list.empty))
        return; // no "Tembusan:" without recipients
    double x = left() + list.indent;
    std::string title = render(list.title);
    if (!is_blank(title)) {
        make_room(2 * line_height(size));
        flow_lines(wrap(title, right() - x, Face::regular, size), x, right() - x, Face::regular, size, Align::left);
    }
    if (items.empty()) {
        std::string empty = render(list.empty);
        flow_lines(wrap(empty, right() - x, Face::regular, size), x, right() - x, Face::regular, size, Align::left);
        return;
    }
    double marker_width = list.numbered ? width(std::to_string(items.size()) + ". ", Face::regular, size) + 2
                                        : width("\u2013 ", Face::regular, size);
    for (size_t i = 0; i < items.size(); ++i) {
        std::string marker = list.numbered ? std::to_string(i + 1) + "." : "\u2013";
        std::vector<WrappedLine> lines = wrap(items[i], right() - x - marker_width, Face::regular, size);
        make_room(line_height(size));
        add_text(x, baseline_in(m_y, size), marker, Face::regular, size);
        flow_lines(lines, x + marker_width, right() - x - marker_width, Face::regular, size, Align::left);
    }
}


void Layouter::place(const ChoicesBlock& choices)
{
    double size = font_size(choices.size);
    double box = checkbox_size(size);
    std::string label = render(choices.label);
    make_room(line_height(size));
    double x = left();
    if (!is_blank(label)) {
        add_text(x, baseline_in(m_y, size), label, Face::regular, size);
        x += width(label, Face::regular, size) + column_gap;
    }
    for (const std::string& option_template : choices.options) {
        std::string option = render(option_template);
        double needed = box + 3 + width(option, Face::regular, size);
        if (x + needed > right() && x > left()) {
            advance(line_height(size));
            make_room(line_height(size));
            x = left() + (is_blank(label) ? 0 : width(label, Face::regular, size) + column_gap);
        }
        double baseline = baseline_in(m_y, size);
        page().boxes.push_back({x, baseline - 0.05 * size, box, box, 0.6, -1});
        add_text(x + box + 3, baseline, option, Face::regular, size);
        x += needed + column_gap;
    }
    advance(line_height(size));
}


void Layouter::place(const SpacerBlock& spacer)
{
    if (m_page_is_empty)
        return;
    if (!fits(spacer.height))
        start_page();
    else
        advance(spacer.height);
}

void Layouter::place(const PageBreakBlock&)
{
    if (!m_page_is_empty)
        start_page();
}

} // namespace berkas::generation

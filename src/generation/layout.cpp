#include "generation/layout.hpp"

#include "generation/text_wrap.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <optional>

namespace berkas::generation {

namespace {

constexpr double cell_padding_x = 1.5 * points_per_mm;
constexpr double cell_padding_y = 0.8 * points_per_mm;
constexpr double header_gray = 0.88;
constexpr double column_gap = 5 * points_per_mm;

bool is_blank(const std::string& text)
{
    return trim(text).empty();
}

class Layouter {
public:
    Layouter(const DocumentTemplate& document, const TemplateData& data, const TextMeasure& measure)
        : m_document(document), m_page(document.page), m_data(data), m_measure(measure)
    {
    }

    Expected<LaidOutDocument> run()
    {
        start_page();
        for (const Block& block : m_document.blocks) {
            if (!block.when.empty() && is_blank(render(block.when)))
                continue;
            lay_out(block);
        }
        add_footers();
        RenderedMetadata metadata = render_metadata();
        if (m_error)
            return tl::unexpected(*m_error);
        return LaidOutDocument {std::move(metadata), std::move(m_pages)};
    }

private:
    // ── page geometry ──────────────────────────────────────────────────────────
    double left() const { return m_page.margin_left; }
    double right() const { return a4_width - m_page.margin_right; }
    double text_width() const { return right() - left(); }
    double top() const { return a4_height - m_page.margin_top; }
    double usable_height() const { return top() - m_page.margin_bottom; }

    LaidOutPage& page() { return m_pages.back(); }

    void start_page()
    {
        m_pages.emplace_back();
        m_y = top();
        m_page_is_empty = true;
    }

    bool fits(double height) const { return m_y - height >= m_page.margin_bottom - 0.01; }

    // Moves to a new page unless `height` fits here; a fresh page takes anything.
    void make_room(double height)
    {
        if (!fits(height) && !m_page_is_empty)
            start_page();
    }

    void advance(double height)
    {
        m_y -= height;
        m_page_is_empty = false;
    }

    // ── text ───────────────────────────────────────────────────────────────────
    std::string render(const std::string& text, const TemplateData* item = nullptr)
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

    double font_size(double requested) const { return requested > 0 ? requested : m_page.font_size; }
    double line_height(double size) const { return size * m_page.line_height; }

    // Baseline of a line whose box starts at `line_top`: the glyphs sit visually centred.
    double baseline_in(double line_top, double size) const
    {
        return line_top - (line_height(size) - size) / 2 - 0.78 * size;
    }

    double width(std::string_view text, Face face, double size) const { return m_measure.width(text, face, size); }

    std::vector<WrappedLine> wrap(const std::string& text, double max_width, Face face, double size) const
    {
        return wrap_text(text, max_width, [&](std::string_view part) { return width(part, face, size); });
    }

    void add_text(double x, double baseline, std::string text, Face face, double size)
    {
        if (!text.empty())
            page().texts.push_back({x, baseline, std::move(text), face, size});
    }

    void add_underline(double x, double baseline, double length, double size)
    {
        double y = baseline - 0.12 * size;
        page().segments.push_back({x, y, x + length, y, std::max(0.5, 0.05 * size)});
    }

    // Places one wrapped line in the span [x, x + span]. Justified lines are set word by
    // word: libharu's word spacing (Tw) has no effect on two-byte Identity-H fonts.
    void place_line(const WrappedLine& line, double x, double span, double baseline, Face face, double size,
                    Align align, bool underline = false)
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

    void place_justified(const std::string& text, double x, double span, double baseline, Face face, double size)
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

    // Wraps and places lines one by one, continuing on the next page when needed.
    void flow_lines(const std::vector<WrappedLine>& lines, double x, double span, Face face, double size, Align align,
                    bool underline = false)
    {
        for (const WrappedLine& line : lines) {
            make_room(line_height(size));
            place_line(line, x, span, baseline_in(m_y, size), face, size, align, underline);
            advance(line_height(size));
        }
    }

    // ── blocks ─────────────────────────────────────────────────────────────────
    void lay_out(const Block& block)
    {
        if (!m_page_is_empty)
            advance(block.space_before);
        if (block.keep_with_next) // a heading must not end a page: keep room for what follows
            make_room(estimated_height(block) + 3 * line_height(m_page.font_size));
        std::visit([this](const auto& kind) { place(kind); }, block.kind);
        if (!m_page_is_empty)
            m_y -= block.space_after;
    }

    double estimated_height(const Block& block)
    {
        if (const auto* heading = std::get_if<HeadingBlock>(&block.kind)) {
            double size = font_size(heading->size);
            Face face = heading->bold ? Face::bold : Face::regular;
            return static_cast<double>(wrap(render(heading->text), text_width(), face, size).size()) *
                   line_height(size);
        }
        return line_height(m_page.font_size);
    }

    void place(const KopBlock& kop)
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

    void place(const HeadingBlock& heading)
    {
        double size = font_size(heading.size);
        Face face = heading.bold ? Face::bold : Face::regular;
        flow_lines(wrap(render(heading.text), text_width(), face, size), left(), text_width(), face, size,
                   heading.align, heading.underline);
    }

    void place(const ParagraphBlock& paragraph)
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

    // The text left after the first `word_count` words of its first line.
    static std::string remainder_after(const std::string& text, size_t word_count)
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

    struct FieldLines {
        std::vector<WrappedLine> label;
        std::vector<WrappedLine> value;
        Face face = Face::regular;
    };

    void place(const FieldsBlock& fields)
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

    static double row_lines(const FieldLines& row)
    {
        return static_cast<double>(std::max<size_t>({row.label.size(), row.value.size(), 1}));
    }

    void place_field_row(const FieldLines& row, double x_label, double x_colon, double x_value, double value_span,
                         double size)
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

    // ── tables ─────────────────────────────────────────────────────────────────
    struct Cell {
        std::vector<WrappedLine> lines;
        bool checkbox = false;
        bool checked = false;
    };

    std::vector<double> column_widths(const TableBlock& table)
    {
        std::vector<double> widths;
        double fixed = 0;
        for (const TableColumn& column : table.columns) {
            widths.push_back(column.width);
            fixed += column.width;
        }
        double rest = text_width() - fixed;
        for (double& column_width : widths) {
            if (column_width == 0)
                column_width = rest;
        }
        if (rest < 10 && !m_error) {
            m_error = Error {"template", "the table columns are wider than the text width", m_document.file, "columns"};
        }
        return widths;
    }

    double checkbox_size(double size) const { return 0.72 * size; }

    Cell make_cell(const TableColumn& column, double column_width, double size, const TemplateData* item, Face face,
                   const std::string& text)
    {
        Cell cell;
        cell.checkbox = column.checkbox && item != nullptr;
        cell.checked = cell.checkbox && !is_blank(render(column.checked, item));
        double inner = column_width - 2 * cell_padding_x - (cell.checkbox ? checkbox_size(size) + 3 : 0);
        cell.lines = wrap(text, std::max(inner, 1.0), face, size);
        return cell;
    }

    double row_height(const std::vector<Cell>& cells, double size) const
    {
        size_t lines = 1;
        for (const Cell& cell : cells)
            lines = std::max(lines, cell.lines.size());
        return static_cast<double>(lines) * line_height(size) + 2 * cell_padding_y;
    }

    void place_row(const std::vector<Cell>& cells, const std::vector<double>& widths,
                   const std::vector<Align>& aligns, double size, Face face, double fill_gray)
    {
        double height = row_height(cells, size);
        double x = left();
        for (size_t c = 0; c < cells.size(); ++c) {
            page().boxes.push_back({x, m_y - height, widths[c], height, 0.5, fill_gray});
            double text_x = x + cell_padding_x;
            double span = widths[c] - 2 * cell_padding_x;
            if (cells[c].checkbox) {
                double box = checkbox_size(size);
                double box_y = baseline_in(m_y - cell_padding_y, size) - 0.05 * size;
                bool box_only = cells[c].lines.empty();
                if (box_only && aligns[c] == Align::center)
                    text_x = x + (widths[c] - box) / 2;
                page().boxes.push_back({text_x, box_y, box, box, 0.6, -1});
                if (cells[c].checked)
                    page().checks.push_back({text_x, box_y, box});
                text_x += box + 3;
                span -= box + 3;
            }
            for (size_t i = 0; i < cells[c].lines.size(); ++i)
                place_line(cells[c].lines[i], text_x, span,
                           baseline_in(m_y - cell_padding_y - i * line_height(size), size), face, size, aligns[c]);
            x += widths[c];
        }
        advance(height);
    }

    void place(const TableBlock& table)
    {
        double size = font_size(table.size);
        std::vector<double> widths = column_widths(table);
        std::vector<Align> header_aligns(table.columns.size(), Align::center);
        std::vector<Align> aligns;
        std::vector<Cell> header;
        for (size_t c = 0; c < table.columns.size(); ++c) {
            aligns.push_back(table.columns[c].align == Align::justify ? Align::left : table.columns[c].align);
            header.push_back(make_cell(table.columns[c], widths[c], size, nullptr, Face::bold,
                                       render(table.columns[c].header)));
        }
        std::vector<std::vector<Cell>> rows = table_rows(table, widths, size);
        double first_row = rows.empty() ? 0 : row_height(rows.front(), size);
        make_room(row_height(header, size) + first_row);
        place_row(header, widths, header_aligns, size, Face::bold, header_gray);
        for (const std::vector<Cell>& row : rows) {
            if (!fits(row_height(row, size))) {
                start_page();
                place_row(header, widths, header_aligns, size, Face::bold, header_gray);
            }
            bool spans_table = row.size() != table.columns.size();
            place_row(row, spans_table ? std::vector<double> {text_width()} : widths,
                      spans_table ? std::vector<Align> {Align::center} : aligns, size, Face::regular, -1);
        }
    }

    std::vector<std::vector<Cell>> table_rows(const TableBlock& table, const std::vector<double>& widths, double size)
    {
        std::vector<std::vector<Cell>> rows;
        const TemplateData* items = data_list(table.rows, "rows");
        if (items != nullptr) {
            for (const TemplateData& item : items->list_value()) {
                std::vector<Cell> row;
                for (size_t c = 0; c < table.columns.size(); ++c)
                    row.push_back(make_cell(table.columns[c], widths[c], size, &item, Face::regular,
                                            render(table.columns[c].text, &item)));
                rows.push_back(std::move(row));
            }
        }
        if (rows.empty() && !is_blank(table.empty)) {
            // One cell across the whole table: "Tidak ada catatan."
            TableColumn whole;
            rows.push_back({make_cell(whole, text_width(), size, nullptr, Face::regular, render(table.empty))});
        }
        return rows;
    }

    // The list named in a template, e.g. "requirements"; a typo is an error, not an empty table.
    const TemplateData* data_list(const std::string& name, const std::string& key)
    {
        const TemplateData* list = find_value(m_data, trim(name));
        if ((list == nullptr || !list->is_list()) && !m_error)
            m_error = Error {"template", "'" + name + "' is not a list in the document data", m_document.file, key};
        return list != nullptr && list->is_list() ? list : nullptr;
    }

    void place(const ListBlock& list)
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

    // ── signatures, choices, QR ────────────────────────────────────────────────
    double block_x(Align align, double block_width) const
    {
        return align == Align::right ? right() - block_width
               : align == Align::center ? left() + (text_width() - block_width) / 2
                                         : left();
    }

    struct StyledLines {
        std::vector<WrappedLine> lines;
        Face face = Face::regular;
        bool underline = false;
    };

    std::vector<StyledLines> styled_lines(const std::vector<TextLine>& lines, double span, double size,
                                          const TemplateData* item = nullptr)
    {
        std::vector<StyledLines> styled;
        for (const TextLine& line : lines) {
            Face face = line.bold ? Face::bold : Face::regular;
            styled.push_back({wrap(render(line.text, item), span, face, size), face, line.underline});
        }
        return styled;
    }

    static size_t count_lines(const std::vector<StyledLines>& styled)
    {
        size_t count = 0;
        for (const StyledLines& part : styled)
            count += part.lines.size();
        return count;
    }

    // Places centred lines from `line_top` down; returns the height used.
    double place_centered(const std::vector<StyledLines>& styled, double x, double span, double line_top, double size)
    {
        double y = line_top;
        for (const StyledLines& part : styled) {
            for (const WrappedLine& line : part.lines) {
                place_line(line, x, span, baseline_in(y, size), part.face, size, Align::center, part.underline);
                y -= line_height(size);
            }
        }
        return line_top - y;
    }

    void place_flush_left(const std::vector<StyledLines>& styled, double x, double span, double size)
    {
        for (const StyledLines& part : styled) {
            for (const WrappedLine& line : part.lines) {
                place_line(line, x, span, baseline_in(m_y, size), part.face, size, Align::left, part.underline);
                advance(line_height(size));
            }
        }
    }

    void place(const SignatureBlock& signature)
    {
        double size = font_size(signature.size);
        double x = block_x(signature.align, signature.width);
        std::vector<StyledLines> above = styled_lines(signature.above, signature.width, size);
        std::vector<StyledLines> below = styled_lines(signature.below, signature.width, size);
        double height = static_cast<double>(count_lines(above) + count_lines(below)) * line_height(size) +
                        signature.space + 4;
        make_room(height); // a signature block is never split
        double y = m_y - place_centered(above, x, signature.width, m_y, size) - 2;
        std::string qr = render(signature.qr);
        if (!is_blank(qr) && !signature.qr_beside) {
            page().qr_codes.push_back({x + (signature.width - signature.space) / 2, y - signature.space,
                                       signature.space, qr});
        } else {
            double qr_x = x > left() + signature.space + column_gap ? left() : right() - signature.space;
            if (!is_blank(qr)) // at the far side from the signer, level with the space
                page().qr_codes.push_back({qr_x, y - signature.space, signature.space, qr});
            std::string label = trim(render(signature.label));
            page().signing_areas.push_back({x, y - signature.space, signature.width, signature.space,
                                            label.empty() ? "Penandatangan" : label});
        }
        y -= signature.space + 2;
        y -= place_centered(below, x, signature.width, y, size);
        advance(m_y - y);
    }

    // The data box i is rendered with: item i of the signers list and its index. A missing
    // signer renders with empty data, so the template can print dots to fill in by hand.
    std::vector<TemplateData> signer_contexts(const SignatureBoxesBlock& boxes)
    {
        const TemplateData* signers = data_list(boxes.signers, "signers");
        std::vector<TemplateData> contexts;
        for (size_t i = 0; i < static_cast<size_t>(boxes.count); ++i) {
            bool present = signers != nullptr && i < signers->list_value().size();
            TemplateData context = present ? signers->list_value()[i] : TemplateData {};
            context.set("index", std::to_string(i + 1));
            contexts.push_back(std::move(context));
        }
        return contexts;
    }

    struct SignerBox {
        std::vector<StyledLines> title;
        std::vector<StyledLines> below;
    };

    void place(const SignatureBoxesBlock& boxes)
    {
        double size = font_size(boxes.size);
        double gap = 4 * points_per_mm;
        std::string qr = render(boxes.qr);
        double qr_size = is_blank(qr) ? 0 : boxes.qr_size;
        double boxes_width = text_width() - (qr_size > 0 ? qr_size + gap : 0);
        double box_width = (boxes_width - (boxes.count - 1) * gap) / boxes.count;
        std::vector<SignerBox> signers;
        size_t title_lines = 0, below_lines = 0;
        for (const TemplateData& context : signer_contexts(boxes)) {
            signers.push_back({styled_lines({{boxes.title, true, false}}, box_width - 4, size, &context),
                               styled_lines(boxes.below, box_width - 4, size, &context)});
            title_lines = std::max(title_lines, count_lines(signers.back().title));
            below_lines = std::max(below_lines, count_lines(signers.back().below));
        }
        std::vector<StyledLines> above = styled_lines(boxes.above, text_width(), size);
        double above_gap = above.empty() ? 0 : 2 * points_per_mm;
        double above_height = static_cast<double>(count_lines(above)) * line_height(size) + above_gap;
        double title_height = static_cast<double>(title_lines) * line_height(size);
        double height = std::max(qr_size, title_height + boxes.box_height + 4 +
                                              static_cast<double>(below_lines) * line_height(size));
        make_room(above_height + height); // the boxes stay with the lines above them
        place_flush_left(above, left(), text_width(), size);
        advance(above_gap);
        if (qr_size > 0) // on the same page as the boxes, so that a signed copy can be read back
            page().qr_codes.push_back({right() - qr_size, m_y - qr_size, qr_size, qr});
        for (size_t i = 0; i < signers.size(); ++i) {
            double x = left() + static_cast<double>(i) * (box_width + gap);
            double box_bottom = m_y - title_height - 1 - boxes.box_height;
            place_centered(signers[i].title, x, box_width, m_y, size);
            page().boxes.push_back({x, box_bottom, box_width, boxes.box_height, 0.5, -1});
            page().signing_areas.push_back({x, box_bottom, box_width, boxes.box_height, joined(signers[i].title)});
            place_centered(signers[i].below, x, box_width, box_bottom - 3, size);
        }
        advance(height);
    }

    static std::string joined(const std::vector<StyledLines>& styled)
    {
        std::string text;
        for (const StyledLines& part : styled) {
            for (const WrappedLine& line : part.lines)
                text += (text.empty() ? "" : " ") + line.text;
        }
        return text;
    }

    // ── thumbnails ─────────────────────────────────────────────────────────────
    struct ThumbnailItem {
        Thumbnail frame;
        std::vector<WrappedLine> caption;
    };

    // Frames keep the shape of what they show: an A4 page, its upper half, or an ID card.
    static double frame_aspect(const TemplateData& item)
    {
        auto flag = [&](const char* key) {
            const TemplateData* value = item.get(key);
            return value != nullptr && value->is_true();
        };
        constexpr double a4_aspect = 210.0 / 297.0;
        constexpr double id_card_aspect = 85.6 / 54.0;
        return flag("card") ? id_card_aspect : flag("top_half") ? 2 * a4_aspect : a4_aspect;
    }

    std::vector<ThumbnailItem> thumbnail_items(const ThumbnailsBlock& block)
    {
        std::vector<ThumbnailItem> items;
        const TemplateData* list = data_list(block.items, "items");
        if (list == nullptr)
            return items;
        for (const TemplateData& item : list->list_value()) {
            const TemplateData* top_half = item.get("top_half");
            double width = std::min(text_width(), block.height * frame_aspect(item));
            Thumbnail frame {0, 0, width, block.height, trim(render("{{image}}", &item)),
                             top_half != nullptr && top_half->is_true()};
            std::vector<WrappedLine> caption = wrap(render(block.caption, &item), width, Face::regular, block.size);
            if (caption.size() > 3)
                caption.resize(3);
            items.push_back({std::move(frame), std::move(caption)});
        }
        return items;
    }

    void place(const ThumbnailsBlock& block)
    {
        std::vector<ThumbnailItem> items = thumbnail_items(block);
        std::string title = render(block.title);
        std::string empty = render(block.empty);
        if (items.empty() && is_blank(empty))
            return;
        double size = font_size(0);
        if (!is_blank(title)) {
            make_room(line_height(size) + (items.empty() ? 0 : block.height));
            flow_lines(wrap(title, text_width(), Face::regular, size), left(), text_width(), Face::regular, size,
                       Align::left);
        }
        if (items.empty()) {
            flow_lines(wrap(empty, text_width(), Face::regular, size), left(), text_width(), Face::regular, size,
                       Align::left);
            return;
        }
        double gap = 4 * points_per_mm;
        double row_height = 0;
        double x = left();
        for (ThumbnailItem& item : items) {
            double height = block.height + 1.5 + static_cast<double>(item.caption.size()) * line_height(block.size);
            if (x > left() && x + item.frame.width > right() + 0.01) { // next row
                advance(row_height + gap / 2);
                x = left();
                row_height = 0;
            }
            if (x == left())
                make_room(height);
            item.frame.x = x;
            item.frame.y = m_y - block.height;
            page().boxes.push_back({x, item.frame.y, item.frame.width, item.frame.height, 0.3, -1});
            page().thumbnails.push_back(item.frame);
            double caption_top = item.frame.y - 1.5;
            for (const WrappedLine& line : item.caption) {
                place_line(line, x, item.frame.width, baseline_in(caption_top, block.size), Face::regular, block.size,
                           Align::center);
                caption_top -= line_height(block.size);
            }
            row_height = std::max(row_height, height);
            x += item.frame.width + gap;
        }
        advance(row_height);
    }

    void place(const ChoicesBlock& choices)
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

    void place(const QrBlock& qr)
    {
        std::string content = render(qr.content);
        if (is_blank(content))
            return;
        double caption_size = 8;
        double caption_span = qr.size + 30 * points_per_mm;
        std::vector<WrappedLine> caption = wrap(render(qr.caption), caption_span, Face::regular, caption_size);
        make_room(qr.size + static_cast<double>(caption.size()) * line_height(caption_size));
        double x = block_x(qr.align, qr.size);
        page().qr_codes.push_back({x, m_y - qr.size, qr.size, content});
        advance(qr.size);
        double caption_x = std::clamp(x + qr.size / 2 - caption_span / 2, left(), right() - caption_span);
        flow_lines(caption, caption_x, caption_span, Face::regular, caption_size, Align::center);
    }

    void place(const SpacerBlock& spacer)
    {
        if (m_page_is_empty)
            return;
        if (!fits(spacer.height))
            start_page();
        else
            advance(spacer.height);
    }

    void place(const PageBreakBlock&)
    {
        if (!m_page_is_empty)
            start_page();
    }

    // ── whole document ─────────────────────────────────────────────────────────
    void add_footers()
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

    RenderedMetadata render_metadata()
    {
        const DocumentMetadata& metadata = m_document.metadata;
        return {trim(render(metadata.title)), trim(render(metadata.subject)), trim(render(metadata.author)),
                trim(render(metadata.creator)), trim(render(metadata.keywords))};
    }

    const DocumentTemplate& m_document;
    const PageSetup& m_page;
    const TemplateData& m_data;
    const TextMeasure& m_measure;
    std::vector<LaidOutPage> m_pages;
    double m_y = 0;
    bool m_page_is_empty = true;
    std::optional<Error> m_error;
};

} // namespace

Expected<LaidOutDocument> lay_out_document(const DocumentTemplate& document, const TemplateData& data,
                                           const TextMeasure& measure)
{
    return Layouter(document, data, measure).run();
}

} // namespace berkas::generation

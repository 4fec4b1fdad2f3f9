// Places tables: column widths, cells wrapped to their column, and rows that repeat the
// header row at the top of each new page.
#include "generation/layouter.hpp"

#include <algorithm>

namespace berkas::generation {

namespace {

constexpr double cell_padding_x = 1.5 * points_per_mm;
constexpr double cell_padding_y = 0.8 * points_per_mm;
constexpr double header_gray = 0.88;

} // namespace

struct Layouter::Cell {
    std::vector<WrappedLine> lines;
    bool checkbox = false;
    bool checked = false;
};

std::vector<double> Layouter::column_widths(const TableBlock& table)
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

Layouter::Cell Layouter::make_cell(const TableColumn& column, double column_width, double size,
                                   const TemplateData* item, Face face, const std::string& text)
{
    Cell cell;
    cell.checkbox = column.checkbox && item != nullptr;
    cell.checked = cell.checkbox && !is_blank(render(column.checked, item));
    double inner = column_width - 2 * cell_padding_x - (cell.checkbox ? checkbox_size(size) + 3 : 0);
    cell.lines = wrap(text, std::max(inner, 1.0), face, size);
    return cell;
}

double Layouter::row_height(const std::vector<Cell>& cells, double size) const
{
    size_t lines = 1;
    for (const Cell& cell : cells)
        lines = std::max(lines, cell.lines.size());
    return static_cast<double>(lines) * line_height(size) + 2 * cell_padding_y;
}

void Layouter::place_row(const std::vector<Cell>& cells, const std::vector<double>& widths,
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

void Layouter::place(const TableBlock& table)
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

std::vector<std::vector<Layouter::Cell>> Layouter::table_rows(const TableBlock& table,
                                                              const std::vector<double>& widths, double size)
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

} // namespace berkas::generation

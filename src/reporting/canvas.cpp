#include "reporting/canvas.hpp"

#include "generation/text_wrap.hpp"

#include <algorithm>
#include <cmath>

namespace berkas::reporting {

using generation::Box;
using generation::Face;
using generation::Segment;
using generation::TextRun;

namespace {

constexpr double margin_x = 50;
constexpr double margin_top = 56;
constexpr double margin_bottom = 56;
constexpr double body_size = 10;
constexpr double table_size = 8.5;
constexpr double cell_padding = 3;
constexpr double bar_gray = 0.45;
constexpr double header_gray = 0.88;
constexpr double grid_gray_width = 0.25;

double leading(double size) { return size * 1.25; }

} // namespace

int nice_ceiling(int value)
{
    if (value <= 1)
        return 1;
    int magnitude = 1;
    while (magnitude * 10 <= value)
        magnitude *= 10;
    for (int step : {1, 2, 5, 10}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

std::vector<int> axis_ticks(int scale)
{
    if (scale % 2 == 0 && scale >= 2)
        return {0, scale / 2, scale};
    return {0, scale};
}

ReportCanvas::ReportCanvas(const generation::TextMeasure& measure)
    : m_measure(measure)
{
    new_page();
}

double ReportCanvas::left() const { return margin_x; }
double ReportCanvas::right() const { return generation::a4_width - margin_x; }

void ReportCanvas::new_page()
{
    m_pages.emplace_back();
    m_y = generation::a4_height - margin_top;
}

void ReportCanvas::ensure(double height)
{
    if (m_y - height < margin_bottom)
        new_page();
}

void ReportCanvas::space(double points) { m_y -= points; }

void ReportCanvas::text(double x, double baseline, const std::string& content, Face face, double size)
{
    page().texts.push_back(TextRun {x, baseline, generation::sanitize_utf8(content), face, size});
}

double ReportCanvas::text_width(const std::string& content, Face face, double size) const
{
    return m_measure.width(content, face, size);
}

std::string ReportCanvas::fit(const std::string& content, double max_width, Face face, double size) const
{
    if (text_width(content, face, size) <= max_width)
        return content;
    const std::string ellipsis = "…";
    std::string cut = content;
    while (!cut.empty() && text_width(cut + ellipsis, face, size) > max_width)
        cut.resize(generation::utf8_boundary_before(cut, cut.size() - 1));
    return cut + ellipsis;
}

std::vector<std::string> ReportCanvas::wrap(const std::string& content, double max_width, Face face, double size) const
{
    std::vector<std::string> lines;
    auto width_of = [&](std::string_view part) { return text_width(std::string(part), face, size); };
    for (const auto& line : generation::wrap_text(generation::sanitize_utf8(content), max_width, width_of))
        lines.push_back(line.text);
    if (lines.empty())
        lines.emplace_back();
    return lines;
}

void ReportCanvas::title(const std::string& content)
{
    for (const std::string& line : wrap(content, width(), Face::bold, 15)) {
        ensure(leading(15));
        m_y -= leading(15);
        text(left() + (width() - text_width(line, Face::bold, 15)) / 2, m_y, line, Face::bold, 15);
    }
    space(6);
}

void ReportCanvas::heading(const std::string& content, double keep_with)
{
    ensure(leading(12) + 18 + keep_with); // never a heading alone at the foot of a page
    space(10);
    m_y -= leading(12);
    text(left(), m_y, generation::sanitize_utf8(content), Face::bold, 12);
    page().segments.push_back(Segment {left(), m_y - 3, right(), m_y - 3, 0.6});
    space(8);
}

void ReportCanvas::paragraph(const std::string& content, double size, Face face)
{
    for (const std::string& line : wrap(content, width(), face, size)) {
        ensure(leading(size));
        m_y -= leading(size);
        text(left(), m_y, line, face, size);
    }
    space(3);
}

double ReportCanvas::row_height(const std::vector<double>& widths, const std::vector<std::string>& cells,
                                bool header) const
{
    size_t lines = 1;
    for (size_t i = 0; i < cells.size(); ++i)
        lines = std::max(lines, wrap(cells[i], widths[i] - 2 * cell_padding, header ? Face::bold : Face::regular,
                                     table_size).size());
    return static_cast<double>(lines) * leading(table_size) + 2 * cell_padding;
}

void ReportCanvas::table_row(const std::vector<Column>& columns, const std::vector<double>& widths,
                             const std::vector<std::string>& cells, bool header)
{
    double height = row_height(widths, cells, header);
    Face face = header ? Face::bold : Face::regular;
    double x = left();
    for (size_t i = 0; i < cells.size(); ++i) {
        page().boxes.push_back(Box {x, m_y - height, widths[i], height, 0.4, header ? header_gray : -1});
        double baseline = m_y - cell_padding;
        for (const std::string& line : wrap(cells[i], widths[i] - 2 * cell_padding, face, table_size)) {
            baseline -= leading(table_size);
            double line_x = columns[i].align_right && !header
                                ? x + widths[i] - cell_padding - text_width(line, face, table_size)
                                : x + cell_padding;
            text(line_x, baseline + 2, line, face, table_size);
        }
        x += widths[i];
    }
    m_y -= height;
}

void ReportCanvas::table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows)
{
    double shares = 0;
    for (const Column& column : columns)
        shares += column.share;
    std::vector<double> widths;
    std::vector<std::string> titles;
    for (const Column& column : columns) {
        widths.push_back(width() * column.share / shares);
        titles.push_back(column.title);
    }
    ensure(row_height(widths, titles, true) + (rows.empty() ? 0 : row_height(widths, rows.front(), false)));
    table_row(columns, widths, titles, true);
    for (const auto& row : rows) {
        double height = row_height(widths, row, false);
        if (m_y - height < margin_bottom) {
            new_page();
            table_row(columns, widths, titles, true); // the header again on the new page
        }
        table_row(columns, widths, row, false);
    }
    space(6);
}

namespace {
constexpr double bar_row_step = 15;
constexpr double vertical_chart_height = 130;
constexpr double vertical_label_height = 26;
constexpr double vertical_value_room = 14; // numbers above the tallest bars
} // namespace

double ReportCanvas::horizontal_bars_height(size_t rows) { return bar_row_step * static_cast<double>(rows) + 24; }

double ReportCanvas::vertical_bars_height()
{
    return vertical_value_room + vertical_chart_height + vertical_label_height + 10;
}

void ReportCanvas::horizontal_bars(const std::vector<std::pair<std::string, int>>& rows)
{
    const double row_step = bar_row_step, bar_height = 9, label_width = 190, value_width = 30;
    const double axis_x = left() + label_width;
    const double bar_area = width() - label_width - value_width;
    int largest = 1;
    for (const auto& [label, value] : rows)
        largest = std::max(largest, value);
    int scale = nice_ceiling(largest);
    ensure(horizontal_bars_height(rows.size()));
    double top = m_y - 4;
    for (const auto& [label, value] : rows) {
        m_y -= row_step;
        text(left(), m_y + 2, fit(generation::sanitize_utf8(label), label_width - 8, Face::regular, 9), Face::regular, 9);
        double length = bar_area * value / scale;
        if (value > 0)
            page().boxes.push_back(Box {axis_x, m_y, length, bar_height, 0.3, bar_gray});
        text(axis_x + length + 4, m_y + 2, std::to_string(value), Face::regular, 9);
    }
    double bottom = m_y - 4;
    page().segments.push_back(Segment {axis_x, top, axis_x, bottom, 0.6});
    page().segments.push_back(Segment {axis_x, bottom, axis_x + bar_area, bottom, 0.6});
    for (int tick : axis_ticks(scale)) {
        double x = axis_x + bar_area * tick / scale;
        page().segments.push_back(Segment {x, bottom, x, bottom - 3, 0.6});
        std::string label = std::to_string(tick);
        text(x - text_width(label, Face::regular, 8) / 2, bottom - 12, label, Face::regular, 8);
    }
    m_y = bottom - 20;
}

void ReportCanvas::vertical_bars(const std::vector<std::pair<std::string, int>>& columns)
{
    const double chart_height = vertical_chart_height, axis_label_width = 28, label_height = vertical_label_height;
    ensure(vertical_bars_height());
    space(vertical_value_room);
    const double axis_x = left() + axis_label_width;
    const double bottom = m_y - chart_height;
    const double area = right() - axis_x;
    int largest = 1;
    for (const auto& [label, value] : columns)
        largest = std::max(largest, value);
    int scale = nice_ceiling(largest);
    for (int tick : axis_ticks(scale)) {
        double y = bottom + chart_height * tick / scale;
        page().segments.push_back(Segment {axis_x, y, right(), y, tick == 0 ? 0.6 : grid_gray_width});
        std::string label = std::to_string(tick);
        text(axis_x - 4 - text_width(label, Face::regular, 8), y - 3, label, Face::regular, 8);
    }
    page().segments.push_back(Segment {axis_x, bottom, axis_x, bottom + chart_height, 0.6});
    const double slot = area / static_cast<double>(std::max<size_t>(columns.size(), 1));
    const double label_room = 34;
    size_t every = static_cast<size_t>(std::ceil(label_room / slot));
    for (size_t i = 0; i < columns.size(); ++i) {
        const auto& [label, value] = columns[i];
        double x = axis_x + slot * static_cast<double>(i);
        double height = chart_height * value / scale;
        if (value > 0)
            page().boxes.push_back(Box {x + slot * 0.2, bottom, slot * 0.6, height, 0.3, bar_gray});
        if (value > 0 && slot >= 9) {
            std::string number = std::to_string(value);
            text(x + (slot - text_width(number, Face::regular, 7)) / 2, bottom + height + 2, number, Face::regular, 7);
        }
        if (i % every == 0) {
            page().segments.push_back(Segment {x + slot / 2, bottom, x + slot / 2, bottom - 3, 0.6});
            text(x + (slot - text_width(label, Face::regular, 7.5)) / 2, bottom - 12, label, Face::regular, 7.5);
        }
    }
    m_y = bottom - label_height;
}

generation::LaidOutDocument ReportCanvas::finish(generation::RenderedMetadata metadata, const std::string& footer)
{
    const size_t count = m_pages.size();
    for (size_t i = 0; i < count; ++i) {
        generation::LaidOutPage& p = m_pages[i];
        double baseline = margin_bottom - 24;
        p.segments.push_back(Segment {left(), baseline + 10, right(), baseline + 10, 0.3});
        p.texts.push_back(TextRun {left(), baseline, fit(footer, width() - 110, Face::regular, 8), Face::regular, 8});
        std::string number = "Halaman " + std::to_string(i + 1) + " dari " + std::to_string(count);
        p.texts.push_back(TextRun {right() - text_width(number, Face::regular, 8), baseline, number, Face::regular, 8});
    }
    return generation::LaidOutDocument {std::move(metadata), std::move(m_pages)};
}

} // namespace berkas::reporting

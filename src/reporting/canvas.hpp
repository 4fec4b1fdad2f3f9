#pragma once
// Lays out a report on A4 pages: headings, paragraphs, grid tables that
// continue on the next page with their header, and bar charts drawn as
// rectangles. Pure: widths come from generation::TextMeasure and the result is
// a generation::LaidOutDocument, which generation::PdfWriter draws with
// libharu and the embedded Liberation fonts.
#include "generation/layout.hpp"

#include <string>
#include <vector>

namespace berkas::reporting {

struct Column {
    std::string title;
    double share = 1;         // of the table's width, relative to the other columns
    bool align_right = false; // numbers
};

class ReportCanvas {
public:
    explicit ReportCanvas(const generation::TextMeasure& measure);

    void title(const std::string& text);
    // `keep_with`: the height of what follows, kept on the heading's page when it fits on a fresh one.
    void heading(const std::string& text, double keep_with = 60);
    void paragraph(const std::string& text, double size = 10, generation::Face face = generation::Face::regular);
    void space(double points);
    void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows);
    // One bar per row, labels on the left, values after the bars.
    void horizontal_bars(const std::vector<std::pair<std::string, int>>& rows);
    // One bar per column (weeks), with a value axis; every k-th label is shown so they never overlap.
    void vertical_bars(const std::vector<std::pair<std::string, int>>& columns);
    static double horizontal_bars_height(size_t rows);
    static double vertical_bars_height();

    // Adds "Halaman i dari n" and `footer` to every page.
    generation::LaidOutDocument finish(generation::RenderedMetadata metadata, const std::string& footer);

private:
    double left() const;
    double right() const;
    double width() const { return right() - left(); }
    generation::LaidOutPage& page() { return m_pages.back(); }
    void new_page();
    void ensure(double height);
    void text(double x, double baseline, const std::string& text, generation::Face face, double size);
    double text_width(const std::string& text, generation::Face face, double size) const;
    std::string fit(const std::string& text, double max_width, generation::Face face, double size) const;
    std::vector<std::string> wrap(const std::string& text, double max_width, generation::Face face, double size) const;
    void table_row(const std::vector<Column>& columns, const std::vector<double>& widths,
                   const std::vector<std::string>& cells, bool header);
    double row_height(const std::vector<double>& widths, const std::vector<std::string>& cells, bool header) const;

    const generation::TextMeasure& m_measure;
    std::vector<generation::LaidOutPage> m_pages;
    double m_y = 0;
};

// The largest value on a chart axis rounded up to 1, 2 or 5 × 10^n.
int nice_ceiling(int value);

// The values marked on an axis from 0 to `scale`: 0, the middle when it is whole, and `scale`.
std::vector<int> axis_ticks(int scale);

} // namespace berkas::reporting

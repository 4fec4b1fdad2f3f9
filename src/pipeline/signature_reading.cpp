#include "pipeline/signature_reading.hpp"

#include "generation/document_template.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace berkas::pipeline {

namespace {

// Inside a place's edges: a box border printed 0.5 pt wide, and a registration
// off by a few tenths of a millimetre, must not count as ink.
constexpr double kMarginPoints = 1.5 * generation::points_per_mm;
// A cell of ~1 mm² with this share of dark pixels has a stroke through it.
constexpr double kInkyCell = 0.12;
// A row or column of cells that is inky nearly all along is a printed rule
// (a box edge, a dotted line), which a hand never draws so straight.
constexpr double kRuleShare = 0.6;
constexpr int kMinRuleCells = 5;
// Measured over 24 scans of a lembar verifikasi (berkas-signed-copy, 150–300 dpi,
// skew up to 1.5°, sensor noise, toner specks): an empty box reads at most 0.001
// ink, a signed one 0.093–0.129. Eight inky cells are about 8 mm of stroke, less
// than the shortest paraf; a few specks of toner stay below it.
constexpr int kMinSignedCells = 8;
constexpr double kMinSignedInk = 0.004;

using Matrix3 = std::array<std::array<double, 3>, 3>;

double determinant(const Matrix3& m)
{
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
           m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

// Cramer's rule; the caller has checked the determinant.
std::array<double, 3> solve(const Matrix3& m, const std::array<double, 3>& rhs, double det)
{
    std::array<double, 3> solution {};
    for (size_t column = 0; column < 3; ++column) {
        Matrix3 replaced = m;
        for (size_t row = 0; row < 3; ++row)
            replaced[row][column] = rhs[row];
        solution[column] = determinant(replaced) / det;
    }
    return solution;
}

struct Cell {
    int column = 0, row = 0;
    double darkness = 0;
};

std::vector<Cell> cells_inside(const PageRect& inner, const AffineMap& to_image, const AffineMap& to_page,
                               const InkGrid& grid)
{
    std::array<ImagePoint, 4> corners {to_image.apply(inner.x, inner.y), to_image.apply(inner.x + inner.width, inner.y),
                                       to_image.apply(inner.x, inner.y + inner.height),
                                       to_image.apply(inner.x + inner.width, inner.y + inner.height)};
    double min_x = corners[0].x, max_x = corners[0].x, min_y = corners[0].y, max_y = corners[0].y;
    for (const ImagePoint& corner : corners) {
        min_x = std::min(min_x, corner.x), max_x = std::max(max_x, corner.x);
        min_y = std::min(min_y, corner.y), max_y = std::max(max_y, corner.y);
    }
    int first_column = std::max(0, static_cast<int>(min_x / grid.cell));
    int last_column = std::min(grid.columns - 1, static_cast<int>(max_x / grid.cell));
    int first_row = std::max(0, static_cast<int>(min_y / grid.cell));
    int last_row = std::min(grid.rows - 1, static_cast<int>(max_y / grid.cell));
    std::vector<Cell> cells;
    for (int row = first_row; row <= last_row; ++row) {
        for (int column = first_column; column <= last_column; ++column) {
            ImagePoint on_page = to_page.apply((column + 0.5) * grid.cell, (row + 0.5) * grid.cell);
            bool inside = on_page.x >= inner.x && on_page.x <= inner.x + inner.width && on_page.y >= inner.y &&
                          on_page.y <= inner.y + inner.height;
            if (inside)
                cells.push_back({column, row, grid.at(column, row)});
        }
    }
    return cells;
}

// Rows (or columns) of cells that are inky nearly all along.
std::map<int, bool> rules_among(const std::vector<Cell>& cells, bool by_row)
{
    std::map<int, std::pair<int, int>> counts; // line → (cells, inky cells)
    for (const Cell& cell : cells) {
        auto& [total, inky] = counts[by_row ? cell.row : cell.column];
        ++total;
        inky += cell.darkness > kInkyCell;
    }
    std::map<int, bool> rules;
    for (const auto& [line, count] : counts)
        rules[line] = count.first >= kMinRuleCells && count.second > kRuleShare * count.first;
    return rules;
}

} // namespace

std::optional<AffineMap> AffineMap::inverse() const
{
    double det = a * e - b * d;
    if (std::abs(det) < 1e-12)
        return std::nullopt;
    return AffineMap {e / det, -b / det, (b * f - e * c) / det, -d / det, a / det, (d * c - a * f) / det};
}

std::optional<AffineMap> page_to_image(const PageRect& symbol, const PageCode& code)
{
    // The code's own top-left is the printed symbol's upper-left corner (PDF y grows upwards).
    const std::array<ImagePoint, 4> printed {ImagePoint {symbol.x, symbol.y + symbol.height},
                                             ImagePoint {symbol.x + symbol.width, symbol.y + symbol.height},
                                             ImagePoint {symbol.x + symbol.width, symbol.y},
                                             ImagePoint {symbol.x, symbol.y}};
    Matrix3 normal {};
    std::array<double, 3> for_x {}, for_y {};
    for (size_t i = 0; i < 4; ++i) {
        const std::array<double, 3> row {printed[i].x, printed[i].y, 1.0};
        for (size_t r = 0; r < 3; ++r) {
            for (size_t c = 0; c < 3; ++c)
                normal[r][c] += row[r] * row[c];
            for_x[r] += row[r] * code.corners[i].x;
            for_y[r] += row[r] * code.corners[i].y;
        }
    }
    double det = determinant(normal);
    if (std::abs(det) < 1e-9)
        return std::nullopt;
    auto [a, b, c] = solve(normal, for_x, det);
    auto [d, e, f] = solve(normal, for_y, det);
    AffineMap map {a, b, c, d, e, f};
    if (!map.inverse())
        return std::nullopt;
    return map;
}

InkReading ink_in(const PageRect& area, const AffineMap& to_image, const InkGrid& grid)
{
    PageRect inner {area.x + kMarginPoints, area.y + kMarginPoints, area.width - 2 * kMarginPoints,
                    area.height - 2 * kMarginPoints};
    auto to_page = to_image.inverse();
    if (inner.width <= 0 || inner.height <= 0 || !to_page || grid.cell <= 0)
        return {};
    std::vector<Cell> cells = cells_inside(inner, to_image, *to_page, grid);
    std::map<int, bool> rule_rows = rules_among(cells, true), rule_columns = rules_among(cells, false);
    InkReading reading;
    int counted = 0;
    for (const Cell& cell : cells) {
        if (rule_rows[cell.row] || rule_columns[cell.column])
            continue;
        ++counted;
        reading.ink += cell.darkness;
        reading.inked_cells += cell.darkness > kInkyCell;
    }
    if (counted > 0)
        reading.ink /= counted;
    return reading;
}

bool looks_signed(const InkReading& reading)
{
    return reading.inked_cells >= kMinSignedCells && reading.ink >= kMinSignedInk;
}

std::vector<state::SignatureMark> read_signatures(const PageCode& scanned, const PlacedCode& printed,
                                                  const std::vector<SignatureArea>& areas)
{
    auto to_image = page_to_image(printed.symbol, scanned);
    std::vector<state::SignatureMark> marks;
    for (const SignatureArea& area : areas) {
        if (area.page != printed.page)
            continue;
        InkReading reading = to_image ? ink_in(area.area, *to_image, scanned.ink) : InkReading {};
        marks.push_back({area.label, reading.ink, looks_signed(reading)});
    }
    return marks;
}

} // namespace berkas::pipeline

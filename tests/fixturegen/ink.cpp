#include "ink.hpp"

#include <cmath>
#include <numbers>
#include <string>

namespace berkas::fixture {

namespace {

constexpr double ink_gray = 0.15;
constexpr double stamp_gray = 0.5; // violet or blue ink scans as mid-grey
constexpr Style rim_style {Face::sans_bold, 7.5};

// Letters follow the circle clockwise over the top, upright facing outwards.
void text_on_upper_arc(Canvas& canvas, Point centre, double radius, std::string_view text, Style style)
{
    double angle = std::numbers::pi / 2 + canvas.text_width(text, style) / radius / 2;
    for (char letter : text) {
        std::string glyph(1, letter);
        double advance = canvas.text_width(glyph, style) / radius;
        double at = angle - advance / 2;
        Point position {centre.x + radius * std::cos(angle), centre.y - radius * std::sin(angle)};
        canvas.text_rotated(position.x, position.y, glyph, style, at - std::numbers::pi / 2);
        angle -= advance;
    }
}

// Letters follow the circle anticlockwise along the bottom, tops facing the centre.
void text_on_lower_arc(Canvas& canvas, Point centre, double radius, std::string_view text, Style style)
{
    double angle = 3 * std::numbers::pi / 2 - canvas.text_width(text, style) / radius / 2;
    for (char letter : text) {
        std::string glyph(1, letter);
        double advance = canvas.text_width(glyph, style) / radius;
        double at = angle + advance / 2;
        Point position {centre.x + radius * std::cos(angle), centre.y - radius * std::sin(angle)};
        canvas.text_rotated(position.x, position.y, glyph, style, at + std::numbers::pi / 2);
        angle += advance;
    }
}

} // namespace

void draw_signature(Canvas& canvas, SeededRandom& random, double x, double top, double width, double height)
{
    canvas.set_gray(ink_gray);
    int strokes = random.between(4, 6);
    double step = width / strokes;
    Point pen {x, top + height * random.between_real(0.4, 0.8)};
    for (int i = 0; i < strokes; ++i) {
        Point next {pen.x + step * random.between_real(0.7, 1.3), top + height * random.between_real(0.05, 0.9)};
        Point control1 {pen.x + random.between_real(-0.5, 1.5) * step, top + height * random.between_real(-0.3, 1.2)};
        Point control2 {next.x - random.between_real(-0.5, 1.5) * step, top + height * random.between_real(-0.3, 1.2)};
        canvas.curve(pen, control1, control2, next, random.between_real(0.8, 1.4));
        pen = next;
    }
    // The closing flourish that underlines most Indonesian signatures.
    Point start {x + width * random.between_real(0.0, 0.3), top + height * 0.95};
    Point end {x + width * random.between_real(0.9, 1.15), top + height * random.between_real(0.6, 0.9)};
    canvas.curve(start, {start.x + width * 0.3, top + height * 1.1}, {end.x - width * 0.3, top + height}, end, 0.9);
    canvas.set_gray(0);
}

void draw_stamp(Canvas& canvas, Point centre, double radius, std::string_view upper_rim, std::string_view lower_rim,
                std::string_view middle)
{
    canvas.set_gray(stamp_gray);
    canvas.circle(centre, radius, 1.6);
    canvas.circle(centre, radius - 12, 0.8);
    text_on_upper_arc(canvas, centre, radius - 9, upper_rim, rim_style);
    text_on_lower_arc(canvas, centre, radius - 3.5, lower_rim, rim_style);
    canvas.text(centre.x, centre.y + 3, middle, {Face::sans_bold, 8}, Align::center);
    canvas.set_gray(0);
}

} // namespace berkas::fixture

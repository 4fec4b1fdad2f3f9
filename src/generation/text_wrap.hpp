#pragma once
// Pure text helpers for layout: UTF-8 safety and word wrapping against any width
// function (libharu's in the real renderer, a fake one in tests).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::generation {

using WidthFunction = std::function<double(std::string_view)>;

struct WrappedLine {
    std::string text;
    // The last line of a paragraph or of a hard line break: never justified.
    bool ends_paragraph = false;
};

// Breaks text into lines no wider than max_width. '\n' forces a break, runs of blanks
// collapse to one space, and a word wider than a whole line is split between UTF-8
// characters (long e-mail addresses in narrow table cells).
std::vector<WrappedLine> wrap_text(std::string_view text, double max_width, const WidthFunction& width);

// The words of one line, split on blanks.
std::vector<std::string> split_words(std::string_view line);

// The largest index <= position that starts a UTF-8 character.
size_t utf8_boundary_before(std::string_view text, size_t position);

// Makes text safe for the embedded fonts: invalid UTF-8, characters outside the Basic
// Multilingual Plane (libharu's UTF-8 mode maps code points to 16-bit CIDs) and control
// characters other than '\n' become '?'; tabs become spaces.
std::string sanitize_utf8(std::string_view text);

} // namespace berkas::generation

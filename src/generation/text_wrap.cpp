#include "generation/text_wrap.hpp"

#include "util/text.hpp"

namespace berkas::generation {

namespace {

bool is_continuation_byte(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence at `position`, or 0 when it is invalid.
size_t valid_sequence_length(std::string_view text, size_t position)
{
    auto lead = static_cast<unsigned char>(text[position]);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || position + length > text.size())
        return 0;
    for (size_t i = 1; i < length; ++i) {
        if (!is_continuation_byte(static_cast<unsigned char>(text[position + i])))
            return 0;
    }
    if (length == 2 && lead < 0xC2)
        return 0; // overlong
    if (length == 3) {
        auto second = static_cast<unsigned char>(text[position + 1]);
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0))
            return 0; // overlong or UTF-16 surrogate
    }
    return length;
}

// Splits a word that is wider than a line into pieces that fit, at character boundaries.
std::vector<std::string> split_long_word(std::string_view word, double max_width, const WidthFunction& width)
{
    std::vector<std::string> pieces;
    while (!word.empty()) {
        size_t end = word.size();
        while (end > 1 && width(word.substr(0, end)) > max_width)
            end = utf8_boundary_before(word, end - 1);
        if (end == 0)
            end = valid_sequence_length(word, 0) > 0 ? valid_sequence_length(word, 0) : 1;
        pieces.emplace_back(word.substr(0, end));
        word.remove_prefix(end);
    }
    return pieces;
}

void wrap_one_paragraph(std::string_view paragraph, double max_width, const WidthFunction& width,
                        std::vector<WrappedLine>& lines)
{
    std::string current;
    auto flush = [&](bool ends_paragraph) {
        lines.push_back({current, ends_paragraph});
        current.clear();
    };
    for (const std::string& word : split_words(paragraph)) {
        std::string candidate = current.empty() ? word : current + " " + word;
        if (width(candidate) <= max_width) {
            current = std::move(candidate);
            continue;
        }
        if (!current.empty())
            flush(false);
        if (width(word) <= max_width) {
            current = word;
            continue;
        }
        std::vector<std::string> pieces = split_long_word(word, max_width, width);
        for (size_t i = 0; i + 1 < pieces.size(); ++i) {
            current = pieces[i];
            flush(false);
        }
        current = pieces.back();
    }
    flush(true);
}

} // namespace

std::vector<std::string> split_words(std::string_view line)
{
    std::vector<std::string> words;
    size_t start = 0;
    while (start < line.size()) {
        size_t begin = line.find_first_not_of(" \t\r", start);
        if (begin == std::string_view::npos)
            break;
        size_t end = line.find_first_of(" \t\r", begin);
        if (end == std::string_view::npos)
            end = line.size();
        words.emplace_back(line.substr(begin, end - begin));
        start = end;
    }
    return words;
}

std::vector<WrappedLine> wrap_text(std::string_view text, double max_width, const WidthFunction& width)
{
    // Mustache sections leave a final newline behind; it is not a blank line to print.
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r'))
        text.remove_suffix(1);
    std::vector<WrappedLine> lines;
    if (text.empty())
        return lines;
    for (const std::string& paragraph : split_lines(text))
        wrap_one_paragraph(paragraph, max_width, width, lines);
    return lines;
}

size_t utf8_boundary_before(std::string_view text, size_t position)
{
    if (position >= text.size())
        return text.size();
    while (position > 0 && is_continuation_byte(static_cast<unsigned char>(text[position])))
        --position;
    return position;
}

std::string sanitize_utf8(std::string_view text)
{
    std::string clean;
    clean.reserve(text.size());
    size_t position = 0;
    while (position < text.size()) {
        size_t length = valid_sequence_length(text, position);
        auto lead = static_cast<unsigned char>(text[position]);
        if (length == 0 || length == 4) {
            clean += '?';
            position += length == 0 ? 1 : length;
            continue;
        }
        if (lead == '\t')
            clean += ' ';
        else if (lead < 0x20 && lead != '\n')
            clean += lead == '\r' ? "" : "?";
        else
            clean.append(text.substr(position, length));
        position += length;
    }
    return clean;
}

} // namespace berkas::generation

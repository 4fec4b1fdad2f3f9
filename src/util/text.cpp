#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace berkas {

std::string trim(std::string_view text)
{
    auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!text.empty() && is_space(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && is_space(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

std::string to_lower_ascii(std::string_view text)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

std::string to_upper_ascii(std::string_view text)
{
    std::string upper(text);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return upper;
}

std::vector<std::string> split_lines(std::string_view text)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool starts_with_ci(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    return to_lower_ascii(text.substr(0, prefix.size())) == to_lower_ascii(prefix);
}

std::string collapse_spaces(std::string_view text)
{
    std::string collapsed;
    bool in_space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            in_space = true;
            continue;
        }
        if (in_space && !collapsed.empty())
            collapsed += ' ';
        in_space = false;
        collapsed += c;
    }
    return collapsed;
}

std::string mask_identifiers(std::string_view text)
{
    std::string masked(text);
    size_t i = 0;
    while (i < masked.size()) {
        if (!std::isdigit(static_cast<unsigned char>(masked[i]))) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < masked.size() && std::isdigit(static_cast<unsigned char>(masked[end])))
            ++end;
        if (end - i >= 9)
            std::fill(masked.begin() + static_cast<long>(i), masked.begin() + static_cast<long>(end - 4), '*');
        i = end;
    }
    return masked;
}

size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace berkas

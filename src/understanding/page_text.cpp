#include "understanding/page_text.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace berkas::understanding {

NormalisedPage normalise_page(std::string_view text)
{
    NormalisedPage page;
    for (const std::string& line : split_lines(text)) {
        std::string printed = collapse_spaces(line);
        if (printed.empty())
            continue;
        page.lines.push_back(to_lower_ascii(printed));
        page.raw.push_back(std::move(printed));
    }
    page.top_line_count = (page.lines.size() + 2) / 3;
    return page;
}

namespace {

size_t allowed_errors(size_t length) { return length / 6; }

// Smallest edit distance between `phrase` and any substring of `line`
// (Sellers' approximate substring matching), stopping early once it is small.
size_t best_substring_distance(std::string_view line, std::string_view phrase)
{
    std::vector<size_t> previous(phrase.size() + 1), current(phrase.size() + 1);
    for (size_t j = 0; j <= phrase.size(); ++j)
        previous[j] = j;
    size_t best = previous[phrase.size()];
    for (size_t i = 1; i <= line.size(); ++i) {
        current[0] = 0; // a match may start anywhere in the line
        for (size_t j = 1; j <= phrase.size(); ++j) {
            size_t substitution = previous[j - 1] + (line[i - 1] == phrase[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        best = std::min(best, current[phrase.size()]);
        std::swap(previous, current);
    }
    return best;
}

} // namespace

bool contains_fuzzy(std::string_view line, std::string_view phrase)
{
    if (line.find(phrase) != std::string_view::npos)
        return true;
    size_t budget = allowed_errors(phrase.size());
    if (budget == 0)
        return false;
    return best_substring_distance(line, phrase) <= budget;
}

} // namespace berkas::understanding

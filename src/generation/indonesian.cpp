#include "generation/indonesian.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>
#include <vector>

namespace berkas::generation {

namespace {

constexpr std::array<const char*, 12> month_names {
    "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember",
};

bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month)
{
    constexpr std::array<int, 12> days {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[static_cast<size_t>(month - 1)];
}

std::optional<int> parse_digits(std::string_view digits)
{
    int value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::vector<std::string> split_on_spaces(std::string_view text)
{
    std::vector<std::string> words;
    std::istringstream stream {std::string(text)};
    for (std::string word; stream >> word;)
        words.push_back(word);
    return words;
}

std::string join(const std::vector<std::string>& words, size_t first, size_t last)
{
    std::string joined;
    for (size_t i = first; i < last; ++i) {
        if (!joined.empty())
            joined += ' ';
        joined += words[i];
    }
    return joined;
}

// Titles written before the name. Compared without the final dot and case-insensitively,
// because names are often read in capitals from a KTP ("DRS. H. AHMAD").
bool is_prefix_title(std::string_view word)
{
    static const std::array<std::string_view, 12> titles {
        "dr", "drs", "dra", "drg", "ir", "prof", "h", "hj", "kh", "ust", "ustadz", "apt",
    };
    if (word.size() < 2 || word.back() != '.') {
        // Without a dot only the unambiguous ones count: "H" alone could be an initial.
        std::string lower = to_lower_ascii(word);
        return lower == "dr" || lower == "drs" || lower == "dra" || lower == "ir" || lower == "prof" || lower == "hj";
    }
    std::string lower = to_lower_ascii(word.substr(0, word.size() - 1));
    return std::find(titles.begin(), titles.end(), lower) != titles.end();
}

// Degrees written after the name without a comma: "S.Kom", "M.Si.", "A.Md.Kom", "Ph.D".
// A name initial ("Budi S.") has nothing after its dot, so it is kept.
bool is_degree(std::string_view word)
{
    size_t dot = word.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 2 || dot + 1 >= word.size())
        return false;
    return std::isalpha(static_cast<unsigned char>(word[dot + 1])) != 0;
}

} // namespace

std::optional<CalendarDate> parse_iso_date(std::string_view iso_date)
{
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-')
        return std::nullopt;
    auto year = parse_digits(iso_date.substr(0, 4));
    auto month = parse_digits(iso_date.substr(5, 2));
    auto day = parse_digits(iso_date.substr(8, 2));
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1)
        return std::nullopt;
    if (*day > days_in_month(*year, *month))
        return std::nullopt;
    return CalendarDate {*year, *month, *day};
}

std::optional<std::string> format_indonesian_date(std::string_view iso_date)
{
    auto date = parse_iso_date(iso_date);
    if (!date)
        return std::nullopt;
    return std::to_string(date->day) + " " + month_names[static_cast<size_t>(date->month - 1)] + " " +
           std::to_string(date->year);
}

std::string strip_academic_titles(std::string_view name)
{
    // Everything after the first comma is post-nominal: "Siti Aminah, S.Kom., M.Si.".
    std::vector<std::string> words = split_on_spaces(name.substr(0, name.find(',')));
    size_t first = 0;
    size_t last = words.size();
    while (first < last && is_prefix_title(words[first]))
        ++first;
    while (last > first + 1 && is_degree(words[last - 1]))
        --last;
    return join(words, first, last);
}

std::string digits_only(std::string_view text)
{
    std::string digits;
    std::copy_if(text.begin(), text.end(), std::back_inserter(digits), [](char c) { return c >= '0' && c <= '9'; });
    return digits.empty() ? trim(text) : digits;
}

std::string title_case(std::string_view text)
{
    static const std::array<std::string_view, 7> lower_words {"dan", "atau", "di", "ke", "dari", "untuk", "serta"};
    std::vector<std::string> words = split_on_spaces(text);
    for (size_t i = 0; i < words.size(); ++i) {
        std::string word = to_lower_ascii(words[i]);
        bool stays_lower = i > 0 && std::find(lower_words.begin(), lower_words.end(), word) != lower_words.end();
        if (!stays_lower && !word.empty())
            word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        words[i] = word;
    }
    return join(words, 0, words.size());
}

} // namespace berkas::generation

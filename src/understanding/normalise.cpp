#include "understanding/normalise.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <vector>

namespace berkas::understanding {

namespace {

char as_digit(char c)
{
    switch (c) {
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'I': case 'l': case '|': case 'i': case '!': return '1';
    case 'S': case 's': case '$': return '5';
    case 'B': return '8';
    case 'Z': case 'z': return '2';
    case 'b': case 'G': return '6';
    default: return c;
    }
}

// Quote marks OCR makes of a colon or a speck beside a number: ASCII ones and
// the UTF-8 curly ones (“ ” ‘ ’), as in "NIK :”6172054106840062".
std::string_view without_quotes(std::string_view token)
{
    constexpr std::array<std::string_view, 7> quotes {"\"", "'", "`", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                                      "\xE2\x80\x99"};
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view quote : quotes) {
            if (token.starts_with(quote)) {
                token.remove_prefix(quote.size());
                stripped = true;
            }
            if (token.ends_with(quote)) {
                token.remove_suffix(quote.size());
                stripped = true;
            }
        }
    }
    return token;
}

// A token counts as numeric when, after mapping confusions, it is all digits
// and at least half of it was digits to begin with: "2O10" is a number, "Jalan"
// is not. Once a number has started, a group such as "OO2" continues it.
std::optional<std::string> numeric_token(std::string_view token, bool continues_number)
{
    token = without_quotes(token);
    while (!token.empty() && std::string_view(":;,").find(token.back()) != std::string_view::npos)
        token.remove_suffix(1); // a separator OCR saw after the number: "6172052008820296:"
    std::string digits;
    size_t real_digits = 0;
    for (char c : token) {
        if (c == '-' || c == '.')
            continue;
        char mapped = as_digit(c);
        if (!std::isdigit(static_cast<unsigned char>(mapped)))
            return std::nullopt;
        real_digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
        digits += mapped;
    }
    if (digits.empty() || (!continues_number && real_digits * 2 < digits.size()))
        return std::nullopt;
    return digits;
}

std::vector<std::string_view> tokens(std::string_view text)
{
    std::vector<std::string_view> result;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i > start)
            result.push_back(text.substr(start, i - start));
    }
    return result;
}

std::string strip_separators(std::string_view text)
{
    std::string value = trim(text);
    size_t start = value.find_first_not_of(":;.=- \t");
    if (start == std::string::npos)
        return {};
    return value.substr(start);
}

// Month names and the abbreviations clerks use; index + 1 is the month.
constexpr std::array<std::string_view, 12> month_names {"januari", "februari", "maret",     "april",
                                                       "mei",     "juni",     "juli",      "agustus",
                                                       "september", "oktober", "november", "desember"};

std::optional<int> month_from_word(std::string_view word)
{
    std::string lower = to_lower_ascii(word);
    while (!lower.empty() && !std::isalpha(static_cast<unsigned char>(lower.back())))
        lower.pop_back();
    if (lower.size() < 3)
        return std::nullopt;
    if (lower == "agt" || lower == "ags")
        return 8;
    for (size_t i = 0; i < month_names.size(); ++i) {
        bool abbreviation = lower.size() <= 4 && month_names[i].substr(0, lower.size()) == lower;
        if (lower == month_names[i] || abbreviation)
            return static_cast<int>(i + 1);
    }
    // An OCR slip ("Mel", "Oktaber"): the closest name, if close and unambiguous.
    std::array<size_t, 12> distances {};
    for (size_t i = 0; i < month_names.size(); ++i)
        distances[i] = edit_distance(lower, month_names[i]);
    auto closest = std::min_element(distances.begin(), distances.end());
    size_t allowed = lower.size() >= 6 ? 2 : 1;
    if (*closest > allowed || std::count(distances.begin(), distances.end(), *closest) > 1)
        return std::nullopt;
    return static_cast<int>(closest - distances.begin()) + 1;
}

std::optional<int> number_of(std::string_view token, size_t min_digits, size_t max_digits)
{
    auto digits = numeric_token(token, true);
    if (!digits || digits->size() < min_digits || digits->size() > max_digits)
        return std::nullopt;
    return std::stoi(*digits);
}

std::optional<std::string> iso_if_valid(int year, int month, int day)
{
    CivilDate date {year, month, day};
    if (!is_valid_date(date))
        return std::nullopt;
    return to_iso(date);
}

// "26 Mei 2025": day, month word, year as three tokens.
std::optional<std::string> worded_date(const std::vector<std::string_view>& words, size_t i)
{
    if (i + 2 >= words.size())
        return std::nullopt;
    auto day = number_of(words[i], 1, 2);
    auto month = month_from_word(words[i + 1]);
    auto year = number_of(words[i + 2].substr(0, std::min<size_t>(words[i + 2].size(), 5)), 4, 4);
    if (!day || !month || !year)
        return std::nullopt;
    return iso_if_valid(*year, *month, *day);
}

// "26-05-2025" or "26/05/2025" as one token.
std::optional<std::string> numeric_date(std::string_view token)
{
    static const std::regex pattern(R"(^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[.,;]?$)");
    std::string text(token);
    std::smatch match;
    if (!std::regex_match(text, match, pattern))
        return std::nullopt;
    return iso_if_valid(std::stoi(match[3]), std::stoi(match[2]), std::stoi(match[1]));
}

bool is_mark(char c)
{
    return static_cast<unsigned char>(c) >= 0x80 || std::string_view(" :;|_~*-=\"'`!").find(c) != std::string_view::npos;
}

// Marks OCR leaves around a value: separators, quotes, bars and dashes (also
// the UTF-8 ones, “ and —). A value starts with a letter or a digit.
std::string strip_marks(std::string_view text)
{
    std::string value = collapse_spaces(text);
    size_t start = 0;
    while (start < value.size() && !std::isalnum(static_cast<unsigned char>(value[start])))
        ++start;
    size_t end = value.size();
    while (end > start && is_mark(value[end - 1]))
        --end;
    return value.substr(start, end - start);
}

} // namespace

std::optional<std::string> read_date(std::string_view text)
{
    std::string cleaned(text);
    std::replace(cleaned.begin(), cleaned.end(), ',', ' ');
    auto words = tokens(cleaned);
    for (size_t i = 0; i < words.size(); ++i) {
        if (auto date = worded_date(words, i))
            return date;
        if (auto date = numeric_date(words[i]))
            return date;
    }
    return std::nullopt;
}

namespace {

// The first run of numeric groups, e.g. "19850312 201001 1 004".
std::vector<std::string> numeric_groups(std::string_view text)
{
    std::vector<std::string> groups;
    std::string cleaned = strip_separators(text); // tokens() views into it
    for (std::string_view token : tokens(cleaned)) {
        auto numeric = numeric_token(token, !groups.empty());
        if (!numeric) {
            if (!groups.empty())
                break;
            continue; // words before the number, e.g. "NIP. Pembina"
        }
        groups.push_back(*numeric);
    }
    return groups;
}

} // namespace

std::string numeric_run(std::string_view text)
{
    std::string digits;
    for (const std::string& group : numeric_groups(text))
        digits += group;
    return digits;
}

std::optional<std::string> read_identifier(std::string_view text, size_t length)
{
    std::vector<std::string> groups = numeric_groups(text);
    // Consecutive groups that make exactly `length` digits; a stray group in
    // front (a colon read as "..1") is skipped.
    for (size_t first = 0; first < groups.size(); ++first) {
        std::string digits;
        for (size_t i = first; i < groups.size() && digits.size() < length; ++i)
            digits += groups[i];
        if (digits.size() == length)
            return digits;
    }
    return std::nullopt;
}

std::optional<std::string> read_email(std::string_view text)
{
    std::string repaired;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xA9") == 0) { // '©', a common misreading of '@'
            repaired += '@';
            ++i;
            continue;
        }
        repaired += text[i];
    }
    static const std::regex spaced(R"(\s*([@.])\s*)");
    repaired = std::regex_replace(repaired, spaced, "$1");
    static const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)");
    std::smatch match;
    if (!std::regex_search(repaired, match, email))
        return std::nullopt;
    std::string address = to_lower_ascii(match.str());
    while (!address.empty() && (address.back() == '.' || address.back() == '-'))
        address.pop_back();
    size_t start = address.find_first_not_of("._%+-"); // a mark before the address, "-rudi.lubis@…"
    if (start == std::string::npos)
        return std::nullopt;
    // The government domain misread: ".po.id", ".qo.id", ".9o.id", ".g0.id" are
    // no Indonesian second-level domains, ".go.id" is.
    static const std::regex government(R"(\.[gpq9][o0]\.id$)");
    return std::regex_replace(address.substr(start), government, ".go.id");
}

std::optional<std::string> read_phone(std::string_view text)
{
    std::string digits;
    for (char c : strip_separators(text)) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')' && c != '.')
            break;
    }
    if (digits.rfind("62", 0) == 0)
        digits.replace(0, 2, "0");
    if (digits.size() < 10 || digits.size() > 13 || digits[0] != '0')
        return std::nullopt;
    return digits;
}

std::string read_name(std::string_view text)
{
    std::string name = strip_marks(text);
    size_t first_letter = 0; // a name starts with a letter: "4 KARTIKA" is a misread mark and a name
    while (first_letter < name.size() && !std::isalpha(static_cast<unsigned char>(name[first_letter])))
        ++first_letter;
    return name.substr(first_letter);
}

std::string read_text(std::string_view text) { return strip_marks(text); }

} // namespace berkas::understanding

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

// A token counts as numeric when, after mapping confusions, it is all digits
// and at least half of it was digits to begin with: "2O10" is a number, "Jalan"
// is not. Once a number has started, a group such as "OO2" continues it.
std::optional<std::string> numeric_token(std::string_view token, bool continues_number)
{
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

} // namespace

std::optional<std::string> read_identifier(std::string_view text, size_t length)
{
    std::string digits;
    std::string cleaned = strip_separators(text); // tokens() views into it
    for (std::string_view token : tokens(cleaned)) {
        auto numeric = numeric_token(token, !digits.empty());
        if (!numeric) {
            if (!digits.empty())
                break;
            continue; // words before the number, e.g. "NIP. Pembina"
        }
        digits += *numeric;
        if (digits.size() >= length)
            break;
    }
    if (digits.size() != length)
        return std::nullopt;
    return digits;
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
    return address;
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
        digits = "0" + digits.substr(2);
    if (digits.size() < 10 || digits.size() > 13 || digits[0] != '0')
        return std::nullopt;
    return digits;
}

std::string read_name(std::string_view text)
{
    std::string value = collapse_spaces(strip_separators(text));
    while (!value.empty() && std::string_view("|_~*").find(value.back()) != std::string_view::npos)
        value.pop_back();
    return trim(value);
}

std::string read_text(std::string_view text) { return collapse_spaces(strip_separators(text)); }

std::string name_without_titles(std::string_view name)
{
    static const std::array<std::string_view, 30> titles {
        "dr", "drs", "dra", "ir", "prof", "h", "hj", "s.kom", "s.t", "s.e", "s.h", "s.pd", "s.sos", "s.ip",
        "s.si", "s.ag", "s.ked", "s.stp", "s.farm", "s.ak", "a.md", "m.si", "m.kom", "m.t", "m.m", "m.pd",
        "m.h", "m.ap", "m.e", "ph.d"};
    std::string cleaned;
    for (std::string_view token : tokens(name)) {
        std::string bare = to_lower_ascii(token);
        while (!bare.empty() && (bare.back() == ',' || bare.back() == '.'))
            bare.pop_back();
        if (std::find(titles.begin(), titles.end(), bare) != titles.end())
            continue;
        if (bare.find('.') != std::string::npos && bare.size() <= 6)
            continue; // other abbreviated degrees, e.g. "S.Kep."
        if (!cleaned.empty())
            cleaned += ' ';
        cleaned += to_upper_ascii(bare);
    }
    return cleaned;
}

} // namespace berkas::understanding

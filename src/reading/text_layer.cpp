#include "reading/text_layer.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace berkas::reading {

namespace {

// Thresholds: a page needs more than ~20 characters (PDF-OCR.md §0) and at
// least a handful of words; symbol soup fails the share tests.
constexpr std::size_t kMinCharacters = 21;
constexpr std::size_t kMinWords = 5;
constexpr double kMinLetterDigitShare = 0.70;
constexpr double kMaxGarbageShare = 0.02;
constexpr double kMinWordShare = 0.50;
constexpr std::size_t kMaxWordLength = 30;

enum class CharClass { space, letter, digit, punctuation, other, garbage };

constexpr char32_t kInvalid = 0xFFFD;

// Decodes one code point; malformed sequences yield U+FFFD and consume a byte.
char32_t next_code_point(std::string_view text, std::size_t& pos)
{
    const auto lead = static_cast<unsigned char>(text[pos++]);
    if (lead < 0x80)
        return lead;
    int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0 || lead > 0xF4 || text.size() - pos < std::size_t(extra))
        return kInvalid;
    char32_t cp = lead & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) {
        const auto cont = static_cast<unsigned char>(text[pos + i]);
        if ((cont & 0xC0) != 0x80)
            return kInvalid;
        cp = (cp << 6) | (cont & 0x3F);
    }
    pos += extra;
    return cp;
}

CharClass classify(char32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0)
        return CharClass::space;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return CharClass::letter;
    if (cp >= '0' && cp <= '9')
        return CharClass::digit;
    if (cp < 0x20 || cp == 0x7F || cp == kInvalid || (cp >= 0xE000 && cp <= 0xF8FF))
        return CharClass::garbage; // control codes, undecodable bytes, private-use glyph codes
    if (cp < 0x80)
        return CharClass::punctuation;
    // Latin-1 letters, Latin Extended-A/B and Latin Extended Additional (é, ñ, ă …).
    if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF))
        return CharClass::letter;
    return CharClass::other;
}

bool is_vowel(char32_t cp)
{
    switch (cp | 0x20) { // ASCII lower case
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
        return true;
    default:
        return cp >= 0xC0; // accented Latin letters are vowels more often than not
    }
}

// A token is word-like when it reads as a word ("Nama", "Kabupaten") or a number
// ("3273014506990002", "12/03/2024") once surrounding punctuation is removed.
bool is_word_like(const std::u32string& token)
{
    std::size_t first = 0, last = token.size();
    while (first < last && classify(token[first]) == CharClass::punctuation)
        ++first;
    while (last > first && classify(token[last - 1]) == CharClass::punctuation)
        --last;
    if (first == last || last - first > kMaxWordLength)
        return false;
    std::size_t letters = 0, digits = 0, vowels = 0;
    for (std::size_t i = first; i < last; ++i) {
        const char32_t cp = token[i];
        switch (classify(cp)) {
        case CharClass::letter:
            ++letters;
            vowels += is_vowel(cp) ? 1 : 0;
            break;
        case CharClass::digit:
            ++digits;
            break;
        default:
            if (cp != '.' && cp != ',' && cp != '/' && cp != '-' && cp != ':' && cp != '\'')
                return false; // joiners inside dates, numbers and names are fine
        }
    }
    if (letters == 0)
        return digits > 0;
    return digits == 0 && vowels > 0;
}

struct TextStatistics {
    std::size_t visible = 0;        // non-space code points
    std::size_t letters_digits = 0;
    std::size_t garbage = 0;
    std::size_t tokens = 0;
    std::size_t word_like = 0;
};

TextStatistics measure(std::string_view utf8)
{
    TextStatistics stats;
    std::u32string token;
    auto finish_token = [&] {
        if (token.empty())
            return;
        ++stats.tokens;
        stats.word_like += is_word_like(token) ? 1 : 0;
        token.clear();
    };
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = next_code_point(utf8, pos);
        const CharClass kind = classify(cp);
        if (kind == CharClass::space) {
            finish_token();
            continue;
        }
        ++stats.visible;
        stats.letters_digits += (kind == CharClass::letter || kind == CharClass::digit) ? 1 : 0;
        stats.garbage += kind == CharClass::garbage ? 1 : 0;
        token.push_back(cp);
    }
    finish_token();
    return stats;
}

} // namespace

bool is_usable_text_layer(std::string_view utf8)
{
    const TextStatistics stats = measure(utf8);
    if (stats.visible < kMinCharacters || stats.word_like < kMinWords)
        return false;
    const double visible = double(stats.visible);
    return stats.letters_digits / visible >= kMinLetterDigitShare && stats.garbage / visible <= kMaxGarbageShare &&
           double(stats.word_like) / double(stats.tokens) >= kMinWordShare;
}

} // namespace berkas::reading

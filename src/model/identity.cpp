#include "model/identity.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>

namespace berkas {

namespace {

// Province codes in force (Kepmendagri 300.2.2-2138/2025, DOMAIN.md §3.1).
bool is_province_code(int code)
{
    return (code >= 11 && code <= 19) || code == 21 || (code >= 31 && code <= 36) || (code >= 51 && code <= 53) ||
           (code >= 61 && code <= 65) || (code >= 71 && code <= 76) || code == 81 || code == 82 ||
           (code >= 91 && code <= 96);
}

bool all_digits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int number_at(std::string_view digits, size_t position, size_t length)
{
    int value = 0;
    for (char c : digits.substr(position, length))
        value = value * 10 + (c - '0');
    return value;
}

std::string two(int value)
{
    char text[8];
    std::snprintf(text, sizeof text, "%02d", value % 100);
    return text;
}

std::string date_text(const CivilDate& date)
{
    return two(date.day) + "-" + two(date.month) + "-" + std::to_string(date.year);
}

// A two-digit year is valid for any century: check it as 2000+yy, which has
// the same leap years as 1900+yy except 1900 itself (rare enough to ignore).
bool is_valid_short_date(const CivilDate& date)
{
    return is_valid_date(CivilDate {2000 + date.year, date.month, date.day});
}

void check_nik_region(NikFacts& facts)
{
    if (!is_province_code(facts.province))
        facts.defects.push_back("kode provinsi " + two(facts.province) + " tidak dikenal");
    if (facts.regency == 0 || facts.regency == 70)
        facts.defects.push_back("kode kabupaten/kota " + two(facts.regency) + " tidak mungkin");
    if (facts.district == 0)
        facts.defects.push_back("kode kecamatan 00 tidak mungkin");
}

void check_nip_appointment(NipFacts& facts, int current_year)
{
    const char* what = facts.kind == NipKind::pns ? "TMT CPNS " : "tahun pengangkatan PPPK ";
    std::string when = facts.kind == NipKind::pns
                           ? std::to_string(facts.appointment_year) + "-" + two(facts.appointment_month)
                           : std::to_string(facts.appointment_year);
    if (facts.appointment_year > current_year)
        facts.defects.push_back(what + when + " di masa depan");
    else if (facts.birth.year > 0 && facts.appointment_year < facts.birth.year + 18)
        facts.defects.push_back(what + when + " sebelum pegawai berusia 18 tahun");
    else if (facts.birth.year > 0 && facts.appointment_year > facts.birth.year + 60)
        facts.defects.push_back(what + when + " setelah pegawai berusia 60 tahun"); // past any retirement age

}

std::string letters_and_spaces(std::string_view text)
{
    std::string kept;
    for (char c : text) {
        if (std::isalpha(static_cast<unsigned char>(c)))
            kept += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        else if (!kept.empty() && kept.back() != ' ')
            kept += ' ';
    }
    return trim(kept);
}

std::vector<std::string> words_of(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ') {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

bool close_enough(std::string_view a, std::string_view b)
{
    size_t longest = std::max(a.size(), b.size());
    return edit_distance(a, b) <= std::max<size_t>(1, longest / 6);
}

// "BUDI SANTOSO" is "BUDI AGUS SANTOSO" with the middle name left out.
bool words_contained(const std::vector<std::string>& shorter, const std::vector<std::string>& longer)
{
    if (shorter.size() < 2)
        return false;
    size_t next = 0;
    for (const std::string& word : shorter) {
        while (next < longer.size() && !close_enough(word, longer[next]))
            ++next;
        if (next == longer.size())
            return false;
        ++next;
    }
    return true;
}

bool is_title(std::string_view bare)
{
    static const std::array<std::string_view, 30> titles {
        "dr", "drs", "dra", "ir", "prof", "h", "hj", "s.kom", "s.t", "s.e", "s.h", "s.pd", "s.sos", "s.ip",
        "s.si", "s.ag", "s.ked", "s.stp", "s.farm", "s.ak", "a.md", "m.si", "m.kom", "m.t", "m.m", "m.pd",
        "m.h", "m.ap", "m.e", "ph.d"};
    if (std::find(titles.begin(), titles.end(), bare) != titles.end())
        return true;
    return bare.find('.') != std::string_view::npos && bare.size() <= 8; // "S.Kep", "A.Md.Kom"
}

} // namespace

int days_in_month(int year, int month)
{
    static constexpr std::array<int, 12> days {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<size_t>(month - 1)];
}

bool is_valid_date(const CivilDate& date)
{
    return date.year >= 1900 && date.year <= 2100 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

std::optional<CivilDate> parse_iso_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    std::string digits = std::string(text.substr(0, 4)) + std::string(text.substr(5, 2)) + std::string(text.substr(8, 2));
    if (!all_digits(digits))
        return std::nullopt;
    CivilDate date {number_at(digits, 0, 4), number_at(digits, 4, 2), number_at(digits, 6, 2)};
    if (!is_valid_date(date))
        return std::nullopt;
    return date;
}

std::string to_iso(const CivilDate& date) { return std::to_string(date.year) + "-" + two(date.month) + "-" + two(date.day); }

int whole_years_between(const CivilDate& from, const CivilDate& to)
{
    int years = to.year - from.year;
    if (to.month < from.month || (to.month == from.month && to.day < from.day))
        --years;
    return years;
}

NikFacts read_nik(std::string_view nik)
{
    NikFacts facts;
    if (nik.size() != 16 || !all_digits(nik)) {
        facts.defects.push_back("NIK harus 16 angka");
        return facts;
    }
    facts.province = number_at(nik, 0, 2);
    facts.regency = number_at(nik, 2, 2);
    facts.district = number_at(nik, 4, 2);
    int day = number_at(nik, 6, 2);
    facts.gender = day > 40 ? Gender::female : Gender::male;
    facts.birth = CivilDate {number_at(nik, 10, 2), number_at(nik, 8, 2), day > 40 ? day - 40 : day};
    facts.serial = number_at(nik, 12, 4);
    check_nik_region(facts);
    if (!is_valid_short_date(facts.birth))
        facts.defects.push_back("tanggal lahir " + two(day) + two(facts.birth.month) + two(facts.birth.year) +
                                " tidak mungkin (perempuan: tanggal + 40)");
    if (facts.serial == 0)
        facts.defects.push_back("nomor urut 0000 tidak mungkin");
    return facts;
}

NipFacts read_nip(std::string_view nip, int current_year)
{
    NipFacts facts;
    if (nip.size() != 18 || !all_digits(nip)) {
        facts.defects.push_back("NIP harus 18 angka");
        return facts;
    }
    facts.birth = CivilDate {number_at(nip, 0, 4), number_at(nip, 4, 2), number_at(nip, 6, 2)};
    facts.appointment_year = number_at(nip, 8, 4);
    int month_digits = number_at(nip, 12, 2);
    facts.kind = month_digits >= 1 && month_digits <= 12 ? NipKind::pns : NipKind::pppk;
    if (facts.kind == NipKind::pns)
        facts.appointment_month = month_digits;
    int gender_digit = nip[14] - '0';
    if (gender_digit == 1 || gender_digit == 2)
        facts.gender = gender_digit == 1 ? Gender::male : Gender::female;
    facts.serial = number_at(nip, 15, 3);
    if (!is_valid_date(facts.birth) || facts.birth.year > current_year)
        facts.defects.push_back("tanggal lahir " + date_text(facts.birth) + " tidak mungkin");
    check_nip_appointment(facts, current_year);
    if (!facts.gender)
        facts.defects.push_back("digit jenis kelamin harus 1 atau 2, tertulis " + std::string(1, nip[14]));
    if (facts.serial == 0)
        facts.defects.push_back("nomor urut 000 tidak mungkin");
    return facts;
}

bool same_birth_date(const CivilDate& nik_birth, const CivilDate& full_birth)
{
    return nik_birth.day == full_birth.day && nik_birth.month == full_birth.month &&
           nik_birth.year == full_birth.year % 100;
}

std::string name_without_titles(std::string_view name)
{
    // Degrees follow the first comma ("Rina Sari, S.Kom., M.Si."); titles before
    // the name ("Dr. Ir. H.") are single abbreviations.
    std::string_view before_comma = name.substr(0, name.find(','));
    std::string cleaned;
    for (const std::string& token : words_of(collapse_spaces(before_comma))) {
        std::string bare = to_lower_ascii(token);
        while (!bare.empty() && (bare.back() == '.' || bare.back() == ';'))
            bare.pop_back();
        if (bare.empty() || is_title(bare))
            continue;
        if (!cleaned.empty())
            cleaned += ' ';
        cleaned += to_upper_ascii(bare);
    }
    return cleaned;
}

bool same_person_name(std::string_view a, std::string_view b)
{
    std::string left = letters_and_spaces(name_without_titles(a));
    std::string right = letters_and_spaces(name_without_titles(b));
    if (left.empty() || right.empty())
        return false;
    if (close_enough(left, right))
        return true;
    auto left_words = words_of(left), right_words = words_of(right);
    if (left_words.size() > right_words.size())
        std::swap(left_words, right_words);
    return words_contained(left_words, right_words);
}

size_t differing_digits(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return SIZE_MAX;
    size_t count = 0;
    for (size_t i = 0; i < a.size(); ++i)
        count += a[i] != b[i] ? 1 : 0;
    return count;
}

} // namespace berkas

#pragma once
// Pure helpers for the Indonesian conventions of official letters (tata naskah dinas).
#include <optional>
#include <string>
#include <string_view>

namespace berkas::generation {

struct CalendarDate {
    int year = 0;
    int month = 0; // 1–12
    int day = 0;   // 1–31
};

// Accepts exactly "YYYY-MM-DD" naming a real day; anything else gives nullopt.
std::optional<CalendarDate> parse_iso_date(std::string_view iso_date);

// "2026-11-21" → "21 November 2026"; nullopt when the date is not valid.
std::optional<std::string> format_indonesian_date(std::string_view iso_date);

// Removes academic and religious titles, which a surat rekomendasi leaves out of the name:
// "Dr. Ir. Hj. Siti Aminah, S.Kom., M.Si." → "Siti Aminah".
std::string strip_academic_titles(std::string_view name);

// "19850312 201001 1 004" → "198503122010011004". NIK and NIP are printed as bare
// digits; a value without any digit is returned trimmed, so "-" stays "-".
std::string digits_only(std::string_view text);

// "PEMERINTAH KOTA PONTIANAK" → "Pemerintah Kota Pontianak"; conjunctions stay lower
// case ("Dinas Komunikasi dan Informatika"). ASCII only, which is what kop lines use.
std::string title_case(std::string_view text);

} // namespace berkas::generation

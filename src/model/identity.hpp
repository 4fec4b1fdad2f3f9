#pragma once
// What the applicant's identifiers and name say about them (DOMAIN.md §3):
// the structure of the 16-digit NIK and the 18-digit NIP, and how to compare
// names printed with and without academic titles. Pure functions; shared by
// understanding (is this number plausible?) and validation (is it right?).
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berkas {

enum class Gender { male, female };

struct CivilDate {
    int year = 0; // four digits, or two for a NIK (see NikFacts)
    int month = 0;
    int day = 0;
    auto operator<=>(const CivilDate&) const = default;
};

int days_in_month(int year, int month);
bool is_valid_date(const CivilDate& date); // year 1900–2100

// "2025-05-26" → {2025, 5, 26}; anything else → nullopt.
std::optional<CivilDate> parse_iso_date(std::string_view text);
std::string to_iso(const CivilDate& date);

// Whole years from `from` to `to` (negative when `to` is earlier).
int whole_years_between(const CivilDate& from, const CivilDate& to);

// NIK `PP KK CC DDMMYY SSSS`: province, kabupaten/kota, kecamatan, birth date
// with 40 added to the day for women, serial.
struct NikFacts {
    int province = 0;
    int regency = 0; // kabupaten 01–69, kota 71–99
    int district = 0;
    CivilDate birth; // year has two digits: the NIK does not say the century
    Gender gender = Gender::male;
    int serial = 0;
    std::vector<std::string> defects; // Indonesian, one per structural fault; empty = well-formed
};

// `nik` must be 16 digits; anything else is one defect.
NikFacts read_nik(std::string_view nik);

// NIP PNS `YYYYMMDD YYYYMM G NNN` (birth date, TMT CPNS, gender 1/2, serial).
// An NI PPPK has the same length but digits 13–14 are not a month: it is
// classified as PPPK, its digits 9–12 being the year of appointment.
enum class NipKind { pns, pppk };

struct NipFacts {
    NipKind kind = NipKind::pns;
    CivilDate birth;
    int appointment_year = 0;  // TMT CPNS (PNS) or first PPPK contract
    int appointment_month = 0; // PNS only
    std::optional<Gender> gender; // digit 15; nullopt when it is not 1 or 2
    int serial = 0;
    std::vector<std::string> defects; // Indonesian; empty = well-formed
};

// `current_year` bounds the TMT: an appointment cannot lie in the future.
NipFacts read_nip(std::string_view nip, int current_year);

// The NIK's two-digit birth year matches a four-digit year.
bool same_birth_date(const CivilDate& nik_birth, const CivilDate& full_birth);

// The name without academic and religious titles, upper case and single-spaced,
// for comparing names across documents and for the letter to BSrE
// ("Dr. Siti Aminah, M.Si." → "SITI AMINAH").
std::string name_without_titles(std::string_view name);

// True when two printed names are the same person's: titles stripped, then
// equal up to about one OCR slip in six letters, or one name is the other with
// a middle name left out.
bool same_person_name(std::string_view a, std::string_view b);

// Positions at which two equally long identifiers differ (SIZE_MAX when the lengths differ).
size_t differing_digits(std::string_view a, std::string_view b);

} // namespace berkas

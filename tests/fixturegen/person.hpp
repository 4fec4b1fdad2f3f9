#pragma once
// A synthetic civil servant whose NIK and NIP agree with each other (birth
// date, gender) and with the rules in DOMAIN.md §3.
#include "calendar.hpp"
#include "random.hpp"

#include <string>
#include <string_view>

namespace berkas::fixture {

enum class Gender { male, female };
enum class Education { senior_high, diploma, bachelor, master, doctorate };

struct HomeAddress {
    std::string street; // "JL. PURNAMA NO. 12"
    std::string rt_rw; // "003/011"
    std::string kelurahan;
    std::string kecamatan;
    std::string region; // KTP header, e.g. "KOTA PONTIANAK"
};

struct Person {
    std::string given_name; // one or two words
    std::string family_name;
    std::string title_before; // "Dr. " or empty
    std::string title_after; // ", S.Kom., M.Si." or empty
    Gender gender = Gender::male;
    Education education = Education::bachelor;
    Date birth_date;
    std::string birth_place; // "Pontianak"
    std::string religion; // KTP spelling, "ISLAM"
    std::string marital_status; // "KAWIN"
    HomeAddress address;
    std::string nik;
    Date tmt_cpns; // first appointment as CPNS; the day is always 1
    std::string nip;
    int rank = 0; // index into vocabulary::ranks()
    std::string jabatan;
    std::string email;
    std::string phone;

    std::string name() const; // as printed on letters: with titles
    std::string name_without_titles() const;
    std::string pangkat() const; // "Penata Muda / III.a"
};

// What kind of person to draw: the applicant, or a more senior official.
struct PersonProfile {
    int earliest_birth_year = 1976;
    int latest_birth_year = 1996;
    int minimum_rank = 0;
    bool senior_official = false; // always a master's degree, structural career
};

Person make_person(SeededRandom& random, const PersonProfile& profile);

// "19850312 201001 1 004": how SKs and many letters print an 18-digit NIP.
std::string nip_with_spaces(std::string_view nip);

std::string pangkat_text(int rank);

std::string to_upper_ascii(std::string_view text);
std::string to_lower_ascii(std::string_view text);

} // namespace berkas::fixture

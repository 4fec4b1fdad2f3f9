#include "person.hpp"

#include "vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace berkas::fixture {

namespace {

// Civil servants are appointed CPNS at 21 at the earliest (NIP digits 9–14
// must fall at age ≥ 20) and no later than 2020, so that the 2024 SK can be a
// promotion after at least four years.
constexpr int latest_cpns_year = 2020;
constexpr int promotion_year = 2024;

struct Career {
    int youngest_entry_age;
    int entry_rank;
    int highest_rank;
};

Career career_of(Education education)
{
    switch (education) {
    case Education::senior_high:
        return {21, 0, 3};
    case Education::diploma:
        return {22, 2, 6};
    case Education::bachelor:
        return {23, 4, 8};
    case Education::master:
        return {25, 5, 9};
    case Education::doctorate:
        return {28, 6, 10};
    }
    return {23, 4, 8};
}

Education pick_education(SeededRandom& random, const PersonProfile& profile)
{
    if (profile.senior_official)
        return Education::master;
    int roll = random.between(1, 100);
    if (roll <= 10)
        return Education::senior_high;
    if (roll <= 28)
        return Education::diploma;
    if (roll <= 80)
        return Education::bachelor;
    return roll <= 95 ? Education::master : Education::doctorate;
}

std::string pick_religion(SeededRandom& random)
{
    int roll = random.between(1, 100);
    if (roll <= 70)
        return "ISLAM";
    if (roll <= 80)
        return "KRISTEN";
    if (roll <= 90)
        return "KATOLIK";
    if (roll <= 95)
        return "BUDHA";
    return roll <= 97 ? "HINDU" : "KONGHUCU";
}

Faith faith_of(std::string_view religion)
{
    if (religion == "ISLAM")
        return Faith::islam;
    if (religion == "KRISTEN" || religion == "KATOLIK")
        return Faith::christian;
    return Faith::other;
}

void pick_names(SeededRandom& random, Person& person)
{
    auto givens = vocabulary::given_names(person.gender == Gender::female, faith_of(person.religion));
    person.given_name = std::string(random.pick(givens));
    if (random.chance(25)) {
        std::string_view middle = random.pick(givens);
        if (middle != person.given_name)
            person.given_name += " " + std::string(middle);
    }
    person.family_name = std::string(random.pick(vocabulary::family_names()));
}

void pick_titles(SeededRandom& random, Person& person)
{
    switch (person.education) {
    case Education::senior_high:
        return;
    case Education::diploma:
        if (random.chance(70))
            person.title_after = random.pick(vocabulary::diploma_titles());
        return;
    case Education::bachelor:
        if (random.chance(85))
            person.title_after = random.pick(vocabulary::bachelor_titles());
        return;
    case Education::doctorate:
        person.title_before = "Dr. ";
        [[fallthrough]];
    case Education::master:
        person.title_after = std::string(random.pick(vocabulary::bachelor_titles())) +
                             std::string(random.pick(vocabulary::master_titles()));
        return;
    }
}

Date pick_birth_date(SeededRandom& random, int earliest_year, int latest_year)
{
    Date date;
    date.year = random.between(earliest_year, latest_year);
    date.month = random.between(1, 12);
    date.day = random.between(1, days_in_month(date.year, date.month));
    return date;
}

std::string pick_marital_status(SeededRandom& random, int age)
{
    int roll = random.between(1, 100);
    int married_share = age >= 30 ? 85 : 55;
    if (roll <= married_share)
        return "KAWIN";
    return roll <= married_share + 5 ? "CERAI HIDUP" : "BELUM KAWIN";
}

std::string padded(int value, size_t width)
{
    std::string text = std::to_string(value);
    return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

// NIK `PP KK CC DDMMYY SSSS`; women add 40 to the day (DOMAIN.md §3.1).
std::string make_nik(const Region& region, const Kecamatan& kecamatan, const Person& person, int serial)
{
    int day = person.birth_date.day + (person.gender == Gender::female ? 40 : 0);
    return std::string(region.code) + std::string(kecamatan.code) + two_digits(day) +
           two_digits(person.birth_date.month) + two_digits(person.birth_date.year) + padded(serial, 4);
}

// NIP `YYYYMMDD YYYYMM G NNN`; gender digit 1 male, 2 female (DOMAIN.md §3.2).
std::string make_nip(const Person& person, int serial)
{
    const Date& birth = person.birth_date;
    return std::to_string(birth.year) + two_digits(birth.month) + two_digits(birth.day) +
           std::to_string(person.tmt_cpns.year) + two_digits(person.tmt_cpns.month) +
           (person.gender == Gender::female ? "2" : "1") + padded(serial, 3);
}

void pick_home(SeededRandom& random, Person& person)
{
    const Region& region = random.pick(vocabulary::regions());
    const Kecamatan& kecamatan = random.pick(region.kecamatan);
    person.address.region = std::string(region.header);
    person.address.kecamatan = std::string(kecamatan.name);
    person.address.kelurahan = std::string(random.pick(kecamatan.kelurahan));
    person.address.street =
        std::string(random.pick(vocabulary::home_streets())) + " NO. " + std::to_string(random.between(1, 120));
    person.address.rt_rw = padded(random.between(1, 9), 3) + "/" + padded(random.between(1, 25), 3);
    person.birth_place =
        random.chance(60) ? std::string(region.city) : std::string(random.pick(vocabulary::birth_places()));
    person.nik = make_nik(region, kecamatan, person, random.between(1, 350));
}

void pick_career(SeededRandom& random, Person& person, const PersonProfile& profile)
{
    Career career = career_of(person.education);
    int first_year = person.birth_date.year + career.youngest_entry_age;
    int last_year = std::min(first_year + 10, latest_cpns_year);
    static constexpr std::array<int, 5> appointment_months {1, 2, 3, 4, 12};
    person.tmt_cpns.year = random.between(std::min(first_year, last_year), last_year);
    person.tmt_cpns.month = random.pick(std::span<const int>(appointment_months));
    int service_years = promotion_year - person.tmt_cpns.year;
    person.rank = std::min(career.entry_rank + service_years / 4, career.highest_rank);
    person.rank = std::max({person.rank, career.entry_rank + 1, profile.minimum_rank});
    person.nip = make_nip(person, random.between(1, 9));
}

// Functional positions by education and rank (Permenpan-RB levels).
std::string pick_jabatan(SeededRandom& random, const Person& person)
{
    if (person.education == Education::senior_high)
        return std::string(random.pick(vocabulary::clerical_jabatan()));
    if (person.education == Education::diploma) {
        std::string_view level = person.rank <= 3 ? " Terampil" : person.rank <= 5 ? " Mahir" : " Penyelia";
        return std::string(random.pick(vocabulary::skilled_jabatan())) + std::string(level);
    }
    std::string_view level = person.rank <= 5 ? " Ahli Pertama" : person.rank <= 7 ? " Ahli Muda" : " Ahli Madya";
    return std::string(random.pick(vocabulary::expert_jabatan())) + std::string(level);
}

std::string ascii_letters(std::string_view word)
{
    std::string out;
    for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string make_email(const Person& person)
{
    std::string_view given = person.given_name;
    std::string_view first = given.substr(0, given.find(' '));
    return ascii_letters(first) + "." + ascii_letters(person.family_name) + "@pontianak.go.id";
}

std::string make_phone(SeededRandom& random)
{
    std::string phone(random.pick(vocabulary::mobile_prefixes()));
    for (int i = 0; i < 8; ++i)
        phone += static_cast<char>('0' + random.below(10));
    return phone;
}

} // namespace

Person make_person(SeededRandom& random, const PersonProfile& profile)
{
    Person person;
    person.gender = random.chance(50) ? Gender::female : Gender::male;
    person.education = pick_education(random, profile);
    int latest_birth = std::min(profile.latest_birth_year,
                                latest_cpns_year - career_of(person.education).youngest_entry_age);
    person.birth_date = pick_birth_date(random, std::min(profile.earliest_birth_year, latest_birth), latest_birth);
    person.religion = pick_religion(random);
    person.marital_status = pick_marital_status(random, 2025 - person.birth_date.year);
    pick_names(random, person);
    pick_titles(random, person);
    pick_home(random, person);
    pick_career(random, person, profile);
    person.jabatan = pick_jabatan(random, person);
    person.email = make_email(person);
    person.phone = make_phone(random);
    return person;
}

std::string Person::name_without_titles() const { return given_name + " " + family_name; }

std::string Person::name() const { return title_before + name_without_titles() + title_after; }

std::string Person::pangkat() const { return pangkat_text(rank); }

std::string pangkat_text(int rank)
{
    const Rank& entry = vocabulary::ranks()[static_cast<size_t>(std::clamp(rank, 0, 11))];
    return std::string(entry.pangkat) + " / " + std::string(entry.golongan);
}

std::string nip_with_spaces(std::string_view nip)
{
    if (nip.size() != 18)
        return std::string(nip);
    return std::string(nip.substr(0, 8)) + " " + std::string(nip.substr(8, 6)) + " " + std::string(nip.substr(14, 1)) +
           " " + std::string(nip.substr(15, 3));
}

std::string to_upper_ascii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string to_lower_ascii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace berkas::fixture

#include "application.hpp"

#include <algorithm>
#include <array>

namespace berkas::fixture {

namespace {

// Identity and paperwork come from separate streams so that a new draw in one
// does not change the other for existing seeds.
constexpr std::uint32_t identity_stream = 1;
constexpr std::uint32_t paperwork_stream = 2;
constexpr std::uint32_t officials_stream = 3;
constexpr std::uint32_t extra_paperwork_stream = 4;
constexpr std::uint32_t stranger_stream = 5;

constexpr std::string_view city_suffix = " Kota Pontianak";
constexpr std::array<int, 3> months_of_tmt {1, 4, 7}; // TMT jabatan: the first of a quarter

Person make_applicant(SeededRandom& random)
{
    PersonProfile profile;
    profile.earliest_birth_year = 1976;
    profile.latest_birth_year = 1996;
    return make_person(random, profile);
}

// Officials are born before every applicant, so their NIPs can never equal
// the applicant's (NIP digits 1–8 are the birth date).
Person make_official(SeededRandom& random, int earliest_birth_year, int latest_birth_year, int minimum_rank)
{
    PersonProfile profile;
    profile.earliest_birth_year = earliest_birth_year;
    profile.latest_birth_year = latest_birth_year;
    profile.minimum_rank = minimum_rank;
    profile.senior_official = true;
    return make_person(random, profile);
}

Date date_in(SeededRandom& random, int year, int month, int first_day, int last_day)
{
    return Date {year, month, random.between(first_day, std::min(last_day, days_in_month(year, month)))};
}

void pick_paperwork(SeededRandom& random, Application& application)
{
    // Promotions take effect on 1 April or 1 October; the SK is signed the month before.
    bool april = random.chance(50);
    application.sk_effective = Date {2024, april ? 4 : 10, 1};
    application.sk_date = date_in(random, 2024, april ? 3 : 9, 2, 28);
    application.sk_number = "800.1.3.3/" + std::to_string(random.between(1100, 4800)) + "/BKPSDM/2024";
    application.previous_rank = application.applicant.rank - 1;

    application.letter_date = date_in(random, 2025, random.between(1, 6), 4, 28);
    application.form_date = application.letter_date;
    application.form_date.day -= random.between(0, 3);
    application.letter_number = "800.1.11.1/" + std::to_string(random.between(100, 999)) + "/" +
                                std::string(application.office.abbreviation) + "/2025";
    application.ktp_issued = date_in(random, random.between(2012, 2019), random.between(1, 12), 1, 28);
}

void pick_extra_paperwork(SeededRandom& random, Application& application)
{
    application.sk_jabatan_effective = Date {random.between(2021, 2023), random.pick(std::span<const int>(months_of_tmt)), 1};
    Date signed_on = application.sk_jabatan_effective;
    signed_on.month = signed_on.month == 1 ? 12 : signed_on.month - 1;
    signed_on.year -= signed_on.month == 12 ? 1 : 0;
    application.sk_jabatan_date = date_in(random, signed_on.year, signed_on.month, 2, 28);
    application.sk_jabatan_number = "800.1.3.2/" + std::to_string(random.between(100, 2900)) + "/BKPSDM/" +
                                    std::to_string(application.sk_jabatan_date.year);
    application.recommendation_date = application.letter_date;
    application.recommendation_date.day = std::max(1, application.letter_date.day - random.between(0, 3));
    application.recommendation_number = "800.1.11.2/" + std::to_string(random.between(10, 400)) + "/" +
                                        std::string(application.office.abbreviation) + "/" +
                                        std::to_string(application.letter_date.year);
}

void pick_officials(SeededRandom& random, Application& application)
{
    application.office_head = make_official(random, 1965, 1972, 10);
    application.office_head.jabatan = application.office_is_diskominfo()
                                          ? "Sekretaris Dinas Komunikasi dan Informatika Kota Pontianak"
                                          : application.office_head_title();
    application.supervisor = make_official(random, 1968, 1975, 8);
    application.supervisor.jabatan = application.supervisor_title();
    application.personnel_head = make_official(random, 1965, 1972, 10);
    application.personnel_head.jabatan = "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia";
    application.mayor_name = to_upper_ascii(make_official(random, 1965, 1975, 0).name_without_titles());
}

} // namespace

Application make_application(std::uint32_t seed)
{
    Application application;
    application.seed = seed;
    SeededRandom identity(derive_seed(seed, identity_stream));
    application.applicant = make_applicant(identity);
    application.office = identity.pick(vocabulary::offices());
    application.unit_kerja = std::string(identity.pick(application.office.units));

    SeededRandom paperwork(derive_seed(seed, paperwork_stream));
    pick_paperwork(paperwork, application);
    SeededRandom officials(derive_seed(seed, officials_stream));
    pick_officials(officials, application);
    SeededRandom extra(derive_seed(seed, extra_paperwork_stream));
    pick_extra_paperwork(extra, application);
    return application;
}

Person make_stranger(std::uint32_t seed)
{
    Person applicant = make_application(seed).applicant;
    for (std::uint32_t attempt = 0;; ++attempt) {
        SeededRandom random(derive_seed(seed, stranger_stream + 100 * attempt));
        Person stranger = make_applicant(random);
        if (stranger.nip != applicant.nip && stranger.family_name != applicant.family_name)
            return stranger;
    }
}

bool Application::is_blotted(std::string_view type) const
{
    return std::find(blotted.begin(), blotted.end(), type) != blotted.end();
}

std::string Application::instansi() const { return std::string(office.name) + std::string(city_suffix); }

std::string Application::office_head_title() const
{
    std::string_view kind = office.head_title.substr(office.head_title.find(' ') + 1); // "Dinas" / "Badan"
    std::string name(office.name);
    // "Kepala Dinas" + "Dinas Kesehatan" must read "Kepala Dinas Kesehatan".
    if (name.starts_with(kind))
        name = name.substr(kind.size() + 1);
    return std::string(office.head_title) + " " + name + std::string(city_suffix);
}

std::string Application::supervisor_title() const
{
    if (unit_kerja == "Sekretariat")
        return "Sekretaris";
    return "Kepala " + unit_kerja;
}

// A stable, made-up postal code and telephone number per office: FNV-1a of
// the abbreviation (std::hash differs between standard libraries).
std::string Application::office_address() const
{
    std::uint32_t hash = 2166136261u;
    for (char c : office.abbreviation)
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    std::string postal = std::to_string(78111 + hash % 14);
    std::string phone = std::to_string(730000 + hash % 69999);
    return std::string(office.street) + ", Pontianak " + postal + ", Telepon (0561) " + phone +
           ", Laman " + to_lower_ascii(office.abbreviation) + ".pontianak.go.id";
}

bool Application::office_is_diskominfo() const { return office.abbreviation == "DISKOMINFO"; }

std::string surname_slug(const Application& application)
{
    std::string slug;
    for (char c : to_lower_ascii(application.applicant.family_name))
        if (c >= 'a' && c <= 'z')
            slug += c;
    return slug;
}

} // namespace berkas::fixture

// KTP photocopy: an A4 sheet with the card copied at about 150 % in the upper
// half, as offices ask for ("fotokopi KTP diperbesar"). Values are upper case,
// the name carries no academic titles, and the NIK sits on its own large line.
#include "documents.hpp"

#include "ink.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace berkas::fixture {

namespace {

constexpr std::uint32_t ktp_stream = 31;
constexpr double card_x = mm(22);
constexpr double card_top = mm(22);
constexpr double card_width = mm(128); // 85.6 mm × 150 %
constexpr double card_height = mm(81); // 54 mm × 150 %
constexpr double card_gray = 0.86; // the light blue card copies as light grey
constexpr Style label_style {Face::sans, 11};
constexpr Style value_style {Face::sans, 12};
constexpr double first_row = card_top + 64; // baseline of "Nama"
constexpr double last_row_limit = card_top + card_height - 9;
constexpr double value_x = card_x + 115;

constexpr double photo_width = 74;
constexpr double photo_height = 94;
constexpr double photo_x = card_x + card_width - photo_width - 12;
constexpr double photo_top = card_top + 50;

void draw_card_background(Canvas& canvas, SeededRandom& random)
{
    canvas.set_gray(card_gray);
    canvas.fill_rectangle(card_x + 3, card_top + 3, card_width - 6, card_height - 6);
    // Faint security waves, lighter than any text so that OCR is not blocked.
    canvas.set_gray(0.78);
    double phase = random.between_real(0, 2 * std::numbers::pi);
    for (int wave = 0; wave < 7; ++wave) {
        double y = card_top + 20 + wave * 30;
        for (double x = card_x + 6; x < card_x + card_width - 40; x += 36) {
            double lift = 6 * std::sin(phase + x / 30 + wave);
            canvas.curve({x, y + lift}, {x + 12, y - 8}, {x + 24, y + 8}, {x + 36, y - lift}, 0.4);
        }
    }
    canvas.set_gray(0.3);
    canvas.rounded_rectangle(card_x, card_top, card_width, card_height, mm(4.5), 1.2);
    canvas.set_gray(0);
}

void draw_photo(Canvas& canvas, SeededRandom& random, const Application& application)
{
    canvas.set_gray(0.62);
    canvas.fill_rectangle(photo_x, photo_top, photo_width, photo_height);
    canvas.set_gray(0.3); // head and shoulders
    canvas.fill_ellipse({photo_x + photo_width / 2, photo_top + 38}, 17, 22);
    canvas.fill_ellipse({photo_x + photo_width / 2, photo_top + photo_height + 6}, 34, 30);
    canvas.set_gray(card_gray); // trims the shoulders at the photo's lower edge
    canvas.fill_rectangle(photo_x - 10, photo_top + photo_height, photo_width + 20, 40);
    canvas.set_gray(0);
    double centre = photo_x + photo_width / 2;
    double below = photo_top + photo_height + 11;
    canvas.text(centre, below, "PONTIANAK", {Face::sans, 9}, Align::center);
    canvas.text(centre, below + 10, format_dashed(application.ktp_issued), {Face::sans, 9}, Align::center);
    draw_signature(canvas, random, photo_x + 10, below + 12, photo_width - 20, 16);
}

// Twelve rows fit the card; a long address takes a second line, as on real
// cards, and then the rows move closer together.
double row_pitch_for(Canvas& canvas, std::string_view street, double value_width)
{
    int lines = canvas.text_width(street, value_style) > value_width ? 13 : 12;
    return std::min(13.4, (last_row_limit - first_row) / (lines - 1));
}

std::string birth_line(const Person& person)
{
    return to_upper_ascii(person.birth_place) + ", " + format_dashed(person.birth_date);
}

void draw_fields(Canvas& canvas, SeededRandom& random, const Person& person)
{
    LabelColumns columns {card_x + 12, card_x + 108, value_x, photo_x - 4};
    static constexpr std::array<std::string_view, 5> blood_groups {"A", "B", "AB", "O", "-"};
    std::string blood(random.pick(std::span<const std::string_view>(blood_groups)));
    double baseline = first_row;
    double row_pitch = row_pitch_for(canvas, person.address.street, columns.right - value_x);
    auto row = [&](std::string_view label, const std::string& value) {
        baseline = canvas.label_row(columns, baseline, label, value, label_style, value_style, row_pitch);
    };
    row("Nama", to_upper_ascii(person.name_without_titles()));
    row("Tempat/Tgl Lahir", birth_line(person));
    canvas.text(card_x + 196, baseline, "Gol. Darah : " + blood, label_style);
    row("Jenis Kelamin", person.gender == Gender::female ? "PEREMPUAN" : "LAKI-LAKI");
    row("Alamat", person.address.street);
    row("     RT/RW", person.address.rt_rw);
    row("     Kel/Desa", person.address.kelurahan);
    row("     Kecamatan", person.address.kecamatan);
    row("Agama", person.religion);
    row("Status Perkawinan", person.marital_status);
    row("Pekerjaan", "PEGAWAI NEGERI SIPIL");
    row("Kewarganegaraan", "WNI");
    row("Berlaku Hingga", "SEUMUR HIDUP");
}

void draw_header(Canvas& canvas, const Person& person)
{
    double centre = card_x + card_width / 2;
    canvas.text(centre, card_top + 15, "PROVINSI KALIMANTAN BARAT", {Face::sans_bold, 13}, Align::center);
    canvas.text(centre, card_top + 29, person.address.region, {Face::sans_bold, 13}, Align::center);
    canvas.text(card_x + 12, card_top + 48, "NIK", {Face::sans_bold, 15});
    canvas.text(card_x + 60, card_top + 48, ":", {Face::sans_bold, 16});
    // The card prints the NIK in a wide, OCR-style face: spaced-out digits.
    canvas.text(card_x + 70, card_top + 48, person.nik, {Face::sans_bold, 16, 1.2});
}

void blot_nik(Canvas& canvas, const Application& application)
{
    if (application.is_blotted("ktp"))
        draw_blot(canvas, card_x + 70, card_top + 48, 190);
}

} // namespace

void layout_ktp(Canvas& canvas, const Application& application)
{
    SeededRandom random(derive_seed(application.seed, ktp_stream));
    draw_card_background(canvas, random);
    draw_header(canvas, application.applicant);
    draw_fields(canvas, random, application.applicant);
    draw_photo(canvas, random, application);
    blot_nik(canvas, application);
}

} // namespace berkas::fixture

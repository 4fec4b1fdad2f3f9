// Petikan SK kenaikan pangkat: the applicant's latest promotion decree. The
// NIP follows the label "NIP" in groups; the Wali Kota signs with "ttd." (no
// NIP) and the Kepala BKPSDM certifies the petikan with a stamp and a second NIP.
#include "documents.hpp"

namespace berkas::fixture {

namespace {

constexpr std::uint32_t certifier_signature_stream = 41;
constexpr Style sk_style {Face::serif, 11.5};
constexpr Style sk_bold {Face::serif_bold, 11.5};
constexpr double sk_leading = 14.5;
constexpr double clause_x = letter_left + 82; // where the text after "Menimbang :" starts

double draw_title(Canvas& canvas, const Application& application)
{
    double centre = a4_width / 2;
    double baseline = mm(20);
    Style title {Face::serif_bold, 13};
    canvas.text(centre, baseline, "PETIKAN", title, Align::center);
    canvas.text(centre, baseline + 17, "KEPUTUSAN WALI KOTA PONTIANAK", title, Align::center);
    canvas.text(centre, baseline + 34, "NOMOR: " + application.sk_number, title, Align::center);
    canvas.text(centre, baseline + 52, "TENTANG", title, Align::center);
    canvas.text(centre, baseline + 69, "KENAIKAN PANGKAT PEGAWAI NEGERI SIPIL", title, Align::center);
    canvas.text(centre, baseline + 93, "WALI KOTA PONTIANAK,", title, Align::center);
    return baseline + 117;
}

// "Menimbang : a. bahwa …" with hanging indents for the item letters.
double draw_clause(Canvas& canvas, double baseline, std::string_view heading,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> items)
{
    canvas.text(letter_left, baseline, heading, sk_style);
    canvas.text(clause_x - 10, baseline, ":", sk_style);
    for (const auto& [marker, text] : items) {
        double text_x = marker.empty() ? clause_x : clause_x + 18; // hanging indent after "a."
        canvas.text(clause_x, baseline, marker, sk_style);
        baseline = canvas.paragraph(text_x, baseline, letter_right - text_x, text, sk_style, sk_leading,
                                    Align::justify);
    }
    return baseline + 4;
}

double draw_considerations(Canvas& canvas, double baseline)
{
    baseline = draw_clause(canvas, baseline, "Menimbang",
                           {{"a.", "bahwa Pegawai Negeri Sipil yang namanya tersebut dalam Keputusan ini telah "
                                   "memenuhi syarat untuk dinaikkan pangkatnya setingkat lebih tinggi;"},
                            {"b.", "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
                                   "menetapkan Keputusan Wali Kota tentang Kenaikan Pangkat Pegawai Negeri Sipil;"}});
    baseline = draw_clause(canvas, baseline, "Mengingat",
                           {{"1.", "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;"},
                            {"2.", "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
                                   "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;"}});
    canvas.text(a4_width / 2, baseline + 4, "MEMUTUSKAN:", sk_bold, Align::center);
    return baseline + 4 + sk_leading * 1.5;
}

double draw_employee_table(Canvas& canvas, const Application& application, double baseline)
{
    const Person& applicant = application.applicant;
    LabelColumns columns {clause_x + 18, clause_x + 150, clause_x + 158, letter_right};
    auto row = [&](std::string_view number, std::string_view label, const std::string& value, Style style) {
        canvas.text(clause_x, baseline, number, sk_style);
        baseline = canvas.label_row(columns, baseline, label, value, sk_style, style, sk_leading);
    };
    row("1.", "Nama", applicant.name(), sk_bold);
    row("2.", "NIP", nip_with_spaces(applicant.nip), sk_style);
    row("3.", "Tempat/Tanggal Lahir", applicant.birth_place + ", " + format_long(applicant.birth_date), sk_style);
    row("4.", "Pangkat/Golongan Lama", pangkat_text(application.previous_rank), sk_style);
    row("5.", "Pangkat/Golongan Baru", applicant.pangkat(), sk_style);
    row("6.", "Jabatan", applicant.jabatan, sk_style);
    row("7.", "Unit Kerja", application.unit_kerja + ", " + application.instansi(), sk_style);
    return baseline;
}

double draw_decisions(Canvas& canvas, const Application& application, double baseline)
{
    canvas.text(letter_left, baseline, "KESATU", sk_style);
    canvas.text(clause_x - 10, baseline, ":", sk_style);
    canvas.text(clause_x, baseline, "Menaikkan pangkat Pegawai Negeri Sipil:", sk_style);
    baseline = draw_employee_table(canvas, application, baseline + sk_leading);
    canvas.text(clause_x, baseline, "terhitung mulai tanggal " + format_long(application.sk_effective) + ".", sk_style);
    baseline += sk_leading;
    return draw_clause(
        canvas, baseline, "KEDUA",
        {{"", "Kepadanya diberikan gaji pokok sesuai dengan ketentuan peraturan perundang-undangan. Apabila di "
              "kemudian hari terdapat kekeliruan dalam Keputusan ini, akan diadakan perbaikan sebagaimana mestinya."}});
}

void draw_signatures(Canvas& canvas, const Application& application, double baseline)
{
    double right_x = a4_width * 0.55;
    canvas.text(right_x, baseline, "Ditetapkan di Pontianak", sk_style);
    canvas.text(right_x, baseline + sk_leading, "pada tanggal " + format_long(application.sk_date), sk_style);
    SignatoryBlock mayor;
    mayor.x = right_x;
    mayor.top = baseline + sk_leading * 2;
    mayor.width = letter_right - right_x;
    mayor.title = "WALI KOTA PONTIANAK,";
    mayor.name = application.mayor_name;
    mayor.hand_signed = false;
    SeededRandom unused(0);
    draw_signatory(canvas, unused, mayor);

    // Bottom left, level with the Wali Kota's "ttd.", as on printed petikan.
    SignatoryBlock certifier;
    certifier.x = letter_left;
    certifier.top = mayor.top + 50;
    certifier.width = a4_width * 0.5 - letter_left;
    certifier.title = "Petikan sesuai dengan aslinya\nKEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA,";
    certifier.name = application.personnel_head.name();
    certifier.pangkat = application.personnel_head.pangkat();
    certifier.nip = nip_with_spaces(application.personnel_head.nip);
    certifier.stamped = true;
    certifier.stamp_word = "BKPSDM";
    SeededRandom ink(derive_seed(application.seed, certifier_signature_stream));
    draw_signatory(canvas, ink, certifier);
}

} // namespace

void layout_sk_terakhir(Canvas& canvas, const Application& application)
{
    double baseline = draw_title(canvas, application);
    baseline = draw_considerations(canvas, baseline);
    baseline = draw_decisions(canvas, application, baseline);
    draw_signatures(canvas, application, baseline + 6);
}

} // namespace berkas::fixture

#include "decree.hpp"

namespace berkas::fixture {

double draw_decree_title(Canvas& canvas, std::string_view number, std::string_view subject)
{
    double centre = a4_width / 2;
    double baseline = mm(20);
    Style title {Face::serif_bold, 13};
    canvas.text(centre, baseline, "PETIKAN", title, Align::center);
    canvas.text(centre, baseline + 17, "KEPUTUSAN WALI KOTA PONTIANAK", title, Align::center);
    canvas.text(centre, baseline + 34, "NOMOR: " + std::string(number), title, Align::center);
    canvas.text(centre, baseline + 52, "TENTANG", title, Align::center);
    canvas.text(centre, baseline + 69, subject, title, Align::center);
    canvas.text(centre, baseline + 93, "WALI KOTA PONTIANAK,", title, Align::center);
    return baseline + 117;
}

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

double draw_decree_row(Canvas& canvas, double baseline, std::string_view number, std::string_view label,
                       const std::string& value, Style value_style)
{
    LabelColumns columns {clause_x + 18, clause_x + 150, clause_x + 158, letter_right};
    canvas.text(clause_x, baseline, number, sk_style);
    return canvas.label_row(columns, baseline, label, value, sk_style, value_style, sk_leading);
}

void draw_decree_signatures(Canvas& canvas, const Application& application, double baseline, const Date& signed_on,
                            std::uint32_t ink_stream)
{
    double right_x = a4_width * 0.55;
    canvas.text(right_x, baseline, "Ditetapkan di Pontianak", sk_style);
    canvas.text(right_x, baseline + sk_leading, "pada tanggal " + format_long(signed_on), sk_style);
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
    SeededRandom ink(derive_seed(application.seed, ink_stream));
    draw_signatory(canvas, ink, certifier);
}

} // namespace berkas::fixture

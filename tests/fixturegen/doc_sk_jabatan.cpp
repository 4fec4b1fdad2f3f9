// Petikan SK jabatan: the decree that appointed the applicant to a functional
// position (Muara Enim's SOP asks for it beside the latest SK). It shares the
// decree's frame with the SK kenaikan pangkat, so only its title and its
// wording tell the two apart; the NIP row and the certifier's NIP are the same kind.
#include "decree.hpp"

namespace berkas::fixture {

namespace {

constexpr std::uint32_t certifier_signature_stream = 42;

double draw_considerations(Canvas& canvas, double baseline)
{
    baseline = draw_clause(canvas, baseline, "Menimbang",
                           {{"a.", "bahwa dalam rangka pembinaan karier dan peningkatan kinerja, perlu mengangkat "
                                   "Pegawai Negeri Sipil yang memenuhi syarat ke dalam jabatan fungsional;"},
                            {"b.", "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
                                   "menetapkan Keputusan Wali Kota tentang Pengangkatan dalam Jabatan Fungsional;"}});
    baseline = draw_clause(canvas, baseline, "Mengingat",
                           {{"1.", "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;"},
                            {"2.", "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil "
                                   "sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;"},
                            {"3.", "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 1 "
                                   "Tahun 2023 tentang Jabatan Fungsional;"}});
    canvas.text(a4_width / 2, baseline + 4, "MEMUTUSKAN:", sk_bold, Align::center);
    return baseline + 4 + sk_leading * 1.5;
}

double draw_decisions(Canvas& canvas, const Application& application, double baseline)
{
    const Person& applicant = application.applicant;
    canvas.text(letter_left, baseline, "KESATU", sk_style);
    canvas.text(clause_x - 10, baseline, ":", sk_style);
    canvas.text(clause_x, baseline, "Mengangkat Pegawai Negeri Sipil:", sk_style);
    baseline += sk_leading;
    baseline = draw_decree_row(canvas, baseline, "1.", "Nama", applicant.name(), sk_bold);
    double nip_row = baseline;
    baseline = draw_decree_row(canvas, baseline, "2.", "NIP", nip_with_spaces(applicant.nip), sk_style);
    if (application.is_blotted("sk_jabatan"))
        draw_blot(canvas, clause_x + 158, nip_row, 150);
    baseline = draw_decree_row(canvas, baseline, "3.", "Pangkat/Golongan", applicant.pangkat(), sk_style);
    baseline = draw_decree_row(canvas, baseline, "4.", "Unit Kerja", application.unit_kerja + ", " + application.instansi(),
                               sk_style);
    baseline = canvas.paragraph(clause_x, baseline, letter_right - clause_x,
                                "dalam jabatan fungsional " + applicant.jabatan + " terhitung mulai tanggal " +
                                    format_long(application.sk_jabatan_effective) + ".",
                                sk_style, sk_leading, Align::left);
    return draw_clause(canvas, baseline, "KEDUA",
                       {{"", "Kepada pegawai tersebut diberikan tunjangan jabatan fungsional sesuai dengan ketentuan "
                             "peraturan perundang-undangan. Apabila di kemudian hari terdapat kekeliruan dalam "
                             "Keputusan ini, akan diadakan perbaikan sebagaimana mestinya."}});
}

} // namespace

void layout_sk_jabatan(Canvas& canvas, const Application& application)
{
    double baseline = draw_decree_title(canvas, application.sk_jabatan_number, "PENGANGKATAN DALAM JABATAN FUNGSIONAL");
    baseline = draw_considerations(canvas, baseline);
    baseline = draw_decisions(canvas, application, baseline);
    draw_decree_signatures(canvas, application, baseline + 6, application.sk_jabatan_date, certifier_signature_stream);
}

} // namespace berkas::fixture

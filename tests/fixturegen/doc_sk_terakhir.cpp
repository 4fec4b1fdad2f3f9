// Petikan SK kenaikan pangkat: the applicant's latest promotion decree. The
// NIP follows the label "NIP" in groups; the Wali Kota signs with "ttd." (no
// NIP) and the Kepala BKPSDM certifies the petikan with a stamp and a second NIP.
#include "decree.hpp"

namespace berkas::fixture {

namespace {

constexpr std::uint32_t certifier_signature_stream = 41;

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
    baseline = draw_decree_row(canvas, baseline, "1.", "Nama", applicant.name(), sk_bold);
    double nip_row = baseline;
    baseline = draw_decree_row(canvas, baseline, "2.", "NIP", nip_with_spaces(applicant.nip), sk_style);
    if (application.is_blotted("sk_terakhir"))
        draw_blot(canvas, clause_x + 158, nip_row, 150);
    baseline = draw_decree_row(canvas, baseline, "3.", "Tempat/Tanggal Lahir",
                               applicant.birth_place + ", " + format_long(applicant.birth_date), sk_style);
    baseline = draw_decree_row(canvas, baseline, "4.", "Pangkat/Golongan Lama", pangkat_text(application.previous_rank),
                               sk_style);
    baseline = draw_decree_row(canvas, baseline, "5.", "Pangkat/Golongan Baru", applicant.pangkat(), sk_style);
    baseline = draw_decree_row(canvas, baseline, "6.", "Jabatan", applicant.jabatan, sk_style);
    return draw_decree_row(canvas, baseline, "7.", "Unit Kerja", application.unit_kerja + ", " + application.instansi(),
                           sk_style);
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

} // namespace

void layout_sk_terakhir(Canvas& canvas, const Application& application)
{
    double baseline = draw_decree_title(canvas, application.sk_number, "KENAIKAN PANGKAT PEGAWAI NEGERI SIPIL");
    baseline = draw_considerations(canvas, baseline);
    baseline = draw_decisions(canvas, application, baseline);
    draw_decree_signatures(canvas, application, baseline + 6, application.sk_date, certifier_signature_stream);
}

} // namespace berkas::fixture

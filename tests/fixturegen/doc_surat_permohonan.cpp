// Surat permohonan: the applicant's office asks Diskominfo to have a BSrE
// certificate issued. The applicant's NIP is printed in groups in the label
// table; the signing head of office has a different NIP below the signature.
#include "documents.hpp"

namespace berkas::fixture {

namespace {

constexpr std::uint32_t signature_stream = 11;

double draw_reference(Canvas& canvas, const Application& application, double baseline)
{
    canvas.text(letter_right, baseline, "Pontianak, " + format_long(application.letter_date), body_style,
                Align::right);
    baseline += body_leading * 1.5;
    LabelColumns columns {letter_left, letter_left + 62, letter_left + 72, letter_left + 330};
    baseline = canvas.label_row(columns, baseline, "Nomor", application.letter_number, body_style, body_style,
                                body_leading);
    baseline = canvas.label_row(columns, baseline, "Sifat", "Biasa", body_style, body_style, body_leading);
    baseline = canvas.label_row(columns, baseline, "Lampiran", "1 (satu) berkas", body_style, body_style,
                                body_leading);
    return canvas.label_row(columns, baseline, "Hal", "Permohonan Penerbitan Sertifikat Elektronik", body_style,
                            body_bold, body_leading);
}

double draw_addressee(Canvas& canvas, double baseline)
{
    baseline += body_leading;
    canvas.text(letter_left, baseline, "Yth. Kepala Dinas Komunikasi dan Informatika", body_style);
    canvas.text(letter_left + 26, baseline + body_leading, "Kota Pontianak", body_style);
    canvas.text(letter_left + 26, baseline + body_leading * 2, "di -", body_style);
    canvas.text(letter_left + 50, baseline + body_leading * 3, "Pontianak", body_style);
    return baseline + body_leading * 5;
}

double draw_applicant_table(Canvas& canvas, const Person& applicant, const Application& application, double baseline)
{
    double left = letter_left + 36;
    LabelColumns columns {left, left + 80, left + 90, letter_right};
    baseline = canvas.label_row(columns, baseline, "Nama", applicant.name(), body_style, body_bold, body_leading);
    double nip_row = baseline;
    baseline = canvas.label_row(columns, baseline, "NIP", nip_with_spaces(applicant.nip), body_style, body_style,
                                body_leading);
    if (application.is_blotted("surat_permohonan"))
        draw_blot(canvas, columns.value_x, nip_row, 160);
    baseline = canvas.label_row(columns, baseline, "Jabatan", applicant.jabatan, body_style, body_style,
                                body_leading);
    baseline = canvas.label_row(columns, baseline, "Unit Kerja", application.unit_kerja, body_style, body_style,
                                body_leading);
    return canvas.label_row(columns, baseline, "Email", applicant.email, body_style, body_style, body_leading);
}

double draw_body(Canvas& canvas, const Application& application, double baseline)
{
    double width = letter_right - letter_left;
    baseline = canvas.paragraph(
        letter_left, baseline, width,
        "Dalam rangka mendukung penerapan Sistem Pemerintahan Berbasis Elektronik (SPBE) dan penggunaan tanda "
        "tangan elektronik di lingkungan Pemerintah Kota Pontianak, bersama ini kami mengajukan permohonan "
        "penerbitan Sertifikat Elektronik dari Balai Besar Sertifikasi Elektronik (BSrE) Badan Siber dan Sandi "
        "Negara bagi pegawai " + application.instansi() + " sebagai berikut:",
        body_style, body_leading, Align::justify, 36);
    baseline = draw_applicant_table(canvas, application.applicant, application, baseline + 6);
    baseline = canvas.paragraph(
        letter_left, baseline + 6, width,
        "Sebagai kelengkapan, bersama ini kami lampirkan formulir permohonan, fotokopi KTP dan fotokopi SK "
        "kenaikan pangkat terakhir pegawai yang bersangkutan. Sertifikat Elektronik tersebut akan digunakan untuk "
        "menandatangani dokumen elektronik sesuai dengan tugas dan fungsi jabatannya.",
        body_style, body_leading, Align::justify, 36);
    return canvas.paragraph(letter_left, baseline + 6, width,
                            "Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja sama Bapak, kami "
                            "ucapkan terima kasih.",
                            body_style, body_leading, Align::justify, 36);
}

void draw_office_signature(Canvas& canvas, const Application& application, double baseline)
{
    SignatoryBlock block;
    block.x = a4_width * 0.52;
    block.top = baseline + body_leading;
    block.width = letter_right - block.x;
    block.title = application.office_head.jabatan + ",";
    if (application.office_is_diskominfo())
        block.title = "a.n. Kepala Dinas Komunikasi dan Informatika\nKota Pontianak\nSekretaris,";
    block.name = application.office_head.name();
    block.pangkat = std::string(vocabulary::ranks()[static_cast<size_t>(application.office_head.rank)].pangkat);
    block.nip = nip_with_spaces(application.office_head.nip);
    block.stamped = true;
    block.stamp_word = std::string(application.office.abbreviation);
    SeededRandom random(derive_seed(application.seed, signature_stream));
    draw_signatory(canvas, random, block);
}

} // namespace

void layout_surat_permohonan(Canvas& canvas, const Application& application)
{
    double baseline = draw_letterhead(canvas, to_upper_ascii(application.office.name), application.office_address());
    baseline = draw_reference(canvas, application, baseline);
    baseline = draw_addressee(canvas, baseline);
    baseline = draw_body(canvas, application, baseline);
    draw_office_signature(canvas, application, baseline);
}

} // namespace berkas::fixture

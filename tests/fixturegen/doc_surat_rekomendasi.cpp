// Surat rekomendasi atasan: the applicant's direct superior recommends the
// application (Pontianak's TTE SOP asks for it). The superior's own Nama and
// NIP rows come first, the applicant's after "merekomendasikan" — extraction
// must take the second block, not the first.
#include "documents.hpp"

namespace berkas::fixture {

namespace {

constexpr std::uint32_t signature_stream = 51;

double draw_heading(Canvas& canvas, const Application& application, double baseline)
{
    double centre = a4_width / 2;
    canvas.text(centre, baseline, "SURAT REKOMENDASI", {Face::serif_bold, 14}, Align::center);
    canvas.line({centre - 70, baseline + 3}, {centre + 70, baseline + 3}, 0.8);
    canvas.text(centre, baseline + body_leading + 2, "Nomor : " + application.recommendation_number, body_style,
                Align::center);
    return baseline + body_leading * 3;
}

double draw_person(Canvas& canvas, double baseline, const std::vector<std::pair<std::string, std::string>>& rows,
                   const Application& application, bool applicant)
{
    double left = letter_left + 36;
    LabelColumns columns {left, left + 110, left + 120, letter_right};
    for (const auto& [label, value] : rows) {
        double row = baseline;
        baseline = canvas.label_row(columns, baseline, label, value, body_style,
                                    label == "Nama" ? body_bold : body_style, body_leading);
        if (applicant && label == "NIP" && application.is_blotted("surat_rekomendasi_atasan"))
            draw_blot(canvas, columns.value_x, row, 160);
    }
    return baseline;
}

double draw_body(Canvas& canvas, const Application& application, double baseline)
{
    const Person& superior = application.supervisor;
    const Person& applicant = application.applicant;
    double width = letter_right - letter_left;
    canvas.text(letter_left, baseline, "Yang bertanda tangan di bawah ini:", body_style);
    baseline = draw_person(canvas, baseline + body_leading,
                           {{"Nama", superior.name()},
                            {"NIP", nip_with_spaces(superior.nip)},
                            {"Pangkat/Golongan", superior.pangkat()},
                            {"Jabatan", application.supervisor_title()}},
                           application, false);
    baseline = canvas.paragraph(letter_left, baseline + 6, width,
                                "selaku atasan langsung, dengan ini merekomendasikan pegawai di bawah ini:", body_style,
                                body_leading, Align::left);
    baseline = draw_person(canvas, baseline,
                           {{"Nama", applicant.name()},
                            {"NIP", nip_with_spaces(applicant.nip)},
                            {"Jabatan", applicant.jabatan},
                            {"Unit Kerja", application.unit_kerja}},
                           application, true);
    baseline = canvas.paragraph(
        letter_left, baseline + 6, width,
        "untuk diterbitkan Sertifikat Elektronik oleh Balai Besar Sertifikasi Elektronik (BSrE) Badan Siber dan "
        "Sandi Negara guna penandatanganan dokumen elektronik sesuai dengan tugas dan fungsinya. Yang bersangkutan "
        "benar pegawai pada " + application.instansi() +
            " dan akan menggunakan Sertifikat Elektronik tersebut dengan penuh tanggung jawab.",
        body_style, body_leading, Align::justify, 36);
    return canvas.paragraph(letter_left, baseline + 6, width,
                            "Demikian surat rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.",
                            body_style, body_leading, Align::justify, 36);
}

void draw_signature_block(Canvas& canvas, const Application& application, double baseline)
{
    SignatoryBlock block;
    block.x = a4_width * 0.52;
    block.top = baseline + body_leading * 2;
    block.width = letter_right - block.x;
    block.title = application.supervisor_title() + ",";
    block.name = application.supervisor.name();
    block.pangkat = application.supervisor.pangkat();
    block.nip = nip_with_spaces(application.supervisor.nip);
    canvas.text(block.x, baseline + body_leading, "Pontianak, " + format_long(application.recommendation_date),
                body_style);
    SeededRandom random(derive_seed(application.seed, signature_stream));
    draw_signatory(canvas, random, block);
}

} // namespace

void layout_surat_rekomendasi(Canvas& canvas, const Application& application)
{
    double baseline = draw_letterhead(canvas, to_upper_ascii(application.office.name), application.office_address());
    baseline = draw_heading(canvas, application, baseline + 6);
    baseline = draw_body(canvas, application, baseline);
    draw_signature_block(canvas, application, baseline);
}

} // namespace berkas::fixture

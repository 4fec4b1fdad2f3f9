// Formulir permohonan BSrE: the applicant's data in a ruled two-column table.
// The NIP is printed unspaced here; the atasan langsung who countersigns adds
// a second name and NIP at the bottom.
#include "documents.hpp"

#include <utility>
#include <vector>

namespace berkas::fixture {

namespace {

constexpr std::uint32_t applicant_signature_stream = 21;
constexpr std::uint32_t supervisor_signature_stream = 22;
constexpr double form_left = mm(20);
constexpr double form_right = a4_width - mm(20);
constexpr Style header_style {Face::sans_bold, 11};
constexpr Style section_style {Face::sans_bold, 12};

double draw_form_header(Canvas& canvas)
{
    double top = mm(15);
    canvas.text(form_left, top + 12, "BADAN SIBER DAN SANDI NEGARA", header_style);
    canvas.text(form_left, top + 27, "Balai Besar Sertifikasi Elektronik (BSrE)", {Face::sans, 11});
    canvas.rectangle(form_right - 78, top, 78, 22, 0.8);
    canvas.text(form_right - 39, top + 15, "F.BSrE-01", {Face::sans, 10}, Align::center);
    canvas.line({form_left, top + 38}, {form_right, top + 38}, 1.5);
    canvas.text(a4_width / 2, top + 66, "FORMULIR PERMOHONAN PENERBITAN SERTIFIKAT ELEKTRONIK", {Face::sans_bold, 13},
                Align::center);
    canvas.text(a4_width / 2, top + 82, "Pegawai Aparatur Sipil Negara Pemerintah Daerah", {Face::sans, 11},
                Align::center);
    return top + 114;
}

std::vector<std::pair<std::string, std::string>> applicant_rows(const Application& application)
{
    const Person& applicant = application.applicant;
    return {{"Nama Lengkap", applicant.name()},
            {"NIK", applicant.nik},
            {"NIP", applicant.nip},
            {"Email", applicant.email},
            {"Nomor HP", applicant.phone},
            {"Jabatan", applicant.jabatan},
            {"Pangkat/Golongan", applicant.pangkat()},
            {"Unit Kerja", application.unit_kerja},
            {"Instansi", application.instansi()}};
}

// Rows grow with wrapped values, so each row is written first and ruled after.
// Horizontal rules only: with vertical rules too, Tesseract's layout analysis
// turned the skewed grid into garbage in half of the seeds tried.
double draw_data_table(Canvas& canvas, const Application& application, double top)
{
    constexpr double label_width = 125, padding = 7, min_row = 25;
    double value_x = form_left + label_width;
    double row_top = top;
    canvas.line({form_left, row_top}, {form_right, row_top}, 0.8);
    for (const auto& [label, value] : applicant_rows(application)) {
        double baseline = row_top + 17;
        canvas.text(form_left + padding, baseline, label, body_style);
        canvas.text(value_x - 4, baseline, ":", body_style);
        double after = canvas.paragraph(value_x + padding, baseline, form_right - value_x - 2 * padding, value,
                                        body_style, body_leading, Align::left);
        if (label == "NIK" && application.is_blotted("formulir_bsre"))
            draw_blot(canvas, value_x + padding, baseline, 140);
        double row_bottom = std::max(row_top + min_row, after - body_leading + 9);
        canvas.line({form_left, row_bottom}, {form_right, row_bottom}, 0.8);
        row_top = row_bottom;
    }
    return row_top;
}

void draw_checkbox(Canvas& canvas, double x, double baseline, std::string_view label, bool checked)
{
    constexpr double side = 10;
    canvas.rectangle(x, baseline - side + 1, side, side, 0.8);
    if (checked) {
        canvas.line({x + 2, baseline - side + 3}, {x + side - 2, baseline - 1}, 1.2);
        canvas.line({x + side - 2, baseline - side + 3}, {x + 2, baseline - 1}, 1.2);
    }
    canvas.text(x + side + 6, baseline, label, body_style);
}

double draw_request_kind(Canvas& canvas, double baseline)
{
    canvas.text(form_left, baseline, "B. JENIS PERMOHONAN", section_style);
    baseline += 22;
    draw_checkbox(canvas, form_left + 10, baseline, "Penerbitan Baru", true);
    draw_checkbox(canvas, form_left + 160, baseline, "Pembaruan", false);
    draw_checkbox(canvas, form_left + 280, baseline, "Penerbitan Ulang", false);
    return baseline + 30;
}

double draw_statement(Canvas& canvas, double baseline)
{
    canvas.text(form_left, baseline, "C. PERNYATAAN", section_style);
    return canvas.paragraph(
        form_left, baseline + 20, form_right - form_left,
        "Dengan ini saya menyatakan bahwa data yang saya isikan dalam formulir ini adalah benar dan saya "
        "bertanggung jawab atas penggunaan Sertifikat Elektronik yang diterbitkan untuk saya sesuai dengan "
        "ketentuan peraturan perundang-undangan dan Kebijakan Sertifikat BSrE. Saya tidak akan memberikan "
        "passphrase kepada pihak lain.",
        body_style, body_leading, Align::justify);
}

void draw_signatures(Canvas& canvas, const Application& application, double baseline)
{
    SignatoryBlock applicant;
    applicant.x = a4_width * 0.56;
    applicant.top = baseline + 18 + body_leading; // level with "Atasan Langsung,"
    applicant.width = form_right - applicant.x;
    applicant.title = "Pemohon,";
    applicant.name = application.applicant.name();
    applicant.nip = application.applicant.nip;
    canvas.text(applicant.x, baseline, "Pontianak, " + format_long(application.form_date), body_style);
    SeededRandom applicant_ink(derive_seed(application.seed, applicant_signature_stream));
    draw_signatory(canvas, applicant_ink, applicant);

    SignatoryBlock supervisor;
    supervisor.x = form_left;
    supervisor.top = baseline + 18;
    supervisor.width = a4_width * 0.40 - form_left;
    supervisor.title = "Mengetahui,\nAtasan Langsung,";
    supervisor.name = application.supervisor.name();
    supervisor.nip = application.supervisor.nip;
    SeededRandom supervisor_ink(derive_seed(application.seed, supervisor_signature_stream));
    draw_signatory(canvas, supervisor_ink, supervisor);
}

} // namespace

void layout_formulir_bsre(Canvas& canvas, const Application& application)
{
    double baseline = draw_form_header(canvas);
    canvas.text(form_left, baseline, "A. DATA PEMOHON", section_style);
    baseline = draw_data_table(canvas, application, baseline + 10);
    baseline = draw_request_kind(canvas, baseline + 28);
    baseline = draw_statement(canvas, baseline);
    draw_signatures(canvas, application, baseline + 20);
}

} // namespace berkas::fixture

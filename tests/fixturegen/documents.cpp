#include "documents.hpp"

#include "ink.hpp"

#include <algorithm>

namespace berkas::fixture {

namespace {


// A simplified city emblem: a shield with a ring, enough to look like a kop.
void draw_emblem(Canvas& canvas, double x, double top)
{
    double width = 52, height = 62;
    canvas.rounded_rectangle(x, top, width, height * 0.75, 6, 1.4);
    canvas.line({x, top + height * 0.75 - 6}, {x + width / 2, top + height}, 1.4);
    canvas.line({x + width, top + height * 0.75 - 6}, {x + width / 2, top + height}, 1.4);
    canvas.set_gray(0.55);
    canvas.fill_ellipse({x + width / 2, top + height * 0.42}, 14, 14);
    canvas.set_gray(0);
    canvas.circle({x + width / 2, top + height * 0.42}, 18, 0.8);
}

} // namespace

std::string_view type_name(DocumentType type)
{
    switch (type) {
    case DocumentType::surat_permohonan:
        return "surat_permohonan";
    case DocumentType::formulir_bsre:
        return "formulir_bsre";
    case DocumentType::ktp:
        return "ktp";
    case DocumentType::sk_terakhir:
        return "sk_terakhir";
    case DocumentType::sk_jabatan:
        return "sk_jabatan";
    case DocumentType::surat_rekomendasi_atasan:
        return "surat_rekomendasi_atasan";
    }
    return "unknown";
}

std::string_view file_stem(DocumentType type)
{
    switch (type) {
    case DocumentType::surat_permohonan:
        return "surat-permohonan";
    case DocumentType::formulir_bsre:
        return "formulir-bsre";
    case DocumentType::ktp:
        return "ktp";
    case DocumentType::sk_terakhir:
        return "sk-terakhir";
    case DocumentType::sk_jabatan:
        return "sk-jabatan";
    case DocumentType::surat_rekomendasi_atasan:
        return "surat-rekomendasi-atasan";
    }
    return "unknown";
}

std::optional<DocumentType> parse_document_type(std::string_view name)
{
    for (DocumentType type : all_document_types)
        if (name == type_name(type) || name == file_stem(type))
            return type;
    for (DocumentType type : extra_document_types)
        if (name == type_name(type) || name == file_stem(type))
            return type;
    return std::nullopt;
}

int scan_dpi(DocumentType type) { return type == DocumentType::ktp ? 300 : 200; }

Result<std::string> typeset_document(DocumentType type, const Application& application)
{
    PdfDocument document;
    if (auto fonts = document.load_fonts(); !fonts)
        return tl::unexpected(fonts.error());
    auto canvas = document.add_a4_page();
    if (!canvas)
        return tl::unexpected(canvas.error());
    switch (type) {
    case DocumentType::surat_permohonan:
        layout_surat_permohonan(*canvas, application);
        break;
    case DocumentType::formulir_bsre:
        layout_formulir_bsre(*canvas, application);
        break;
    case DocumentType::ktp:
        layout_ktp(*canvas, application);
        break;
    case DocumentType::sk_terakhir:
        layout_sk_terakhir(*canvas, application);
        break;
    case DocumentType::sk_jabatan:
        layout_sk_jabatan(*canvas, application);
        break;
    case DocumentType::surat_rekomendasi_atasan:
        layout_surat_rekomendasi(*canvas, application);
        break;
    }
    document.set_info(type_name(type), application.letter_date);
    return document.save();
}

double draw_letterhead(Canvas& canvas, std::string_view office_upper, std::string_view address_line)
{
    double text_left = letter_left + 62;
    double text_width = letter_right - text_left;
    double centre = text_left + text_width / 2;
    draw_emblem(canvas, letter_left, mm(12));
    canvas.text(centre, mm(12) + 16, "PEMERINTAH KOTA PONTIANAK", {Face::sans_bold, 15}, Align::center);
    // Long office names take two lines, as on real kop surat.
    double baseline = canvas.paragraph(text_left, mm(12) + 36, text_width, office_upper, {Face::sans_bold, 15}, 18,
                                       Align::center);
    baseline = canvas.paragraph(text_left, baseline - 2, text_width, address_line, {Face::serif, 10}, 12,
                                Align::center);
    double rule = baseline - 4;
    canvas.line({letter_left, rule}, {letter_right, rule}, 2.2);
    canvas.line({letter_left, rule + 3}, {letter_right, rule + 3}, 0.7);
    return rule + 24;
}

void draw_blot(Canvas& canvas, double x, double baseline, double width)
{
    // From just above the capitals to just below the descenders: the rows
    // above and below stay readable.
    canvas.set_gray(0.1);
    canvas.fill_rectangle(x - 4, baseline - 11, width + 8, 15);
    canvas.fill_ellipse({x + width * 0.3, baseline - 3.5}, width * 0.3, 7.5);
    canvas.fill_ellipse({x + width * 0.75, baseline - 3.5}, width * 0.28, 7);
    canvas.set_gray(0);
}

double draw_signatory(Canvas& canvas, SeededRandom& random, const SignatoryBlock& block)
{
    double baseline = block.top;
    std::string_view title = block.title;
    for (size_t start = 0; start <= title.size();) { // '\n' forces a break, as typists do
        size_t end = std::min(title.find('\n', start), title.size());
        baseline = canvas.paragraph(block.x, baseline, block.width, title.substr(start, end - start), body_style,
                                    body_leading, Align::left);
        start = end + 1;
    }
    double gap_top = baseline - body_leading + 6;
    double name_baseline = gap_top + 62;
    if (block.stamped)
        draw_stamp(canvas, {block.x - 14, gap_top + 28}, 40, "PEMERINTAH KOTA", "PONTIANAK", block.stamp_word);
    if (block.hand_signed)
        draw_signature(canvas, random, block.x + 18, gap_top + 4, 110, 42);
    else
        canvas.text(block.x, gap_top + 30, "ttd.", body_style);
    canvas.text(block.x, name_baseline, block.name, body_bold);
    canvas.line({block.x, name_baseline + 2}, {block.x + canvas.text_width(block.name, body_bold), name_baseline + 2},
                0.7);
    baseline = name_baseline + body_leading;
    if (!block.pangkat.empty()) {
        canvas.text(block.x, baseline, block.pangkat, body_style);
        baseline += body_leading;
    }
    if (!block.nip.empty()) {
        canvas.text(block.x, baseline, "NIP. " + block.nip, body_style);
        baseline += body_leading;
    }
    return baseline;
}

} // namespace berkas::fixture

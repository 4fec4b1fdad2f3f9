#include "reporting/report_pdf.hpp"

#include "generation/pdf_writer.hpp"
#include "generation/to_unicode.hpp"
#include "reporting/canvas.hpp"
#include "reporting/tables.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace berkas::reporting {

namespace {

using Rows = std::vector<std::vector<std::string>>;

constexpr size_t overdue_rows_in_pdf = 50;

std::vector<std::pair<std::string, int>> chart_rows(const std::vector<CountRow>& rows)
{
    std::vector<std::pair<std::string, int>> out;
    for (const CountRow& row : rows)
        out.emplace_back(row.label, row.count);
    return out;
}

std::string standard_text(const std::optional<int>& minutes) { return minutes ? duration_text(*minutes) : "-"; }

void summary_section(ReportCanvas& canvas, const Report& report)
{
    canvas.title("LAPORAN LAYANAN SERTIFIKAT ELEKTRONIK");
    if (!report.office.empty())
        canvas.paragraph(report.office, 11, generation::Face::bold);
    canvas.paragraph("Periode " + long_date(report.from) + " sampai " + long_date(report.to) + ". Dibuat " +
                     report.generated_at + ".");
    canvas.heading("Ringkasan");
    Rows rows;
    for (const CountRow& row : report.summary)
        rows.push_back({row.label, std::to_string(row.count)});
    canvas.table({{"Indikator", 5}, {"Jumlah", 1, true}}, rows);
}

void chart_sections(ReportCanvas& canvas, const Report& report)
{
    auto chart = [&](const std::string& heading, const std::vector<CountRow>& rows, bool vertical) {
        canvas.heading(heading, vertical ? ReportCanvas::vertical_bars_height()
                                         : ReportCanvas::horizontal_bars_height(rows.size()));
        bool any = std::any_of(rows.begin(), rows.end(), [](const CountRow& row) { return row.count > 0; });
        if (!any) {
            canvas.paragraph("Tidak ada kasus dalam periode ini.");
            return;
        }
        vertical ? canvas.vertical_bars(chart_rows(rows)) : canvas.horizontal_bars(chart_rows(rows));
    };
    chart("Kasus menurut status", report.by_status, false);
    chart("Kasus menurut OPD", report.by_opd, false);
    std::vector<CountRow> weeks;
    for (const CountRow& week : report.by_week)
        weeks.push_back(CountRow {short_date(*parse_day(week.label)), week.count});
    chart("Kasus per minggu (tanggal awal minggu)", weeks, true);
}

void step_sections(ReportCanvas& canvas, const Report& report)
{
    canvas.heading("Waktu per langkah SOP dibanding mutu baku");
    if (report.step_summary.empty()) {
        canvas.paragraph("Belum ada langkah yang tercatat dalam periode ini.");
    } else {
        Rows rows;
        for (const StepSummary& step : report.step_summary)
            rows.push_back({step.label, std::to_string(step.count), duration_text(step.average_minutes),
                            duration_text(step.max_minutes), standard_text(step.standard_minutes),
                            std::to_string(step.overdue)});
        canvas.table({{"Langkah", 3.2}, {"Selesai", 1, true}, {"Rata-rata", 1.6, true}, {"Terlama", 1.6, true},
                      {"Mutu baku", 1.6, true}, {"Terlambat", 1.1, true}},
                     rows);
        canvas.paragraph("Verifikasi berkas dihitung dari pemeriksaan pertama oleh berkas sampai keputusan verifikator; "
                         "langkah lain dari langkah sebelumnya. Mutu baku diambil dari SOP pada profil kantor.",
                         8.5);
    }
    canvas.heading("Langkah yang melewati mutu baku");
    auto late = report.overdue();
    if (late.empty()) {
        canvas.paragraph("Tidak ada langkah yang melewati mutu baku.");
        return;
    }
    // The longest overruns first; the whole list is in langkah_sop.csv.
    std::stable_sort(late.begin(), late.end(), [](const StepTiming* a, const StepTiming* b) {
        return a->minutes - *a->standard_minutes > b->minutes - *b->standard_minutes;
    });
    Rows rows;
    for (size_t i = 0; i < std::min(late.size(), overdue_rows_in_pdf); ++i)
        rows.push_back({late[i]->case_id, late[i]->nama, late[i]->label, duration_text(late[i]->minutes),
                        standard_text(late[i]->standard_minutes), late[i]->running ? "masih berjalan" : "selesai"});
    canvas.table({{"Kasus", 2.2}, {"Pemohon", 2.4}, {"Langkah", 2.2}, {"Lama", 1.4, true}, {"Mutu baku", 1.3, true},
                  {"Keadaan", 1.3}},
                 rows);
    if (late.size() > overdue_rows_in_pdf)
        canvas.paragraph("… dan " + std::to_string(late.size() - overdue_rows_in_pdf) +
                             " langkah lain yang terlambat; daftar lengkapnya ada di langkah_sop.csv (terlambat = ya).",
                         8.5);
}

void certificate_sections(ReportCanvas& canvas, const Report& report)
{
    canvas.heading("Pemegang sertifikat elektronik", 90);
    canvas.paragraph("Jumlah pengguna yang memiliki tanda tangan digital per " + long_date(report.to) + ": " +
                         std::to_string(report.holder_people) + " orang.",
                     10, generation::Face::bold);
    if (!report.holders.empty()) {
        Rows rows;
        int number = 0;
        for (const HolderRow& holder : report.holders)
            rows.push_back({std::to_string(++number), holder.nama, mask_identifiers(holder.nip), holder.opd,
                            holder.serial, holder.expires_on});
        canvas.table({{"No", 0.5, true}, {"Nama", 2.6}, {"NIP", 2.0}, {"OPD", 2.6}, {"Nomor seri", 1.6},
                      {"Berlaku sampai", 1.4}},
                     rows);
    }
    canvas.heading("Sertifikat yang berakhir dalam " + std::to_string(expiring_within_days) + " hari");
    if (report.expiring.empty()) {
        canvas.paragraph("Tidak ada sertifikat yang berakhir dalam " + std::to_string(expiring_within_days) + " hari.");
        return;
    }
    Rows rows;
    for (const HolderRow& holder : report.expiring)
        rows.push_back({holder.nama, holder.opd, holder.serial, holder.expires_on, std::to_string(holder.days_left),
                        holder.status});
    canvas.table({{"Nama", 2.6}, {"OPD", 2.6}, {"Nomor seri", 1.6}, {"Berlaku sampai", 1.4}, {"Sisa hari", 0.9, true},
                  {"Status", 1.6}},
                 rows);
}

void problem_section(ReportCanvas& canvas, const Report& report)
{
    canvas.heading("Masalah yang paling sering");
    if (report.problems.empty()) {
        canvas.paragraph("Tidak ada masalah tercatat pada kasus dalam periode ini.");
        return;
    }
    Rows rows;
    for (size_t i = 0; i < std::min<size_t>(report.problems.size(), 10); ++i)
        rows.push_back({report.problems[i].message, report.problems[i].code, std::to_string(report.problems[i].cases)});
    canvas.table({{"Masalah", 4}, {"Kode", 2}, {"Kasus", 0.8, true}}, rows);
}

} // namespace

Expected<std::string> render_report_pdf(const Report& report, const generation::FontFiles& fonts)
{
    auto writer = BERKAS_TRY(generation::PdfWriter::open(fonts));
    ReportCanvas canvas(writer->measure());
    summary_section(canvas, report);
    chart_sections(canvas, report);
    step_sections(canvas, report);
    certificate_sections(canvas, report);
    problem_section(canvas, report);
    std::string title = "Laporan Layanan Sertifikat Elektronik " + format_day(report.from) + " s.d. " +
                        format_day(report.to);
    auto document = canvas.finish(generation::RenderedMetadata {title, report.office, "berkas", "berkas", "BSrE, TTE"},
                                  "berkas · " + title);
    int year = 0, month = 0, day = 0;
    civil_from_day(parse_day(report.generated_at.substr(0, 10)).value_or(report.to), year, month, day);
    auto pdf = BERKAS_TRY(writer->write(document, generation::CalendarDate {year, month, day}));
    return generation::repair_to_unicode_maps(pdf);
}

} // namespace berkas::reporting

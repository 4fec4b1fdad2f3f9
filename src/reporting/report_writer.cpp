#include "reporting/report_writer.hpp"

#include "generation/fonts.hpp"
#include "reporting/report.hpp"
#include "reporting/report_pdf.hpp"
#include "reporting/tables.hpp"
#include "reporting/workbook.hpp"
#include "util/file.hpp"
#include "util/staging.hpp"

#include <sys/stat.h>

namespace berkas::reporting {

namespace fs = std::filesystem;

DayNumber default_report_start(DayNumber to)
{
    int year, month, day;
    civil_from_day(to, year, month, day);
    return day_from_civil(year, 1, 1);
}

Expected<fs::path> write_report(state::SubmissionLedger& ledger, const ReportRequest& request)
{
    if (request.from > request.to)
        return make_error("usage", "awal periode (" + format_day(request.from) + ") setelah akhir periode (" +
                                       format_day(request.to) + ")");
    ReportInput input;
    input.cases = BERKAS_TRY(ledger.all_cases());
    input.decisions = BERKAS_TRY(ledger.all_decisions());
    input.events = BERKAS_TRY(ledger.all_events());
    input.certificates = BERKAS_TRY(ledger.certificates());
    input.queue = BERKAS_TRY(ledger.entries());
    input.problems = BERKAS_TRY(ledger.all_problems());
    input.schedule = request.schedule;
    input.office = request.office;
    input.from = request.from;
    input.to = request.to;
    input.now = request.now;
    Report report = build_report(input);
    auto fonts = BERKAS_TRY(generation::find_serif_fonts());
    std::string pdf = BERKAS_TRY(render_report_pdf(report, fonts));

    fs::path folder = request.outbox / "reports" / format_day(request.to);
    StagingFolder staging = BERKAS_TRY(StagingFolder::create(folder));
    std::vector<Table> tables = report_tables(report);
    for (const Table& table : tables)
        BERKAS_TRY(write_file_atomic(staging.path() / (table.name + ".csv"), to_csv(table)));
    BERKAS_TRY(write_file_atomic(staging.path() / "laporan.pdf", pdf));
    fs::path scratch = staging.path() / ".xlsx-sementara";
    BERKAS_TRY(ensure_directory(scratch));
    BERKAS_TRY(write_workbook(tables, staging.path() / "laporan.xlsx", scratch,
                              "Laporan Layanan Sertifikat Elektronik " + format_day(request.from) + " s.d. " +
                                  format_day(request.to)));
    fs::remove_all(scratch);
    ::chmod((staging.path() / "laporan.xlsx").c_str(), 0640); // libxlsxwriter follows the umask
    BERKAS_TRY(staging.publish());
    BERKAS_TRY(ledger.record_report(format_day(request.to), folder.string(), format_utc_timestamp(request.now)));
    return folder;
}

} // namespace berkas::reporting

#include "reporting/tables.hpp"

namespace berkas::reporting {

namespace {

std::string number(long value) { return std::to_string(value); }

std::string optional_number(const std::optional<int>& value) { return value ? std::to_string(*value) : ""; }

Table make_table(std::string name, std::string title, std::vector<std::string> columns, std::vector<bool> numeric)
{
    return Table {std::move(name), std::move(title), std::move(columns), std::move(numeric), {}};
}

Table summary_table(const Report& report)
{
    Table table = make_table("ringkasan", "Ringkasan", {"indikator", "nilai"}, {false, true});
    table.rows.push_back({"Periode mulai", format_day(report.from)});
    table.rows.push_back({"Periode sampai", format_day(report.to)});
    for (const CountRow& row : report.summary)
        table.rows.push_back({row.label, number(row.count)});
    return table;
}

Table case_table(const Report& report)
{
    Table table = make_table("kasus", "Kasus dalam periode",
                             {"kasus", "nama", "opd", "unit_kerja", "berkas", "status", "keputusan", "keputusan_oleh",
                              "keputusan_pada", "antrean", "dibuat_pada", "diperbarui_pada", "jumlah_masalah"},
                             {false, false, false, false, false, false, false, false, false, false, false, false, true});
    for (const CaseRow& row : report.cases)
        table.rows.push_back({row.case_id, row.nama, row.opd, row.unit_kerja, row.berkas, row.status, row.keputusan,
                              row.keputusan_oleh, row.keputusan_pada, row.antrean, row.dibuat_pada, row.diperbarui_pada,
                              number(row.jumlah_masalah)});
    return table;
}

Table count_table(std::string name, std::string title, std::string label_column, const std::vector<CountRow>& rows)
{
    Table table = make_table(std::move(name), std::move(title), {std::move(label_column), "jumlah"}, {false, true});
    for (const CountRow& row : rows)
        table.rows.push_back({row.label, number(row.count)});
    return table;
}

Table step_table(const Report& report)
{
    Table table = make_table("langkah_sop", "Waktu per langkah SOP",
                             {"kasus", "nama", "langkah", "nama_langkah", "mulai", "selesai", "durasi_menit",
                              "mutu_baku_menit", "terlambat", "keadaan"},
                             {false, false, false, false, false, false, true, true, false, false});
    for (const StepTiming& step : report.steps)
        table.rows.push_back({step.case_id, step.nama, step.step, step.label, step.started_at, step.ended_at,
                              number(step.minutes), optional_number(step.standard_minutes), step.overdue ? "ya" : "tidak",
                              step.running ? "berjalan" : "selesai"});
    return table;
}

Table step_summary_table(const Report& report)
{
    Table table = make_table("ringkasan_langkah", "Langkah SOP dibanding mutu baku",
                             {"langkah", "nama_langkah", "kegiatan", "jumlah_selesai", "rata_rata_menit",
                              "maksimum_menit", "mutu_baku_menit", "jumlah_terlambat"},
                             {false, false, false, true, true, true, true, true});
    for (const StepSummary& step : report.step_summary)
        table.rows.push_back({step.step, step.label, step.activity, number(step.count), number(step.average_minutes),
                              number(step.max_minutes), optional_number(step.standard_minutes), number(step.overdue)});
    return table;
}

Table holder_table(std::string name, std::string title, const std::vector<HolderRow>& holders, bool with_days_left)
{
    std::vector<std::string> columns = {"kasus", "nama", "nik", "nip", "opd", "unit_kerja", "nomor_seri",
                                        "tanggal_terbit", "berlaku_sampai", "perpanjangan_mulai", "status"};
    std::vector<bool> numeric(columns.size(), false);
    if (with_days_left) {
        columns.push_back("sisa_hari");
        numeric.push_back(true);
    }
    Table table = make_table(std::move(name), std::move(title), columns, numeric);
    for (const HolderRow& holder : holders) {
        table.rows.push_back({holder.case_id, holder.nama, holder.nik, holder.nip, holder.opd, holder.unit_kerja,
                              holder.serial, holder.issued_on, holder.expires_on, holder.renewal_due_on, holder.status});
        if (with_days_left)
            table.rows.back().push_back(number(holder.days_left));
    }
    return table;
}

Table problem_table(const Report& report)
{
    Table table = make_table("masalah", "Masalah yang paling sering", {"kode", "pesan", "jumlah_kasus"},
                             {false, false, true});
    for (const ProblemRow& problem : report.problems)
        table.rows.push_back({problem.code, problem.message, number(problem.cases)});
    return table;
}

bool needs_quotes(const std::string& field) { return field.find_first_of(",\"\r\n") != std::string::npos; }

std::string csv_field(std::string field, bool numeric)
{
    if (!numeric && !field.empty() && std::string("=+-@\t\r").find(field[0]) != std::string::npos)
        field.insert(field.begin(), '\'');
    if (!needs_quotes(field))
        return field;
    std::string quoted = "\"";
    for (char c : field)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

std::vector<Table> report_tables(const Report& report)
{
    return {summary_table(report),
            case_table(report),
            count_table("per_status", "Kasus menurut status", "status", report.by_status),
            count_table("per_opd", "Kasus menurut OPD", "opd", report.by_opd),
            count_table("per_minggu", "Kasus per minggu", "minggu_mulai", report.by_week),
            step_table(report),
            step_summary_table(report),
            holder_table("pemegang_sertifikat", "Pemegang sertifikat elektronik", report.holders, false),
            holder_table("sertifikat_berakhir_60_hari", "Sertifikat berakhir dalam 60 hari", report.expiring, true),
            problem_table(report)};
}

std::string to_csv(const Table& table)
{
    std::string csv;
    auto add_row = [&](const std::vector<std::string>& fields, bool header) {
        for (size_t i = 0; i < fields.size(); ++i)
            csv += (i ? "," : "") + csv_field(fields[i], header || (i < table.numeric.size() && table.numeric[i]));
        csv += "\n";
    };
    add_row(table.columns, true);
    for (const auto& row : table.rows)
        add_row(row, false);
    return csv;
}

std::string duration_text(long minutes)
{
    if (minutes < 60)
        return std::to_string(minutes) + " menit";
    if (minutes < 24 * 60) {
        long rest = minutes % 60;
        return std::to_string(minutes / 60) + " jam" + (rest ? " " + std::to_string(rest) + " menit" : "");
    }
    long hours = (minutes / 60) % 24;
    return std::to_string(minutes / (24 * 60)) + " hari" + (hours ? " " + std::to_string(hours) + " jam" : "");
}

} // namespace berkas::reporting

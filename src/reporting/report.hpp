#pragma once
// The office's report, computed from the state: cases by status, by OPD and
// by week; the time each case spent on each SOP step against the profile's
// standard time (mutu baku); the register of certificate holders (the SOPs'
// "jumlah pengguna yang memiliki tanda tangan digital"); certificates that
// expire soon; the most frequent problems. Pure: rows in, tables out; the
// writers (CSV, XLSX, PDF) only format it.
#include "state/submission_ledger.hpp"
#include "submission/schedule.hpp"
#include "util/dates.hpp"

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace berkas::reporting {

inline constexpr int expiring_within_days = 60;

struct ReportInput {
    std::vector<state::CaseRecord> cases;
    std::vector<state::Decision> decisions;
    std::vector<state::LifecycleEvent> events;
    std::vector<state::Certificate> certificates;
    std::vector<state::QueueEntry> queue;
    std::vector<state::CaseProblem> problems;
    submission::Schedule schedule;
    std::string office;  // shown in the title, e.g. "Dinas Komunikasi dan Informatika Kota Pontianak"
    DayNumber from = 0;  // the period, inclusive, in the office's local days
    DayNumber to = 0;
    std::time_t now = 0; // open steps are timed until now
};

struct CaseRow {
    std::string case_id, nama, opd, unit_kerja;
    std::string berkas;    // lengkap | belum lengkap
    std::string status;    // Indonesian status label (the "by status" category)
    std::string keputusan; // disetujui | dikembalikan | ""
    std::string keputusan_oleh, keputusan_pada;
    std::string antrean;   // queue state or ""
    std::string dibuat_pada, diperbarui_pada;
    int jumlah_masalah = 0;
};

struct CountRow {
    std::string label;
    int count = 0;
};

struct StepTiming {
    std::string case_id, nama;
    std::string step;     // verification or a lifecycle step
    std::string label;    // Indonesian
    std::string started_at, ended_at; // local "YYYY-MM-DD HH:MM"; ended_at empty while running
    long minutes = 0;
    std::optional<int> standard_minutes;
    bool overdue = false;
    bool running = false;
};

struct StepSummary {
    std::string step, label, activity;
    int count = 0;
    long average_minutes = 0;
    long max_minutes = 0;
    std::optional<int> standard_minutes;
    int overdue = 0;
};

struct HolderRow {
    std::string case_id, nama, nik, nip, opd, unit_kerja;
    std::string serial, issued_on, expires_on, renewal_due_on;
    std::string status; // Indonesian lifecycle label
    long days_left = 0;
};

struct ProblemRow {
    std::string code, message;
    int cases = 0;
};

struct Report {
    std::string office;
    DayNumber from = 0, to = 0;
    std::string generated_at; // local "YYYY-MM-DD HH:MM"
    std::vector<CaseRow> cases;
    std::vector<CountRow> by_status, by_opd, by_week;
    std::vector<StepTiming> steps;
    std::vector<StepSummary> step_summary;
    std::vector<HolderRow> holders;
    int holder_people = 0; // distinct people (by NIK, else NIP) with a valid certificate
    std::vector<HolderRow> expiring;
    std::vector<ProblemRow> problems;
    std::vector<CountRow> summary; // indicator → value, for the first page and ringkasan.csv

    std::vector<const StepTiming*> overdue() const;
};

Report build_report(const ReportInput& input);

// "2026-03-02T01:15:00Z" → "2026-03-02 08:15" on the office's clock; "" stays "".
std::string local_time_text(const std::string& utc_timestamp);

// "5 Jan 2026"-style short Indonesian dates for chart labels: "5 Jan".
std::string short_date(DayNumber day);
// "2 Maret 2026".
std::string long_date(DayNumber day);

} // namespace berkas::reporting

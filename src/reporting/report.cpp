#include "reporting/report.hpp"

#include "generation/indonesian.hpp"
#include "submission/lifecycle.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace berkas::reporting {

namespace {

using submission::Step;

// What the report needs of one case, gathered once.
struct CaseFacts {
    const state::CaseRecord* record = nullptr;
    nlohmann::json applicant;
    const state::Decision* decision = nullptr; // the latest
    std::vector<const state::LifecycleEvent*> events;
    const state::QueueEntry* queue = nullptr;
    const state::Certificate* certificate = nullptr; // the latest
    DayNumber created_day = 0;

    std::string field(const char* name) const
    {
        return applicant.contains(name) && applicant[name].is_string() ? applicant[name].get<std::string>() : "";
    }
    std::string opd() const
    {
        std::string instansi = field("instansi");
        if (!instansi.empty())
            return instansi;
        std::string unit = field("unit_kerja");
        return unit.empty() ? "(tidak diketahui)" : unit;
    }
    bool approved() const { return decision && decision->decision == "approved"; }
    std::optional<Step> current() const
    {
        return events.empty() ? std::nullopt : submission::step_from_string(events.back()->state);
    }
};

std::time_t moment(const std::string& utc) { return parse_utc_timestamp(utc).value_or(0); }

DayNumber day_of(const std::string& utc) { return local_day(moment(utc)); }

std::vector<CaseFacts> gather(const ReportInput& input)
{
    std::map<std::string, CaseFacts> facts;
    for (const state::CaseRecord& record : input.cases) {
        CaseFacts& f = facts[record.case_id];
        f.record = &record;
        auto result = nlohmann::json::parse(record.result_json, nullptr, false);
        f.applicant = result.is_object() ? result.value("applicant", nlohmann::json::object()) : nlohmann::json::object();
        f.created_day = day_of(record.created_at);
    }
    auto find = [&](const std::string& id) -> CaseFacts* {
        auto it = facts.find(id);
        return it == facts.end() ? nullptr : &it->second;
    };
    for (const state::Decision& decision : input.decisions)
        if (CaseFacts* f = find(decision.case_id))
            f->decision = &decision;
    for (const state::LifecycleEvent& event : input.events)
        if (CaseFacts* f = find(event.case_id))
            f->events.push_back(&event);
    for (const state::QueueEntry& entry : input.queue)
        if (CaseFacts* f = find(entry.case_id))
            f->queue = &entry;
    for (const state::Certificate& certificate : input.certificates)
        if (CaseFacts* f = find(certificate.case_id))
            f->certificate = &certificate;
    std::vector<CaseFacts> ordered;
    for (auto& [id, f] : facts)
        ordered.push_back(std::move(f));
    std::stable_sort(ordered.begin(), ordered.end(), [](const CaseFacts& a, const CaseFacts& b) {
        return a.record->created_at < b.record->created_at;
    });
    return ordered;
}

// The categories of the "by status" chart, in the order a case moves through them.
const std::vector<std::string>& status_order()
{
    static const std::vector<std::string> order = [] {
        std::vector<std::string> labels = {"belum lengkap", "lengkap, menunggu keputusan", "dikembalikan ke pemohon",
                                           "disetujui, menunggu pengajuan", "pengiriman gagal"};
        for (Step step : submission::all_steps)
            labels.push_back(submission::label(step));
        return labels;
    }();
    return order;
}

std::string status_of(const CaseFacts& f)
{
    if (auto current = f.current())
        return submission::label(*current);
    if (f.decision && f.decision->decision == "returned")
        return "dikembalikan ke pemohon";
    if (f.approved())
        return f.queue && f.queue->state == "failed" ? "pengiriman gagal" : "disetujui, menunggu pengajuan";
    return f.record->status == "complete" ? "lengkap, menunggu keputusan" : "belum lengkap";
}

CaseRow case_row(const CaseFacts& f, int problems)
{
    CaseRow row;
    row.case_id = f.record->case_id;
    row.nama = f.record->applicant_name;
    row.opd = f.opd();
    row.unit_kerja = f.field("unit_kerja");
    row.berkas = f.record->status == "complete" ? "lengkap" : "belum lengkap";
    row.status = status_of(f);
    if (f.decision) {
        row.keputusan = f.decision->decision == "approved" ? "disetujui" : "dikembalikan";
        row.keputusan_oleh = f.decision->actor;
        row.keputusan_pada = local_time_text(f.decision->at);
    }
    row.antrean = f.queue ? f.queue->state : "";
    row.dibuat_pada = local_time_text(f.record->created_at);
    row.diperbarui_pada = local_time_text(f.record->updated_at);
    row.jumlah_masalah = problems;
    return row;
}

std::vector<CountRow> count_in_order(const std::map<std::string, int>& counts, const std::vector<std::string>& order)
{
    std::vector<CountRow> rows;
    for (const std::string& label : order) {
        auto it = counts.find(label);
        if (it != counts.end() && it->second > 0)
            rows.push_back(CountRow {label, it->second});
    }
    return rows;
}

std::vector<CountRow> largest_first(const std::map<std::string, int>& counts, size_t keep)
{
    std::vector<CountRow> rows;
    for (const auto& [label, count] : counts)
        rows.push_back(CountRow {label, count});
    std::stable_sort(rows.begin(), rows.end(), [](const CountRow& a, const CountRow& b) { return a.count > b.count; });
    if (rows.size() > keep) {
        int rest = 0;
        for (size_t i = keep - 1; i < rows.size(); ++i)
            rest += rows[i].count;
        rows.resize(keep - 1);
        rows.push_back(CountRow {"lainnya", rest});
    }
    return rows;
}

std::vector<CountRow> by_week(const std::vector<const CaseFacts*>& cases, DayNumber from, DayNumber to)
{
    DayNumber first_monday = from - weekday(from);
    std::vector<CountRow> weeks;
    for (DayNumber monday = first_monday; monday <= to; monday += 7)
        weeks.push_back(CountRow {format_day(monday), 0});
    for (const CaseFacts* f : cases)
        weeks[static_cast<size_t>((f->created_day - first_monday) / 7)].count++;
    return weeks;
}

class StepClock {
public:
    StepClock(const ReportInput& input)
        : m_input(input)
        , m_show_running(input.to >= local_day(input.now))
    {
    }

    void time_case(const CaseFacts& f, std::vector<StepTiming>& out) const
    {
        if (!f.decision) {
            if (f.record->status == "complete")
                add(f, submission::verification_step, f.record->created_at, {}, out);
            return;
        }
        if (!f.approved())
            return; // returned: the applicant has the next move
        add(f, submission::verification_step, f.record->created_at, f.decision->at, out);
        std::string previous = f.decision->at;
        for (const state::LifecycleEvent* event : f.events) {
            add(f, event->state, previous, event->at, out);
            previous = event->at;
        }
        if (auto next = next_step(f))
            add(f, submission::to_string(*next), previous, {}, out);
    }

private:
    static std::optional<Step> next_step(const CaseFacts& f)
    {
        auto current = f.current();
        if (!current)
            return Step::submitted;
        const auto& path = submission::issuance_path;
        auto at = std::find(std::begin(path), std::end(path), *current);
        if (at == std::end(path) || at + 1 == std::end(path))
            return std::nullopt; // finished, rejected, revoked or waiting for renewal: no SOP clock runs
        return *(at + 1);
    }

    void add(const CaseFacts& f, const std::string& step, const std::string& started, const std::string& ended,
             std::vector<StepTiming>& out) const
    {
        auto lifecycle = submission::step_from_string(step);
        bool on_path = !lifecycle || std::find(std::begin(submission::issuance_path), std::end(submission::issuance_path),
                                               *lifecycle) != std::end(submission::issuance_path);
        if (!on_path && !m_input.schedule.standard_minutes(step))
            return; // a rejection, revocation or renewal notice ends a wait; it is not an SOP activity
        bool running = ended.empty();
        if (running ? !m_show_running : (day_of(ended) < m_input.from || day_of(ended) > m_input.to))
            return;
        StepTiming timing;
        timing.case_id = f.record->case_id;
        timing.nama = f.record->applicant_name;
        timing.step = step;
        timing.label = lifecycle ? submission::label(*lifecycle) : "verifikasi berkas";
        timing.started_at = local_time_text(started);
        timing.ended_at = local_time_text(ended);
        std::time_t end = running ? m_input.now : moment(ended);
        timing.minutes = std::max<long>(0, static_cast<long>((end - moment(started)) / 60));
        timing.standard_minutes = m_input.schedule.standard_minutes(step);
        timing.overdue = timing.standard_minutes && timing.minutes > *timing.standard_minutes;
        timing.running = running;
        out.push_back(std::move(timing));
    }

    const ReportInput& m_input;
    bool m_show_running;
};

std::vector<StepSummary> summarise_steps(const std::vector<StepTiming>& steps, const submission::Schedule& schedule)
{
    std::vector<std::string> order = {submission::verification_step};
    for (Step step : submission::all_steps)
        order.push_back(submission::to_string(step));
    std::vector<StepSummary> summaries;
    for (const std::string& step : order) {
        StepSummary summary;
        summary.step = step;
        summary.standard_minutes = schedule.standard_minutes(step);
        summary.activity = schedule.activities(step);
        long total = 0;
        for (const StepTiming& timing : steps) {
            if (timing.step != step)
                continue;
            summary.label = timing.label;
            summary.overdue += timing.overdue;
            if (timing.running)
                continue;
            summary.count++;
            total += timing.minutes;
            summary.max_minutes = std::max(summary.max_minutes, timing.minutes);
        }
        if (summary.count == 0 && summary.overdue == 0)
            continue;
        summary.average_minutes = summary.count ? total / summary.count : 0;
        summaries.push_back(std::move(summary));
    }
    return summaries;
}

bool holds_certificate(const CaseFacts& f, DayNumber as_of)
{
    if (!f.certificate)
        return false;
    auto current = f.current();
    bool valid_step = current == Step::issued || current == Step::delivered || current == Step::renewal_due;
    auto issued = parse_day(f.certificate->issued_on), expires = parse_day(f.certificate->expires_on);
    return valid_step && issued && expires && *issued <= as_of && *expires >= as_of;
}

HolderRow holder_row(const CaseFacts& f, DayNumber as_of)
{
    HolderRow row;
    row.case_id = f.record->case_id;
    row.nama = f.record->applicant_name;
    row.nik = f.field("nik");
    row.nip = f.field("nip");
    row.opd = f.opd();
    row.unit_kerja = f.field("unit_kerja");
    row.serial = f.certificate->serial;
    row.issued_on = f.certificate->issued_on;
    row.expires_on = f.certificate->expires_on;
    row.renewal_due_on = f.certificate->renewal_due_on;
    row.status = submission::label(*f.current());
    row.days_left = static_cast<long>(*parse_day(row.expires_on) - as_of);
    return row;
}

std::vector<ProblemRow> frequent_problems(const std::vector<state::CaseProblem>& problems,
                                          const std::set<std::string>& cases)
{
    std::map<std::string, ProblemRow> by_code;
    for (const state::CaseProblem& problem : problems) {
        if (!cases.count(problem.case_id))
            continue;
        ProblemRow& row = by_code[problem.code];
        row.code = problem.code;
        if (row.message.empty())
            row.message = problem.message;
        row.cases++;
    }
    std::vector<ProblemRow> rows;
    for (auto& [code, row] : by_code)
        rows.push_back(row);
    std::stable_sort(rows.begin(), rows.end(), [](const ProblemRow& a, const ProblemRow& b) { return a.cases > b.cases; });
    return rows;
}

} // namespace

std::vector<const StepTiming*> Report::overdue() const
{
    std::vector<const StepTiming*> late;
    for (const StepTiming& timing : steps) {
        if (timing.overdue)
            late.push_back(&timing);
    }
    return late;
}

std::string local_time_text(const std::string& utc_timestamp)
{
    auto parsed = parse_utc_timestamp(utc_timestamp);
    if (!parsed)
        return utc_timestamp;
    std::tm local {};
    localtime_r(&*parsed, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

std::string short_date(DayNumber day)
{
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
    int year, month, day_of_month;
    civil_from_day(day, year, month, day_of_month);
    return std::to_string(day_of_month) + " " + months[month - 1];
}

std::string long_date(DayNumber day) { return generation::format_indonesian_date(format_day(day)).value_or(format_day(day)); }

Report build_report(const ReportInput& input)
{
    Report report;
    report.office = input.office;
    report.from = input.from;
    report.to = input.to;
    report.generated_at = local_time_text(format_utc_timestamp(input.now));
    std::vector<CaseFacts> facts = gather(input);

    std::map<std::string, int> problems_per_case;
    for (const state::CaseProblem& problem : input.problems)
        problems_per_case[problem.case_id]++;
    std::vector<const CaseFacts*> in_period;
    std::set<std::string> period_ids;
    std::map<std::string, int> statuses, opds;
    for (const CaseFacts& f : facts) {
        if (f.created_day < input.from || f.created_day > input.to)
            continue;
        in_period.push_back(&f);
        period_ids.insert(f.record->case_id);
        report.cases.push_back(case_row(f, problems_per_case[f.record->case_id]));
        statuses[report.cases.back().status]++;
        opds[f.opd()]++;
    }
    report.by_status = count_in_order(statuses, status_order());
    report.by_opd = largest_first(opds, 12);
    report.by_week = by_week(in_period, input.from, input.to);

    StepClock clock(input);
    for (const CaseFacts& f : facts)
        clock.time_case(f, report.steps);
    report.step_summary = summarise_steps(report.steps, input.schedule);

    std::set<std::string> people;
    for (const CaseFacts& f : facts) {
        if (!holds_certificate(f, input.to))
            continue;
        report.holders.push_back(holder_row(f, input.to));
        const HolderRow& holder = report.holders.back();
        people.insert(!holder.nik.empty() ? holder.nik : !holder.nip.empty() ? holder.nip : holder.case_id);
        if (holder.days_left <= expiring_within_days)
            report.expiring.push_back(holder);
    }
    std::sort(report.expiring.begin(), report.expiring.end(),
              [](const HolderRow& a, const HolderRow& b) { return a.days_left < b.days_left; });
    report.holder_people = static_cast<int>(people.size());
    report.problems = frequent_problems(input.problems, period_ids);

    auto count_if_case = [&](auto predicate) {
        return static_cast<int>(std::count_if(in_period.begin(), in_period.end(), predicate));
    };
    int issued_in_period = static_cast<int>(std::count_if(input.certificates.begin(), input.certificates.end(), [&](auto& c) {
        auto day = parse_day(c.issued_on);
        return day && *day >= input.from && *day <= input.to;
    }));
    report.summary = {
        {"Kasus masuk", static_cast<int>(in_period.size())},
        {"Berkas lengkap", count_if_case([](const CaseFacts* f) { return f->record->status == "complete"; })},
        {"Berkas belum lengkap", count_if_case([](const CaseFacts* f) { return f->record->status != "complete"; })},
        {"Disetujui verifikator", count_if_case([](const CaseFacts* f) { return f->approved(); })},
        {"Dikembalikan ke pemohon",
         count_if_case([](const CaseFacts* f) { return f->decision && f->decision->decision == "returned"; })},
        {"Diajukan ke BSrE", count_if_case([](const CaseFacts* f) { return !f->events.empty(); })},
        {"Sertifikat terbit", issued_in_period},
        {"Langkah melewati mutu baku", static_cast<int>(report.overdue().size())},
        {"Jumlah pengguna yang memiliki tanda tangan digital", report.holder_people},
        {"Sertifikat berakhir dalam 60 hari", static_cast<int>(report.expiring.size())},
    };
    return report;
}

} // namespace berkas::reporting

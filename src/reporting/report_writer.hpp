#pragma once
// Writes outbox/reports/<end date>/: laporan.pdf, laporan.xlsx and one CSV per
// table, published as one folder (whole or absent).
#include "state/submission_ledger.hpp"
#include "submission/schedule.hpp"
#include "util/dates.hpp"
#include "util/expected.hpp"

#include <ctime>
#include <filesystem>
#include <string>

namespace berkas::reporting {

struct ReportRequest {
    DayNumber from = 0;
    DayNumber to = 0;
    std::time_t now = 0;
    std::string office;
    std::filesystem::path outbox;
    submission::Schedule schedule;
};

// The default period: 1 January of the end date's year up to the end date.
DayNumber default_report_start(DayNumber to);

// Returns the report's folder.
Expected<std::filesystem::path> write_report(state::SubmissionLedger& ledger, const ReportRequest& request);

} // namespace berkas::reporting

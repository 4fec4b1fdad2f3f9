#pragma once
// laporan.pdf: the report for the head of office, in Indonesian, with charts.
// NIPs are masked here (the PDF gets printed and passed around); the CSV and
// XLSX register carries them whole for the office's own records.
#include "generation/fonts.hpp"
#include "reporting/report.hpp"
#include "util/expected.hpp"

#include <string>

namespace berkas::reporting {

Expected<std::string> render_report_pdf(const Report& report, const generation::FontFiles& fonts);

} // namespace berkas::reporting

#pragma once
// The report as tables: one CSV file and one worksheet per table. The column
// names are a contract with the offices' spreadsheets (README.md, "Laporan"):
// add columns at the end, never rename.
#include "reporting/report.hpp"

#include <string>
#include <vector>

namespace berkas::reporting {

struct Table {
    std::string name;                 // file stem and worksheet name, e.g. "pemegang_sertifikat"
    std::string title;                // Indonesian, for the worksheet's readers
    std::vector<std::string> columns;
    std::vector<bool> numeric;        // per column: written as a number in XLSX
    std::vector<std::vector<std::string>> rows;
};

std::vector<Table> report_tables(const Report& report);

// RFC 4180: comma-separated, fields with a comma, quote or line break quoted,
// "\n" line ends, UTF-8. A text field that a spreadsheet would run as a
// formula (it starts with = + - @) gets a leading apostrophe: the names come
// from scanned forms, and a form must not be able to plant a formula.
std::string to_csv(const Table& table);

// Minutes as a person reads them: "45 menit", "3 jam 20 menit", "2 hari 4 jam".
std::string duration_text(long minutes);

} // namespace berkas::reporting

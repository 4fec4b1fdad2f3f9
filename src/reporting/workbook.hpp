#pragma once
// The report's tables as one XLSX workbook, with libxlsxwriter (Debian's
// libxlsxwriter-dev): offices live in Excel, and an Indonesian-locale Excel
// splits CSV on ';', not ','. One worksheet per table, a bold frozen header
// row with filters, numbers as numbers, every other cell as text (never a
// formula).
#include "reporting/tables.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <vector>

namespace berkas::reporting {

// `scratch` holds libxlsxwriter's temporary files: inside the report's own
// staging folder, never in /tmp, since they hold personal data.
Expected<void> write_workbook(const std::vector<Table>& tables, const std::filesystem::path& path,
                              const std::filesystem::path& scratch, const std::string& title);

} // namespace berkas::reporting

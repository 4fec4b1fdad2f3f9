#include "reporting/workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace berkas::reporting {

namespace {

// Column width in characters: the longest cell, within reason.
double column_width(const Table& table, size_t column)
{
    size_t widest = table.columns[column].size();
    for (const auto& row : table.rows)
        widest = std::max(widest, row[column].size());
    return static_cast<double>(std::clamp<size_t>(widest + 2, 8, 60));
}

void write_sheet(lxw_workbook* workbook, lxw_format* header, const Table& table)
{
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.name.substr(0, 31).c_str());
    for (size_t column = 0; column < table.columns.size(); ++column) {
        auto col = static_cast<lxw_col_t>(column);
        worksheet_write_string(sheet, 0, col, table.columns[column].c_str(), header);
        worksheet_set_column(sheet, col, col, column_width(table, column), nullptr);
    }
    for (size_t row = 0; row < table.rows.size(); ++row) {
        auto r = static_cast<lxw_row_t>(row + 1);
        for (size_t column = 0; column < table.columns.size(); ++column) {
            const std::string& cell = table.rows[row][column];
            auto col = static_cast<lxw_col_t>(column);
            if (cell.empty())
                continue;
            char* end = nullptr;
            double number = std::strtod(cell.c_str(), &end);
            if (table.numeric[column] && end && *end == '\0') // "nilai" also holds the period's dates
                worksheet_write_number(sheet, r, col, number, nullptr);
            else
                worksheet_write_string(sheet, r, col, cell.c_str(), nullptr);
        }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                         static_cast<lxw_col_t>(table.columns.size() - 1));
}

} // namespace

Expected<void> write_workbook(const std::vector<Table>& tables, const std::filesystem::path& path,
                              const std::filesystem::path& scratch, const std::string& title)
{
    std::string scratch_dir = scratch.string();
    lxw_workbook_options options {};
    options.tmpdir = scratch_dir.data();
    lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
    if (!workbook)
        return make_error("report", "libxlsxwriter cannot start a workbook", path.string());
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0xE0E0E0);
    std::string title_text = title;
    std::string creator = "berkas";
    lxw_doc_properties properties {};
    properties.title = title_text.data();
    properties.author = creator.data();
    workbook_set_properties(workbook, &properties);
    for (const Table& table : tables)
        write_sheet(workbook, header, table);
    lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR)
        return make_error("report", std::string("libxlsxwriter: ") + lxw_strerror(error), path.string());
    return {};
}

} // namespace berkas::reporting

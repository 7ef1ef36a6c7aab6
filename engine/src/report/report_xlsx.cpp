// The progress report as an Excel workbook (libxlsxwriter): one sheet per
// section, figures as numbers (t CO2e with one decimal shown, % as numbers).
#include "labels.hpp"
#include "report_sections.hpp"
#include "report_text.hpp"

#include "klima/error.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>

namespace klima::report {
namespace {

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string sheet_name(const std::string& heading) {
    std::string s;
    for (char c : heading) s += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    if (s.size() <= 31) return s;
    s.resize(31);
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();  // no split UTF-8
    if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0xC0) s.pop_back();
    return s;
}

}  // namespace

void write_report_xlsx(const ReportData& d, Lang l, const std::string& path) {
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw Error({path, 0, ""}, "cannot write the xlsx workbook: no directory " + dir.string(),
                    "create the directory or give another --out path that is writable");
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) throw Error({path, 0, ""}, "cannot start an xlsx workbook", "check the path and free memory");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xF3F3F3);
    lxw_format* number = workbook_add_format(wb);
    format_set_num_format(number, "0.0");
    lxw_format* year = workbook_add_format(wb);
    format_set_num_format(year, "0");

    for (const auto& s : report_sections(d, l)) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(s.heading).c_str());
        lxw_row_t r = 0;
        worksheet_write_string(ws, r++, 0, (d.title + " — " + s.heading).c_str(), bold);
        for (const auto& line : s.lines) worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
        if (!s.head.empty()) {
            ++r;
            for (std::size_t c = 0; c < s.head.size(); ++c)
                worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), s.head[c].c_str(), head);
            ++r;
            for (const auto& row : s.rows) {
                for (std::size_t c = 0; c < row.size(); ++c) {
                    const auto col = static_cast<lxw_col_t>(c);
                    if (row[c].number) {
                        const bool is_year = *row[c].number == static_cast<int>(*row[c].number) &&
                                             *row[c].number >= 1990 && *row[c].number <= 2050 &&
                                             row[c].text.find_first_of(",.") == std::string::npos;
                        worksheet_write_number(ws, r, col, *row[c].number, is_year ? year : number);
                    } else {
                        worksheet_write_string(ws, r, col, row[c].text.c_str(), nullptr);
                    }
                }
                ++r;
            }
        }
        if (!s.note.empty()) worksheet_write_string(ws, ++r, 0, s.note.c_str(), nullptr);
        worksheet_set_column(ws, 0, 0, 42, nullptr);
        worksheet_set_column(ws, 1, static_cast<lxw_col_t>(std::max<std::size_t>(s.head.size(), 2)), 16, nullptr);
    }
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw Error({path, 0, ""}, std::string("cannot write the xlsx workbook: ") + lxw_strerror(err),
                    "check that the directory exists and is writable");
}

}  // namespace klima::report

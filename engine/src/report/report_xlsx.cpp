// The progress report as an Excel workbook (libxlsxwriter): one sheet per
// section (the summary first, with native Excel charts of the trajectory and
// the sectors), an inventory sheet and the charts' data sheet; figures as
// numbers (whole t CO2e shown, % with one decimal, the stored value in full).
#include "labels.hpp"
#include "report_sections.hpp"

#include "klima/horizon.hpp"
#include "report_text.hpp"

#include "klima/error.hpp"
#include "klima/io/output_file.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

namespace klima::report {
namespace {

// Characters (not bytes) of UTF-8 text.
std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

// Excel sheet names: at most 31 characters (Excel counts characters), none of []:*?/\, unique in
// the workbook (case-insensitively for ASCII). A longer heading is cut after its last whole word
// that fits, and a unit in brackets is dropped first: "Omkostning pr. ton (MACC) 2030" stays,
// "Fremdrift pr. sektor (t CO2e)" stays, a 40-character heading loses its last words, never half
// of one. `taken` holds the names given so far; a repeated name gets " 2", " 3", …
std::string sheet_name(const std::string& heading, std::vector<std::string>& taken) {
    std::string s;
    for (char c : heading) s += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    const auto fits = [](const std::string& n, std::size_t limit) { return characters(n) <= limit; };
    const auto shorten = [&](std::string n, std::size_t limit) {
        if (fits(n, limit)) return n;
        if (const auto unit = n.rfind(" ("); unit != std::string::npos && n.back() == ')') n.erase(unit);
        while (!fits(n, limit)) {
            const auto space = n.rfind(' ');
            if (space == std::string::npos || space == 0) {  // one long word: cut on a character
                while (!fits(n, limit)) {
                    n.pop_back();
                    while (!n.empty() && (static_cast<unsigned char>(n.back()) & 0xC0) == 0x80) n.pop_back();
                    if (!n.empty() && (static_cast<unsigned char>(n.back()) & 0xC0) == 0xC0) n.pop_back();
                }
                break;
            }
            n.erase(space);
        }
        while (!n.empty() && std::string(" -–,.").find(n.back()) != std::string::npos) n.pop_back();
        return n;
    };
    const auto lower = [](std::string n) {
        for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return n;
    };
    const auto is_taken = [&](const std::string& n) {
        return std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return lower(t) == lower(n); });
    };
    std::string name = shorten(s, 31);
    for (int i = 2; is_taken(name); ++i) name = shorten(s, 31 - 1 - std::to_string(i).size()) + " " + std::to_string(i);
    taken.push_back(name);
    return name;
}

namespace {

// libxlsxwriter reports failures by printing "[ERROR] …" lines to stderr
// before it returns an error code. While one of these lives, stderr goes to a
// temporary file instead, so that klima's one-line error stays the only line;
// system_error() recovers libxlsxwriter's "System error = …" for that line.
// Redirects the process's stderr: not for use while other threads print.
class CapturedStderr {
public:
    CapturedStderr() {
        std::fflush(stderr);
        file_ = std::tmpfile();
        saved_ = file_ ? ::dup(STDERR_FILENO) : -1;
        if (saved_ >= 0) ::dup2(::fileno(file_), STDERR_FILENO);
    }
    ~CapturedStderr() {
        restore();
        if (file_) std::fclose(file_);
    }
    CapturedStderr(const CapturedStderr&) = delete;
    CapturedStderr& operator=(const CapturedStderr&) = delete;

    // "File too large" from libxlsxwriter's "System error = File too large", or "".
    std::string system_error() {
        restore();
        if (!file_) return {};
        std::string text(4096, '\0');
        std::rewind(file_);
        text.resize(std::fread(text.data(), 1, text.size(), file_));
        const auto p = text.find("System error = ");
        if (p == std::string::npos) return {};
        const auto from = p + 15;
        return text.substr(from, text.find_first_of("\r\n", from) - from);
    }

private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        ::dup2(saved_, STDERR_FILENO);
        ::close(saved_);
        saved_ = -1;
    }

    std::FILE* file_ = nullptr;
    int saved_ = -1;
};

// The inventory years' emissions by sector (the scenario's actual years, which are the
// inventories), with the total in the target's scope.
void write_inventory_sheet(lxw_workbook* wb, const ReportData& d, Lang l, const std::string& name, lxw_format* head,
                           lxw_format* whole, lxw_format* year) {
    const auto& c = d.chart;
    std::vector<std::size_t> cols;  // indexes into c.years of the inventory years
    for (std::size_t i = 0; i < c.years.size(); ++i)
        if (d.scenario.kind_of(c.years[i]) == YearKind::actual) cols.push_back(i);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    worksheet_write_string(ws, 0, 0, (d.title + " — " + tr("inventory_sheet", l)).c_str(), head);
    worksheet_write_string(ws, 2, 0, tr("sector", l).c_str(), head);
    for (std::size_t k = 0; k < cols.size(); ++k)
        worksheet_write_number(ws, 2, static_cast<lxw_col_t>(k + 1), c.years[cols[k]], year);
    lxw_row_t r = 3;
    for (const auto& sector : c.sectors) {
        worksheet_write_string(ws, r, 0, series_name(sector, l).c_str(), nullptr);
        for (std::size_t k = 0; k < cols.size(); ++k)
            worksheet_write_number(ws, r, static_cast<lxw_col_t>(k + 1), units::in_tonnes(sector.values[cols[k]]),
                                   whole);
        ++r;
    }
    worksheet_write_string(ws, r, 0, (tr("total", l) + " (" + scope_text(d.targets.scope, l) + ")").c_str(), head);
    for (std::size_t k = 0; k < cols.size(); ++k)
        for (const auto& [y, total] : c.inventories)
            if (y == c.years[cols[k]])
                worksheet_write_number(ws, r, static_cast<lxw_col_t>(k + 1), units::in_tonnes(total), whole);
    worksheet_set_column(ws, 0, 0, 42, nullptr);
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(cols.size() + 1), 12, nullptr);
}

// The charts' series, one row a year: BAU, scenario, target path, then each sector of the scenario.
void write_chart_data(lxw_workbook* wb, const ReportData& d, Lang l, const std::string& name, lxw_format* head,
                      lxw_format* whole, lxw_format* year) {
    const auto& c = d.chart;
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    std::vector<const ChartSeries*> series{&c.bau, &c.scenario, &c.target};
    for (const auto& s : c.sectors) series.push_back(&s);
    worksheet_write_string(ws, 0, 0, (tr("year", l) + " (" + tr("unit_t", l) + ")").c_str(), head);
    for (std::size_t k = 0; k < series.size(); ++k)
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(k + 1), series_name(*series[k], l).c_str(), head);
    for (std::size_t i = 0; i < c.years.size(); ++i) {
        const auto r = static_cast<lxw_row_t>(i + 1);
        worksheet_write_number(ws, r, 0, c.years[i], year);
        for (std::size_t k = 0; k < series.size(); ++k)
            worksheet_write_number(ws, r, static_cast<lxw_col_t>(k + 1), units::in_tonnes(series[k]->values[i]), whole);
    }
    worksheet_set_column(ws, 0, static_cast<lxw_col_t>(series.size()), 16, nullptr);
}

// Two native Excel charts under the summary: the trajectory (BAU, scenario, target path) as lines
// and the scenario's sectors as stacked columns, both read from the chart data sheet.
void insert_charts(lxw_workbook* wb, lxw_worksheet* ws, lxw_row_t row, const ReportData& d, Lang l,
                   const std::string& data) {
    const auto& c = d.chart;
    if (c.years.empty()) return;
    const auto last = static_cast<lxw_row_t>(c.years.size());
    const auto add = [&](lxw_chart* chart, lxw_col_t col) {
        lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(s, data.c_str(), 1, 0, last, 0);
        chart_series_set_values(s, data.c_str(), 1, col, last, col);
        chart_series_set_name_range(s, data.c_str(), 0, col);
    };
    lxw_chart* lines = workbook_add_chart(wb, LXW_CHART_LINE);
    for (lxw_col_t col = 1; col <= 3; ++col) add(lines, col);
    chart_title_set_name(lines, tr("chart_trajectory", l).c_str());
    chart_axis_set_name(lines->y_axis, tr("unit_t", l).c_str());
    chart_axis_set_num_format(lines->y_axis, "#,##0");
    lxw_chart_options at{};
    at.x_scale = 1.6, at.y_scale = 1.3;
    worksheet_insert_chart_opt(ws, row + 1, 0, lines, &at);
    if (c.sectors.empty()) return;
    lxw_chart* bars = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
    for (std::size_t k = 0; k < c.sectors.size(); ++k) add(bars, static_cast<lxw_col_t>(k + 4));
    chart_title_set_name(bars, tr("chart_sectors", l).c_str());
    chart_axis_set_name(bars->y_axis, tr("unit_t", l).c_str());
    chart_axis_set_num_format(bars->y_axis, "#,##0");
    worksheet_insert_chart_opt(ws, row + 22, 0, bars, &at);
}

void write_workbook(const ReportData& d, Lang l, const std::string& path, const std::string& shown_path) {
    CapturedStderr captured;
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb)
        throw Error({shown_path, 0, ""}, "cannot start an xlsx workbook", "check the path and free memory",
                    ErrorKind::io);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bg_color(head, 0xF3F3F3);
    lxw_format* whole = workbook_add_format(wb);  // tonnes and kroner: whole numbers, as the text shows them
    format_set_num_format(whole, "#,##0");
    lxw_format* number = workbook_add_format(wb);  // percentages and levels: one decimal
    format_set_num_format(number, "#,##0.0");
    lxw_format* year = workbook_add_format(wb);
    format_set_num_format(year, "0");
    // The text's decimal sign: a cell whose text has none is a whole number.
    const char point = l == Lang::da ? ',' : '.';

    std::vector<std::string> taken;
    const std::string data_sheet = sheet_name(tr("chart_data", l), taken);
    lxw_worksheet* summary = nullptr;
    lxw_row_t summary_end = 0;
    for (const auto& s : report_sections(d, l)) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(s.heading, taken).c_str());
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
                                             in_horizon(static_cast<int>(*row[c].number)) &&
                                             row[c].text.find_first_of(",.") == std::string::npos;
                        const bool is_whole = row[c].text.find(point) == std::string::npos;
                        worksheet_write_number(ws, r, col, *row[c].number, is_year ? year : is_whole ? whole : number);
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
        if (s.id == "summary") summary = ws, summary_end = r + 1;
    }
    write_inventory_sheet(wb, d, l, sheet_name(tr("inventory_sheet", l), taken), head, whole, year);
    write_chart_data(wb, d, l, data_sheet, head, whole, year);
    if (summary) insert_charts(wb, summary, summary_end, d, l, data_sheet);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) {
        // appended, not concatenated: GCC 12 raises a false -Wrestrict on "(" + s + ")"
        std::string problem = "cannot write the xlsx workbook: ";
        problem.append(lxw_strerror(err));
        if (const auto system = captured.system_error(); !system.empty())
            problem.append(" (").append(system).append(")");
        throw Error({shown_path, 0, ""}, problem,
                    "check that the directory exists, is writable and has free space; any old file is unchanged",
                    ErrorKind::io);
    }
}

}  // namespace

void write_report_xlsx(const ReportData& d, Lang l, const std::string& path) {
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw Error({path, 0, ""}, "cannot write the xlsx workbook: no directory " + dir.string(),
                    "create the directory or write the workbook to another path that is writable", ErrorKind::io)
            .about(Subject::output_path);
    // Built beside `path` and renamed over it when complete: a failed write leaves the old workbook whole.
    io::replace_file_atomically(path, [&](const std::string& tmp) { write_workbook(d, l, tmp, path); });
}

}  // namespace klima::report

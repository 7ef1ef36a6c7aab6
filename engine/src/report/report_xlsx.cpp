// The progress report as an Excel workbook (libxlsxwriter): one sheet per
// section, figures as numbers (t CO2e with one decimal shown, % as numbers).
#include "labels.hpp"
#include "report_sections.hpp"

#include "klima/horizon.hpp"
#include "report_text.hpp"

#include "klima/error.hpp"
#include "klima/io/output_file.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
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
                                             in_horizon(static_cast<int>(*row[c].number)) &&
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

// render_national, render_municipality and the XLSX workbook (klima/national/national_report.hpp).
#include "national_common.hpp"

#include "klima/error.hpp"
#include "klima/io/output_file.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace klima::national {

std::string render_national(const NationalStatus& s, NationalFormat format, report::Lang lang, const NationalMap* map,
                            const HtmlOptions& html) {
    switch (format) {
        case NationalFormat::json: return national_json(s);
        case NationalFormat::html: return detail::html_national(s, lang, map, html);
        case NationalFormat::xlsx: throw Error({}, "xlsx is a file: use write_national_xlsx", "", ErrorKind::internal);
        default: {
            std::ostringstream out;
            detail::write_text_national(out, s, format, lang);
            return out.str();
        }
    }
}

std::string render_municipality(const NationalStatus& s, std::size_t m, NationalFormat format, report::Lang lang,
                                const NationalMap*) {
    switch (format) {
        case NationalFormat::json: return municipality_json(s, m);
        case NationalFormat::html: return detail::html_municipality(s, m, lang);
        case NationalFormat::xlsx: throw Error({}, "xlsx is a file: use write_national_xlsx", "", ErrorKind::internal);
        default: {
            std::ostringstream out;
            detail::write_text_municipality(out, s, m, format, lang);
            return out.str();
        }
    }
}

namespace {

std::string fmt_plain(units::Mass m) { return std::to_string(static_cast<long long>(std::llround(m.value() / 1000))); }

void write_rows(lxw_worksheet* ws, const detail::Rows& rows, lxw_format* head) {
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const auto& cell = rows[r][c];
            const auto row = static_cast<lxw_row_t>(r);
            const auto col = static_cast<lxw_col_t>(c);
            char* end = nullptr;
            const double v = std::strtod(cell.c_str(), &end);
            const bool number = r > 0 && c > 0 && !cell.empty() && end && *end == '\0';
            if (number) worksheet_write_number(ws, row, col, v, nullptr);
            else worksheet_write_string(ws, row, col, cell.c_str(), r == 0 ? head : nullptr);
        }
}

void write_workbook(const NationalStatus& s, report::Lang l, const std::string& tmp, const std::string& shown) {
    lxw_workbook* wb = workbook_new(tmp.c_str());
    if (!wb) throw Error({shown, 0, ""}, "cannot start an xlsx workbook", "check the path", ErrorKind::io);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    lxw_worksheet* ws = workbook_add_worksheet(wb, detail::tr(l, "kommuner", "municipalities"));
    write_rows(ws, detail::municipality_rows(s, l, NationalFormat::csv), head);
    lxw_worksheet* nat = workbook_add_worksheet(wb, detail::tr(l, "landet", "national"));
    detail::Rows rows{{detail::tr(l, "år", "year"), detail::tr(l, "samlet t", "total t")}};
    for (const auto k : kSectors) rows[0].emplace_back(code(k));
    for (std::size_t y = 0; y < s.data.years.size(); ++y) {
        rows.push_back({std::to_string(s.data.years[y]), fmt_plain(s.national.total[y])});
        for (const auto& v : s.national.sectors[y]) rows.back().push_back(fmt_plain(v));
    }
    write_rows(nat, rows, head);
    lxw_worksheet* me = workbook_add_worksheet(wb, detail::tr(l, "metode", "methods"));
    lxw_row_t r = 0;
    worksheet_write_string(me, r++, 0, s.data.attribution.c_str(), head);
    worksheet_write_string(me, r++, 0, ("vintage " + s.data.vintage).c_str(), nullptr);
    for (const auto f : kForecasts)
        worksheet_write_string(me, r++, 0, forecast_definition(f, s.params, l).c_str(), nullptr);
    worksheet_write_string(
        me, r++, 0, (l == report::Lang::da ? s.params.budget_source_da : s.params.budget_source).c_str(), nullptr);
    worksheet_write_string(
        me, r++, 0, (l == report::Lang::da ? s.national.inventory_source_da : s.national.inventory_source).c_str(),
        nullptr);
    worksheet_write_string(
        me, r++, 0, (l == report::Lang::da ? s.national.boundary_note_da : s.national.boundary_note).c_str(), nullptr);
    if (workbook_close(wb) != LXW_NO_ERROR)
        throw Error({shown, 0, ""}, "cannot write the xlsx workbook",
                    "check that the directory is writable and has space", ErrorKind::io);
}

}  // namespace

void write_national_xlsx(const NationalStatus& s, report::Lang lang, const std::string& path) {
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw Error({path, 0, ""}, "cannot write the xlsx workbook: no directory " + dir.string(),
                    "create the directory or give another path", ErrorKind::io)
            .about(Subject::output_path);
    io::replace_file_atomically(path, [&](const std::string& tmp) { write_workbook(s, lang, tmp, path); });
}

}  // namespace klima::national

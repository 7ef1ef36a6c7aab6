// render_national, render_municipality and the XLSX workbook (klima/national/national_report.hpp).
#include "national_common.hpp"
#include "render_by_format.hpp"

#include "klima/error.hpp"
#include "klima/io/output_file.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace klima::national {

std::string render_national(const NationalStatus& s, Format format, report::Lang lang, const NationalMap* map,
                            const HtmlOptions& html) {
    const auto text = [&] {  // table, md and csv: one writer, laid out by `format`
        std::ostringstream out;
        detail::write_text_national(out, s, format, lang);
        return out.str();
    };
    return report::render_by_format<kNationalFormats>(
        format, "the national status", report::on<Format::table>(text), report::on<Format::md>(text),
        report::on<Format::csv>(text), report::on<Format::json>([&] { return national_json(s); }),
        report::on<Format::html>([&] { return detail::html_national(s, lang, map, html); }),
        report::on<Format::xlsx>(report::written_by("write_national_xlsx")));
}

std::string render_municipality(const NationalStatus& s, std::size_t m, Format format, report::Lang lang,
                                const NationalMap*) {
    const auto text = [&] {
        std::ostringstream out;
        detail::write_text_municipality(out, s, m, format, lang);
        return out.str();
    };
    return report::render_by_format<kMunicipalityFormats>(
        format, "a municipality's page", report::on<Format::table>(text), report::on<Format::md>(text),
        report::on<Format::csv>(text), report::on<Format::json>([&] { return municipality_json(s, m); }),
        report::on<Format::html>([&] { return detail::html_municipality(s, m, lang); }));
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
    write_rows(ws, detail::municipality_rows(s, l, Format::csv), head);
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

// The yearly status as an Excel workbook (libxlsxwriter, as the progress report's
// report_xlsx.cpp): a sheet each for the themes, the actions, the indicators and the
// emissions against the target path. Figures are numbers, never text; no figure is an
// empty cell, never 0.
#include "report_text.hpp"
#include "status_text.hpp"

#include "klima/error.hpp"
#include "klima/horizon.hpp"
#include "klima/io/output_file.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace klima::report {

using namespace status_labels;

namespace {

// One cell: a number, a text, or nothing.
struct Cell {
    std::optional<double> number;
    std::string text;
    bool whole = false;  // a year or a count: no decimals shown
};

Cell num(double v) { return {v, {}, false}; }
Cell num(const std::optional<double>& v) { return v ? num(*v) : Cell{}; }
Cell whole(double v) { return {v, {}, true}; }
Cell tonnes(units::Mass m) { return num(units::in_tonnes(m)); }
Cell tonnes(const std::optional<units::Mass>& m) { return m ? tonnes(*m) : Cell{}; }
Cell text(std::string s) { return {std::nullopt, std::move(s), false}; }

struct Formats {
    lxw_format *title, *head, *number, *whole;
};

void write_sheet(lxw_workbook* wb, const Formats& f, const std::string& name, const std::string& title,
                 const std::vector<std::string>& head, const std::vector<std::vector<Cell>>& rows,
                 const std::string& note) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    worksheet_write_string(ws, 0, 0, title.c_str(), f.title);
    for (std::size_t c = 0; c < head.size(); ++c)
        worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), head[c].c_str(), f.head);
    lxw_row_t r = 3;
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            if (row[c].number) worksheet_write_number(ws, r, col, *row[c].number, row[c].whole ? f.whole : f.number);
            else if (!row[c].text.empty()) worksheet_write_string(ws, r, col, row[c].text.c_str(), nullptr);
        }
        ++r;
    }
    if (!note.empty()) worksheet_write_string(ws, r + 1, 0, note.c_str(), nullptr);
    worksheet_set_column(ws, 0, 0, 36, nullptr);
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(head.size()), 16, nullptr);
}

void theme_sheet(lxw_workbook* wb, const Formats& f, const StatusView& v, Lang lang) {
    const auto& s = v.status;
    const std::string Y = std::to_string(s.year);
    std::vector<std::string> head{pick(lang, "Tema", "Theme"), pick(lang, "Handlinger", "Actions")};
    for (auto st : status::kActionStates) head.push_back(state_name(st, lang));
    head.push_back(pick(lang, "ikke afrapporteret", "not reported"));
    head.push_back(pick(lang, "Planlagt ", "Planned ") + Y + " (t)");
    head.push_back(pick(lang, "Realiseret ", "Realised ") + Y + " (t)");
    head.push_back(pick(lang, "Handlinger med realiseret", "Actions realised"));
    std::vector<std::vector<Cell>> rows;
    const auto add = [&](const std::string& name, std::size_t n, const auto& counts, std::size_t unreported,
                         units::Mass planned, std::optional<units::Mass> realised, std::size_t realised_n) {
        std::vector<Cell> row{text(name), whole(static_cast<double>(n))};
        for (auto x : counts) row.push_back(whole(static_cast<double>(x)));
        row.push_back(whole(static_cast<double>(unreported)));
        row.push_back(tonnes(planned));
        row.push_back(tonnes(realised));
        row.push_back(whole(static_cast<double>(realised_n)));
        rows.push_back(std::move(row));
    };
    units::Mass planned_all, realised_all;
    std::size_t realised_n = 0;
    for (const auto& t : s.themes) {
        add(theme_name(t.theme, lang), t.actions, t.counts, t.unreported, t.planned_effect,
            t.realised_actions ? std::optional(t.realised_effect) : std::nullopt, t.realised_actions);
        planned_all += t.planned_effect;
        realised_all += t.realised_effect;
        realised_n += t.realised_actions;
    }
    add(pick(lang, "I alt", "Total"), s.actions.size(), s.counts, s.unreported, planned_all,
        realised_n ? std::optional(realised_all) : std::nullopt, realised_n);
    write_sheet(wb, f, pick(lang, "Temaer", "Themes"),
                pick(lang, "Klimastatus ", "Climate status ") + Y + " — " + v.report.title, head, rows,
                pick(lang, "Realiseret er summen over de handlinger, hvis optag er afrapporteret.",
                     "Realised sums the actions whose uptake is reported."));
}

void action_sheet(lxw_workbook* wb, const Formats& f, const StatusView& v, Lang lang) {
    const auto& s = v.status;
    const std::string Y = std::to_string(s.year);
    const std::vector<std::string> head{pick(lang, "Id", "Id"),
                                        pick(lang, "Handling", "Action"),
                                        pick(lang, "Tema", "Theme"),
                                        pick(lang, "Sektor", "Sector"),
                                        "Status",
                                        pick(lang, "Enhed", "Unit"),
                                        pick(lang, "Fuldt optag", "Full uptake"),
                                        pick(lang, "Optag planlagt ", "Uptake planned ") + Y,
                                        pick(lang, "Optag realiseret", "Uptake realised"),
                                        pick(lang, "Foran/bagud", "Ahead/behind"),
                                        pick(lang, "Planlagt ", "Planned ") + Y + " (t)",
                                        pick(lang, "Realiseret ", "Realised ") + Y + " (t)",
                                        pick(lang, "Planlagt ", "Planned ") + std::to_string(kMilestoneYear) + " (t)",
                                        pick(lang, "Brugt (kr.)", "Spent (DKK)"),
                                        pick(lang, "Kilde", "Source"),
                                        pick(lang, "Note", "Note")};
    std::vector<std::vector<Cell>> rows;
    for (const auto& a : s.actions) {
        std::optional<double> spent;
        if (a.status && a.status->spent) spent = units::in_dkk(*a.status->spent);
        rows.push_back(
            {text(a.id), text(a.name), text(theme_name(a.theme, lang)), text(a.sector),
             text(a.status ? state_name(a.status->state, lang) : pick(lang, "ikke afrapporteret", "not reported")),
             text(a.uptake_unit), num(a.full_uptake), num(a.planned_uptake), num(a.realised_uptake), num(a.ahead),
             tonnes(a.planned_effect), tonnes(a.realised_effect), tonnes(a.planned_milestone), num(spent),
             text(a.status ? a.status->source : ""), text(action_note(a, lang))});
    }
    write_sheet(wb, f, pick(lang, "Handlinger", "Actions"),
                pick(lang, "Planlagt og realiseret effekt ", "Planned and realised effect ") + Y, head, rows,
                pick(lang,
                     "Realiseret effekt er beregnet af modellen: handlingen kørt med det realiserede optag i den "
                     "samme beregning som planen. En tom celle betyder intet tal.",
                     "The realised effect is computed by the engine: the measure run at its realised uptake through "
                     "the same run as the plan. An empty cell means no figure."));
}

void indicator_sheet(lxw_workbook* wb, const Formats& f, const StatusView& v, Lang lang) {
    const auto& s = v.status;
    const std::string Y = std::to_string(s.year);
    const std::vector<std::string> head{pick(lang, "Kode", "Code"),
                                        pick(lang, "Indikator", "Indicator"),
                                        pick(lang, "Enhed", "Unit"),
                                        std::to_string(s.year - 1),
                                        Y,
                                        pick(lang, "Mål ", "Target ") + Y,
                                        pick(lang, "Handling", "Action"),
                                        pick(lang, "Kilde", "Source")};
    std::vector<std::vector<Cell>> rows;
    for (const auto& i : s.indicators)
        rows.push_back({text(i.indicator.code), text(lang == Lang::da ? i.indicator.name_da : i.indicator.name_en),
                        text(i.indicator.unit), num(i.previous), num(i.value), num(i.target), text(i.measure),
                        text(i.source)});
    write_sheet(wb, f, pick(lang, "Indikatorer", "Indicators"), pick(lang, "Indikatorer ", "Indicators ") + Y, head,
                rows,
                s.indicators.empty() ? pick(lang, "Ingen indikatorværdier givet.", "No indicator values given.")
                                     : pick(lang, "En tom celle betyder, at værdien mangler (aldrig 0).",
                                            "An empty cell means the value is missing (never 0)."));
}

void emission_sheet(lxw_workbook* wb, const Formats& f, const StatusView& v, Lang lang) {
    const auto& r = v.report;
    const std::vector<std::string> head{pick(lang, "År", "Year"),
                                        pick(lang, "Art", "Kind"),
                                        "BAU (t)",
                                        pick(lang, "Scenarie (t)", "Scenario (t)"),
                                        pick(lang, "Målsti (t)", "Target path (t)"),
                                        pick(lang, "Afvigelse (t)", "Gap (t)")};
    std::vector<std::vector<Cell>> rows;
    for (int y : emission_years(r, v.status.year)) {
        const auto& g = r.gap.at(y);
        rows.push_back({whole(y), text(year_kind_text(r.scenario.kind_of(y), lang)), tonnes(g.bau), tonnes(g.scenario),
                        tonnes(g.target), tonnes(g.gap)});
    }
    write_sheet(wb, f, pick(lang, "Udledning", "Emissions"),
                pick(lang, "Udledning mod målstien", "Emissions against the target path"), head, rows,
                pick(lang, "Tallene er DK2020-rapportens (klima report), i målets opgørelse.",
                     "The figures are those of the DK2020 report (klima report), in the target's scope."));
}

void write_workbook(const StatusView& v, Lang lang, const std::string& tmp, const std::string& shown_path) {
    lxw_workbook* wb = workbook_new(tmp.c_str());
    if (!wb)
        throw Error({shown_path, 0, ""}, "cannot start an xlsx workbook", "check the path and free memory",
                    ErrorKind::io);
    Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
    format_set_bold(f.title);
    format_set_bold(f.head);
    format_set_bg_color(f.head, 0xF3F3F3);
    format_set_num_format(f.number, "0.0");
    format_set_num_format(f.whole, "0");
    theme_sheet(wb, f, v, lang);
    action_sheet(wb, f, v, lang);
    indicator_sheet(wb, f, v, lang);
    emission_sheet(wb, f, v, lang);
    if (const lxw_error err = workbook_close(wb); err != LXW_NO_ERROR) {
        std::string problem = "cannot write the xlsx workbook: ";
        problem.append(lxw_strerror(err));
        throw Error({shown_path, 0, ""}, problem,
                    "check that the directory exists, is writable and has free space; any old file is unchanged",
                    ErrorKind::io);
    }
}

}  // namespace

void write_status_xlsx(const StatusView& view, Lang lang, const std::string& path) {
    const auto dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir))
        throw Error({path, 0, ""}, "cannot write the xlsx workbook: no directory " + dir.string(),
                    "create the directory or write the workbook to another path that is writable", ErrorKind::io)
            .about(Subject::output_path);
    io::replace_file_atomically(path, [&](const std::string& tmp) { write_workbook(view, lang, tmp, path); });
}

}  // namespace klima::report

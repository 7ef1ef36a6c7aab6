#include "render_by_format.hpp"
#include "status_text.hpp"
#include "text.hpp"

#include "klima/error.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace klima::report {

std::string render_status_markdown(const StatusView& v, Lang lang);
std::string render_status_html(const StatusView& v, Lang lang);

namespace {

using nlohmann::ordered_json;
using namespace status_labels;

ordered_json opt(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }
ordered_json opt_t(const std::optional<units::Mass>& m) {
    return m ? ordered_json(units::in_tonnes(*m)) : ordered_json(nullptr);
}
ordered_json counts_json(const std::array<std::size_t, status::kActionStates.size()>& counts) {
    ordered_json o = ordered_json::object();
    for (auto st : status::kActionStates) o[std::string(status::name_en(st))] = counts[static_cast<std::size_t>(st)];
    return o;
}

std::string render_json(const StatusView& v) {
    const auto& s = v.status;
    ordered_json j;
    j["title"] = v.report.title;
    j["year"] = s.year;
    j["municipality"] = v.report.scenario.municipality;
    j["municipality_code"] = v.municipality_code;
    j["counts"] = counts_json(s.counts);
    j["not_reported"] = s.unreported;
    j["themes"] = ordered_json::array();
    for (const auto& t : s.themes)
        j["themes"].push_back({{"theme", t.theme},
                               {"actions", t.actions},
                               {"counts", counts_json(t.counts)},
                               {"not_reported", t.unreported},
                               {"planned_t", units::in_tonnes(t.planned_effect)},
                               {"realised_t", t.realised_actions ? opt_t(t.realised_effect) : nullptr},
                               {"realised_actions", t.realised_actions}});
    j["actions"] = ordered_json::array();
    for (const auto& a : s.actions) {
        ordered_json x{{"id", a.id},
                       {"name", a.name},
                       {"theme", a.theme},
                       {"start_year", a.start_year},
                       {"full_effect_year", a.full_effect_year},
                       {"status", a.status ? ordered_json(std::string(status::name_en(a.status->state))) : nullptr},
                       {"uptake_unit", a.uptake_unit},
                       {"full_uptake", a.full_uptake},
                       {"planned_uptake", a.planned_uptake},
                       {"realised_uptake", opt(a.realised_uptake)},
                       {"uptake_from", a.uptake_from.empty() ? ordered_json(nullptr) : ordered_json(a.uptake_from)},
                       {"ahead", opt(a.ahead)},
                       {"ahead_pct", opt(a.ahead_pct)},
                       {"above_plan", a.above_plan},
                       {"planned_t", units::in_tonnes(a.planned_effect)},
                       {"realised_t", opt_t(a.realised_effect)},
                       {"planned_milestone_t", units::in_tonnes(a.planned_milestone)}};
        if (a.status) {
            x["spent_dkk"] = a.status->spent ? ordered_json(units::in_dkk(*a.status->spent)) : nullptr;
            x["note"] = a.status->note;
            x["source"] = a.status->source;
            x["date"] = a.status->date;
        }
        j["actions"].push_back(std::move(x));
    }
    j["indicators"] = ordered_json::array();
    for (const auto& i : s.indicators) {
        ordered_json values = ordered_json::array(), targets = ordered_json::array();
        for (const auto& [y, x] : i.values) values.push_back({{"year", y}, {"value", x}});
        for (const auto& [y, x] : i.targets) targets.push_back({{"year", y}, {"target", x}});
        j["indicators"].push_back({{"code", i.indicator.code},
                                   {"name_da", i.indicator.name_da},
                                   {"name_en", i.indicator.name_en},
                                   {"unit", i.indicator.unit},
                                   {"value", opt(i.value)},
                                   {"previous", opt(i.previous)},
                                   {"target", opt(i.target)},
                                   {"measure", i.measure.empty() ? ordered_json(nullptr) : ordered_json(i.measure)},
                                   {"source", i.source},
                                   {"values", values},
                                   {"targets", targets}});
    }
    j["emissions"] = ordered_json::array();
    for (int y : emission_years(v.report, s.year)) {
        const auto& g = v.report.gap.at(y);
        j["emissions"].push_back({{"year", y},
                                  {"kind", std::string(to_string(v.report.scenario.kind_of(y)))},
                                  {"bau_t", units::in_tonnes(g.bau)},
                                  {"scenario_t", units::in_tonnes(g.scenario)},
                                  {"target_t", units::in_tonnes(g.target)},
                                  {"gap_t", units::in_tonnes(g.gap)}});
    }
    if (s.has_previous) {
        j["changes"] = ordered_json::array();
        for (const auto& c : s.changes)
            j["changes"].push_back({{"action", c.action},
                                    {"from", c.from ? ordered_json(std::string(status::name_en(*c.from))) : nullptr},
                                    {"to", std::string(status::name_en(c.to))},
                                    {"uptake_from", opt(c.uptake_from)},
                                    {"uptake_to", opt(c.uptake_to)}});
    } else {
        j["changes"] = nullptr;
    }
    return j.dump(2) + "\n";
}

// table,key,column,value: one figure a line (as the DK2020 report's CSV).
std::string render_csv(const StatusView& v, Lang lang) {
    const auto& s = v.status;
    std::string out = "table,key,column,value\n";
    const auto line = [&](const std::string& table, const std::string& key, const std::string& column,
                          const std::string& value) {
        text::append_csv_field(out, table);
        out += ',';
        text::append_csv_field(out, key);
        out += ',';
        text::append_csv_field(out, column);
        out += ',';
        text::append_csv_field(out, value);
        out += '\n';
    };
    const auto num = [](const std::optional<double>& x) { return x ? plain(*x) : std::string(); };
    const auto t = [](const std::optional<units::Mass>& m) {
        return m ? text::fixed(units::in_tonnes(*m), 1) : std::string();
    };
    for (const auto& th : s.themes) {
        const auto key = theme_name(th.theme, lang);
        line("themes", key, "actions", std::to_string(th.actions));
        for (auto st : status::kActionStates)
            line("themes", key, state_name(st, lang), std::to_string(th.counts[static_cast<std::size_t>(st)]));
        line("themes", key, pick(lang, "ikke afrapporteret", "not reported"), std::to_string(th.unreported));
        line("themes", key, "planned_t", t(th.planned_effect));
        line("themes", key, "realised_t", th.realised_actions ? t(th.realised_effect) : "");
    }
    for (const auto& a : s.actions) {
        line("actions", a.id, "status", a.status ? state_name(a.status->state, lang) : "");
        line("actions", a.id, "uptake_unit", a.uptake_unit);
        line("actions", a.id, "planned_uptake", plain(a.planned_uptake));
        line("actions", a.id, "realised_uptake", num(a.realised_uptake));
        line("actions", a.id, "ahead", num(a.ahead));
        line("actions", a.id, "ahead_pct", num(a.ahead_pct));
        line("actions", a.id, "planned_t", t(a.planned_effect));
        line("actions", a.id, "realised_t", t(a.realised_effect));
        line("actions", a.id, "planned_milestone_t", t(a.planned_milestone));
        line("actions", a.id, "note", action_note(a, lang));
    }
    for (const auto& i : s.indicators) {
        for (const auto& [y, x] : i.values) line("indicators", i.indicator.code, std::to_string(y), plain(x));
        for (const auto& [y, x] : i.targets) line("indicator_targets", i.indicator.code, std::to_string(y), plain(x));
    }
    for (int y : emission_years(v.report, s.year)) {
        const auto& g = v.report.gap.at(y);
        const auto key = std::to_string(y);
        line("emissions", key, "kind", std::string(to_string(v.report.scenario.kind_of(y))));
        line("emissions", key, "bau_t", t(g.bau));
        line("emissions", key, "scenario_t", t(g.scenario));
        line("emissions", key, "target_t", t(g.target));
        line("emissions", key, "gap_t", t(g.gap));
    }
    for (const auto& c : s.changes) {
        line("changes", c.action, "from", c.from ? state_name(*c.from, lang) : "");
        line("changes", c.action, "to", state_name(c.to, lang));
    }
    return out;
}

// The export for the national monitoring: one row per action, then one per
// indicator value; the columns of both kinds in one header, empty where a
// kind has none.
std::string render_national(const StatusView& v) {
    const auto& s = v.status;
    std::string out =
        "record,municipality_code,municipality,year,action_id,theme,sector,status_da,status_en,start_year,"
        "full_effect_year,planned_effect_2030_t,planned_effect_year_t,uptake_unit,planned_uptake,realised_uptake,"
        "realised_effect_t,spent_dkk,indicator,value,target,unit,source\n";
    const auto field = [&](const std::string& x, bool last = false) {
        text::append_csv_field(out, x);
        out += last ? '\n' : ',';
    };
    const auto num = [](const std::optional<double>& x) { return x ? plain(*x) : std::string(); };
    const auto t = [](const std::optional<units::Mass>& m) {
        return m ? text::fixed(units::in_tonnes(*m), 1) : std::string();
    };
    for (std::size_t j = 0; j < s.actions.size(); ++j) {
        const auto& a = s.actions[j];
        field("action");
        field(v.municipality_code);
        field(v.report.scenario.municipality);
        field(std::to_string(s.year));
        field(a.id);
        field(a.theme);
        field(a.sector);
        field(a.status ? std::string(status::name_da(a.status->state)) : "");
        field(a.status ? std::string(status::name_en(a.status->state)) : "");
        field(std::to_string(a.start_year));
        field(std::to_string(a.full_effect_year));
        field(t(a.planned_milestone));
        field(t(a.planned_effect));
        field(a.uptake_unit);
        field(plain(a.planned_uptake));
        field(num(a.realised_uptake));
        field(t(a.realised_effect));
        field(a.status && a.status->spent ? plain(units::in_dkk(*a.status->spent)) : "");
        field("");
        field("");
        field("");
        field("");
        field(a.status ? a.status->source : "", true);
    }
    for (const auto& i : s.indicators) {
        // Every year with a value or a target.
        std::map<int, std::pair<std::optional<double>, std::optional<double>>> years;
        for (const auto& [y, x] : i.values) years[y].first = x;
        for (const auto& [y, x] : i.targets) years[y].second = x;
        for (const auto& [y, vt] : years) {
            field("indicator");
            field(v.municipality_code);
            field(v.report.scenario.municipality);
            field(std::to_string(y));
            for (int k = 0; k < 14; ++k) field("");
            field(i.indicator.code);
            field(num(vt.first));
            field(num(vt.second));
            field(i.indicator.unit);
            const auto src = i.sources.find(y);
            field(src == i.sources.end() ? "" : src->second, true);
        }
    }
    return out;
}

}  // namespace

std::string render_status(const StatusView& view, Format format, Lang lang, StatusLayout layout) {
    if (layout == StatusLayout::national_export)
        return render_by_format<kStatusExportFormats>(format, "the status export for the national monitoring",
                                                      on<Format::csv>([&] { return render_national(view); }));
    return render_by_format<kStatusFormats>(
        format, "the status", on<Format::md>([&] { return render_status_markdown(view, lang); }),
        on<Format::csv>([&] { return render_csv(view, lang); }), on<Format::json>([&] { return render_json(view); }),
        on<Format::html>([&] { return render_status_html(view, lang); }),
        on<Format::xlsx>(written_by("write_status_xlsx")));
}

}  // namespace klima::report

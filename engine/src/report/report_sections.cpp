#include "report_sections.hpp"

#include "klima/join.hpp"
#include "labels.hpp"
#include "report_text.hpp"

#include <algorithm>
#include <cmath>

namespace klima::report {
namespace {

Cell text(std::string s) { return {std::move(s), std::nullopt}; }
Cell year(int y) { return {std::to_string(y), y}; }
Cell t(units::Mass m, Lang l) { return {tonnes_text(m, l), units::in_tonnes(m)}; }
Cell t(const std::optional<units::Mass>& m, Lang l) { return m ? t(*m, l) : text("–"); }
Cell pct(const std::optional<units::Ratio>& r, Lang l) {
    return r ? Cell{percent_text(r, l), units::in_count(*r) * 100.0} : text("–");
}
std::string with_unit(const std::string& label, Lang l) { return label + " (" + tr("unit_t", l) + ")"; }

// `s` with each "{name}" replaced by its value.
std::string filled(std::string s, std::initializer_list<std::pair<const char*, std::string>> values) {
    for (const auto& [name, value] : values) {
        const std::string key = std::string("{") + name + "}";
        for (auto at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
            s.replace(at, key.size(), value);
    }
    return s;
}

std::vector<Cell> progress_cells(const ProgressRow& r, Lang l) {
    return {text(row_name(r, l)),          t(r.reference, l),        t(r.base, l),          t(r.latest, l),
            pct(r.change_vs_reference, l), pct(r.change_vs_base, l), t(r.bau_milestone, l), t(r.target_milestone, l),
            t(r.planned_effect, l),        t(r.remaining_gap, l)};
}

Section targets_section(const ReportData& d, Lang l) {
    const auto& tg = d.targets;
    Section s{"targets", tr("targets", l), {}, {}, {}, {}};
    s.lines = {tr("plan", l) + ": " + tg.name, tr("scope", l) + ": " + scope_text(tg.scope, l),
               tr("scenario", l) + ": " + d.scenario.name,
               tr("years_line", l) + ": " + year_spans_text(d.scenario, l) + " (" + tr("projected_from", l) + " " +
                   std::to_string(d.scenario.launch_year) + ")",
               tr("history_line", l) + ": " + history_text(d.scenario.history, l)};
    if (d.scenario.bau_with_trends) {
        std::vector<std::string> named;
        for (const auto& t : d.scenario.trends) named.push_back(t.name);
        s.lines.push_back(tr("bau_line", l) + ": " + filled(tr("bau_with_trends", l), {{"trends", join(named, "; ")}}));
    } else {
        s.lines.push_back(tr("bau_line", l) + ": " + tr("bau_frozen", l));
    }
    for (const auto& c : d.scenario.carried)
        s.lines.push_back(row_label(d, c.row, l) + " (" + c.carrier + "): " +
                          filled(tr("carried_row", l), {{"launch", std::to_string(d.scenario.launch_year)},
                                                        {"from", std::to_string(c.from_year)}}));
    s.head = {tr("targets", l), tr("year", l), with_unit(tr("level", l), l), tr("source", l)};
    const auto& anchors = d.path.anchors();
    const auto stated = tg.stated_sources.find(tg.reference_year);
    s.rows.push_back({text(tr("reference_year", l)), year(tg.reference_year), t(anchors.front().second, l),
                      text(stated != tg.stated_sources.end() ? stated->second
                           : d.scenario.history.national()   ? history_text(d.scenario.history, l)
                                                             : tr("from_inventory", l))});
    for (std::size_t i = 0; i < tg.interim.size(); ++i) {
        const auto& it = tg.interim[i];
        s.rows.push_back({text(tr("interim_target", l) + " " + reduction_text(it.reduction, l) + " " +
                               tr("against", l) + " " + std::to_string(it.against_year)),
                          year(it.year), t(anchors[i + 1].second, l), text(it.source)});
    }
    s.rows.push_back(
        {text(tr("neutrality", l)), year(tg.neutrality_year), t(anchors.back().second, l), text(tg.neutrality_source)});
    return s;
}

Section budget_section(const ReportData& d, Lang l) {
    const auto& b = d.gap.budget;
    const auto& g = d.gap.at(d.progress.milestone_year);
    Section s{"budget", tr("path_budget", l), {}, {}, {}, tr("gap_explain", l)};
    const auto unit = " " + tr("unit_t", l);
    s.lines.push_back(tr("budget", l) + " (" + tr("budget_years", l) + " " + std::to_string(b.from) + "–" +
                      std::to_string(b.to) + "): " + tonnes_text(b.budget, l) + unit);
    s.lines.push_back(tr("scenario_cumulative", l) + " (" + std::to_string(b.from) + "–" +
                      std::to_string(d.gap.years.back().year) + "): " + tonnes_text(b.scenario_cumulative, l) + unit);
    if (b.exhausted_in) {
        s.lines.push_back(tr("exhausted_in", l) + ": " + std::to_string(*b.exhausted_in));
        s.lines.push_back(tr("years_lasting", l) + ": " + decimal_text(units::in_count(*b.years_lasting), 1, l));
    } else {
        s.lines.push_back(tr("exhausted_in", l) + ": " + tr("not_exhausted", l));
    }
    s.lines.push_back(tr("gap_milestone", l) + ": " + tr("scenario", l) + " " + tonnes_text(g.scenario, l) + " − " +
                      tr("target_path", l) + " " + tonnes_text(g.target, l) + " = " + tonnes_text(g.gap, l) + unit);
    return s;
}

Section sectors_section(const ReportData& d, Lang l) {
    const auto& p = d.progress;
    Section s{
        "sectors", with_unit(tr("sectors", l), l), {}, {}, {}, tr("sector_note", l) + " " + tr("missing_note", l)};
    s.head = {tr("sector", l),
              tr("reference", l) + " " + std::to_string(p.reference_year),
              tr("base", l) + " " + std::to_string(p.base_year),
              tr("latest", l) + " " + (p.latest_year ? std::to_string(*p.latest_year) : "–"),
              tr("change_vs_reference", l),
              tr("change_vs_base", l),
              tr("bau_milestone", l),
              tr("target_milestone", l),
              tr("planned_effect", l),
              tr("remaining_gap", l)};
    // The one total (scope_total.hpp): what it holds, and construction apart, never inside it.
    if (const auto& latest = d.latest_inventory)
        s.lines.push_back(filled(tr("total_line", l), {{"scope", scope_text(d.targets.scope, l)},
                                                       {"year", std::to_string(latest->year)},
                                                       {"t", tonnes_text(latest->construction, l)}}));
    for (const auto& r : p.sectors) s.rows.push_back(progress_cells(r, l));
    s.rows.push_back(progress_cells(p.total_incl_lulucf, l));
    s.rows.push_back(progress_cells(p.total_excl_lulucf, l));
    // A base year that is the reference year repeats its two columns: show them once.
    if (p.base_year == p.reference_year) {
        s.head[1] = tr("reference_base", l) + " " + std::to_string(p.reference_year);
        s.head.erase(s.head.begin() + 5), s.head.erase(s.head.begin() + 2);  // change vs base, base
        for (auto& row : s.rows) row.erase(row.begin() + 5), row.erase(row.begin() + 2);
    }
    return s;
}

// What an effect avoids outside the target's scope (construction; LULUCF when the scope leaves it out).
units::Mass apart(const ScopeTotal& e) { return outside_scope(e); }
// An effect in the scope; a measure acting only outside it is said to, never shown as 0.
Cell effect_cell(const ScopeTotal& e, Lang l) {
    if (e.total == units::kilograms(0.0) && apart(e) != units::kilograms(0.0)) return text(tr("outside_scope", l));
    return t(e.total, l);
}
Cell apart_cell(const ScopeTotal& e, Lang l) { return apart(e) == units::kilograms(0.0) ? text("–") : t(apart(e), l); }
// The effect of measure `id` in the milestone year, as the measure table shows it; nullptr when unknown.
const ScopeTotal* effect_of(const ReportData& d, const std::string& id) {
    for (const auto& m : d.progress.measures)
        if (m.id == id) return &m.effect_milestone;
    return nullptr;
}

Section measures_section(const ReportData& d, Lang l) {
    Section s{"measures", with_unit(tr("measures", l), l), {}, {}, {}, tr("effect_note", l)};
    if (d.scenario.launch_year != d.scenario.base_year)
        s.note.append(" ").append(filled(tr("planned_note", l), {{"base", std::to_string(d.scenario.base_year)},
                                                                 {"launch", std::to_string(d.scenario.launch_year)}}));
    const auto y = std::to_string(d.report_year), m2030 = std::to_string(d.progress.milestone_year);
    s.head = {tr("measure", l),
              tr("owner", l),
              tr("start", l),
              tr("full_effect", l),
              filled(tr("planned_adopted", l), {{"year", y}}),
              tr("realised", l) + " " + y,
              tr("status", l),
              filled(tr("effect_year", l), {{"year", m2030}}),
              filled(tr("outside_scope_year", l), {{"year", m2030}})};
    for (const auto& m : d.progress.measures)
        s.rows.push_back({text(measure_label(m.name, m.id, l)), text(m.owner.empty() ? "–" : m.owner),
                          m.start_year ? year(m.start_year) : text("–"),
                          m.full_effect_year ? year(m.full_effect_year) : text("–"), t(m.planned, l), t(m.realised, l),
                          text(status_text(m.status, l)), effect_cell(m.effect_milestone, l),
                          apart_cell(m.effect_milestone, l)});
    return s;
}

Section themes_section(const ReportData& d, Lang l) {
    Section s{"themes", with_unit(tr("themes", l), l), {}, {}, {}, tr("effect_note", l)};
    const auto m2030 = std::to_string(d.progress.milestone_year);
    s.head = {tr("theme", l), tr("measure_count", l), filled(tr("effect_year", l), {{"year", m2030}}),
              filled(tr("outside_scope_year", l), {{"year", m2030}})};
    for (const auto& th : d.progress.themes)
        s.rows.push_back({text(th.theme.empty() ? "–" : th.theme), text(std::to_string(th.measures)),
                          effect_cell(th.effect_milestone, l), apart_cell(th.effect_milestone, l)});
    return s;
}

Section sector_gap_section(const ReportData& d, Lang l) {
    Section s{"sector_gap", with_unit(tr("gap_by_sector", l), l), {}, {tr("sector", l)}, {}, tr("gap_explain", l)};
    const auto years = overview_years(d.gap);
    for (int y : years) s.head.push_back(std::to_string(y));
    for (const auto& g : d.gap.sectors) {
        std::vector<Cell> row{text(sector_name(d, g.sector, l))};
        for (int y : years) row.push_back(t(gap_in(g, y), l));
        s.rows.push_back(std::move(row));
    }
    return s;
}

Section gap_section(const ReportData& d, Lang l) {
    Section s{"gap", with_unit(tr("gap_by_year", l), l), {}, {}, {}, {}};
    s.head = {tr("year", l), tr("year_kind", l), tr("bau", l), tr("scenario", l), tr("target_path", l), tr("gap", l)};
    for (const auto& y : d.gap.years)
        s.rows.push_back({year(y.year), text(year_kind_text(d.scenario.kind_of(y.year), l)), t(y.bau, l),
                          t(y.scenario, l), t(y.target, l), t(y.gap, l)});
    // The launch year's scenario holds rows its inventory lacks, projected from earlier years: say
    // how the latest inventory's total (the progress table's) and this table's figure reconcile.
    const auto& inv = d.latest_inventory;
    const int launch = d.scenario.launch_year;
    if (inv && inv->year == launch && !d.scenario.carried.empty() && launch >= d.gap.years.front().year &&
        launch <= d.gap.years.back().year) {
        const auto shown = d.gap.at(launch).scenario;
        std::vector<std::string> rows;
        for (const auto& c : d.scenario.carried)
            rows.push_back(row_label(d, c.row, l) + " (" + c.carrier + ", " + std::to_string(c.from_year) + ")");
        s.note = filled(tr("gap_carried_note", l), {{"year", std::to_string(launch)},
                                                    {"inventory", tonnes_text(inv->total, l)},
                                                    {"carried", tonnes_text(shown - inv->total, l)},
                                                    {"rows", join(rows, "; ")},
                                                    {"scenario", tonnes_text(shown, l)}});
    }
    return s;
}

// A share as a whole percentage: "38 %".
std::string chance_text(units::Ratio p, Lang l) { return decimal_text(units::in_count(p) * 100.0, 0, l) + " %"; }
Cell chance(units::Ratio p, Lang l) { return {chance_text(p, l), units::in_count(p) * 100.0}; }
Cell dkk(units::Money m, Lang l) { return {decimal_text(units::in_dkk(m), 0, l), units::in_dkk(m)}; }
Cell dkk_per_t(const std::optional<units::MoneyPerMass>& c, Lang l) {
    if (!c) return text("–");
    return {decimal_text(units::in_dkk_per_tonne(*c), 0, l), units::in_dkk_per_tonne(*c)};
}
// Whether a measure was given a cost (cost_dkk 0 says none was).
bool has_cost(const analysis::MeasureCost& m) { return units::in_dkk(m.cost) != 0.0; }

std::string chance_line(const ReportData& d, const analysis::TargetChance& c, Lang l) {
    const auto p = chance_text(c.probability, l), y = std::to_string(c.year);
    for (const auto& it : d.targets.interim)
        if (it.year == c.year)
            return filled(tr("chance_interim", l),
                          {{"reduction", reduction_text(it.reduction, l)}, {"year", y}, {"p", p}});
    return filled(tr("chance_neutral", l), {{"year", y}, {"p", p}});
}

Section uncertainty_section(const ReportData& d, Lang l) {
    Section s{"uncertainty", tr("how_sure", l), {}, {}, {}, {}};
    const auto& mc = d.analysis.uncertainty;
    if (!mc) {
        s.lines.push_back(tr("no_distributions", l));
        return s;
    }
    for (const auto& c : mc->targets) s.lines.push_back(chance_line(d, c, l));
    s.lines.push_back(filled(tr("mc_draws", l), {{"draws", std::to_string(mc->draws)},
                                                 {"seed", std::to_string(mc->seed)},
                                                 {"inputs", std::to_string(mc->inputs)}}));
    if (!mc->influence.empty() && !mc->targets.empty()) {
        std::string line = filled(tr("mc_influence", l), {{"year", std::to_string(mc->targets.front().year)}}) + ": ";
        for (std::size_t i = 0; i < std::min<std::size_t>(3, mc->influence.size()); ++i) {
            const auto& in = mc->influence[i];
            if (i) line += "; ";
            line.append(input_label(d, in.input, l))
                .append(" (ρ = ")
                .append(decimal_text(in.rank_correlation, 2, l))
                .append(")");
        }
        s.lines.push_back(std::move(line));
    }
    const auto unit = " (" + tr("unit_t", l) + ")";
    s.head = {tr("year", l),
              tr("bau", l) + " P5" + unit,
              tr("bau", l) + " P50" + unit,
              tr("bau", l) + " P95" + unit,
              tr("scenario", l) + " P5" + unit,
              tr("scenario", l) + " P50" + unit,
              tr("scenario", l) + " P95" + unit,
              tr("target_path", l) + unit,
              tr("probability", l)};
    for (const auto& y : mc->years) {
        const analysis::TargetChance* c = nullptr;
        for (const auto& t : mc->targets)
            if (t.year == y.year) c = &t;
        if (!c && y.year != mc->years.back().year) continue;
        std::optional<units::Mass> target;
        if (c) target = c->target;
        for (const auto& g : d.gap.years)
            if (!target && g.year == y.year) target = g.target;
        s.rows.push_back({year(y.year), t(y.bau.p5, l), t(y.bau.p50, l), t(y.bau.p95, l), t(y.scenario.p5, l),
                          t(y.scenario.p50, l), t(y.scenario.p95, l), t(target, l),
                          c ? chance(c->probability, l) : text("–")});
    }
    s.note = tr("percentile_note", l);
    return s;
}

Section macc_section(const ReportData& d, const analysis::AbatementOutcome& a, Lang l) {
    const auto y = std::to_string(a.year);
    Section s{"macc", filled(tr("macc", l), {{"year", y}}), {}, {}, {}, tr("macc_note", l)};
    s.lines.push_back(
        filled(tr("macc_line", l), {{"rate", decimal_text(units::in_count(a.discount_rate) * 100.0, 1, l) + " %"},
                                    {"year", y},
                                    {"t", tonnes_text(a.required, l)}}));
    std::string without;
    for (const auto& m : a.measures)
        if (!has_cost(m)) without.append(without.empty() ? "" : ", ").append(measure_label(m.name, m.id, l));
    if (!without.empty()) s.lines.push_back(filled(tr("no_cost_line", l), {{"ids", without}}));
    s.head = {
        tr("measure", l),   tr("dkk_per_t_disc", l), tr("dkk_per_t", l),    filled(tr("in_year", l), {{"year", y}}),
        tr("cumulated", l), tr("cost_dkk", l),       tr("cost_disc_dkk", l)};
    auto cumulated = units::kilograms(0.0);
    for (const auto& m : a.measures) {
        cumulated += m.in_year;
        const bool costed = has_cost(m);
        // in_year is the measure's effect in the scope (the measure table's figure in the milestone year).
        const ScopeTotal* e = a.year == d.progress.milestone_year ? effect_of(d, m.id) : nullptr;
        s.rows.push_back({text(measure_label(m.name, m.id, l)),
                          costed ? dkk_per_t(m.per_tonne_discounted, l) : text(tr("no_cost", l)),
                          costed ? dkk_per_t(m.per_tonne, l) : text("–"), e ? effect_cell(*e, l) : t(m.in_year, l),
                          t(cumulated, l), costed ? dkk(m.cost, l) : text("–"),
                          costed ? dkk(m.cost_discounted, l) : text("–")});
    }
    return s;
}

Section portfolio_section(const ReportData& d, const analysis::AbatementOutcome& a, Lang l) {
    const auto y = std::to_string(a.year);
    const auto& p = a.portfolio;
    Section s{"portfolio", filled(tr("portfolio", l), {{"year", y}}), {}, {}, {}, {}};
    const auto cost = decimal_text(units::in_dkk(p.cost), 0, l);
    s.lines.push_back(filled(tr(p.feasible ? "portfolio_meets" : "portfolio_short", l), {{"year", y}, {"cost", cost}}));
    s.lines.push_back(filled(tr("portfolio_check", l), {{"effect", tonnes_text(p.effect, l)},
                                                        {"checked", tonnes_text(p.checked, l)},
                                                        {"target", tonnes_text(a.target, l)},
                                                        {"gap", tonnes_text(p.remaining_gap, l)}}));
    s.head = {tr("measure", l), tr("uptake_level", l), filled(tr("effect_at_level", l), {{"year", y}}),
              tr("cost_at_level", l)};
    std::string left_out;  // the measures at level 0, by name
    for (const auto& m : a.measures) {
        const double level = units::in_count(m.level);
        if (level <= 1e-9) {
            left_out.append(left_out.empty() ? "" : ", ").append(measure_label(m.name, m.id, l));
            continue;
        }
        const ScopeTotal* e = a.year == d.progress.milestone_year ? effect_of(d, m.id) : nullptr;
        const bool outside = e && effect_cell(*e, l).number == std::nullopt && level > 0.0;
        s.rows.push_back({text(measure_label(m.name, m.id, l)),
                          {decimal_text(level * 100.0, 1, l) + " %", level * 100.0},
                          outside ? text(tr("outside_scope", l)) : t(m.in_year * level, l),
                          dkk(m.cost_discounted * level, l)});
    }
    s.note = left_out.empty() ? tr("portfolio_none_left_out", l) : filled(tr("portfolio_note", l), {{"n", left_out}});
    return s;
}

// "A (13.447 t), B (4.412 t), C (…)": the first three of `items`, largest first.
std::string three_largest(std::vector<std::pair<std::string, units::Mass>> items, Lang l) {
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return units::in_tonnes(a.second) > units::in_tonnes(b.second);
    });
    std::string out;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, items.size()); ++i)
        out.append(i ? ", " : "").append(items[i].first).append(" (" + tonnes_text(items[i].second, l) + " t)");
    return out;
}

// What a council reads first: on track or not in the milestone year and by how much, the chance
// of reaching it (when the report has the Monte Carlo), the three largest measures by the effect
// the measure table shows, and the three largest sectors left in the scenario that year.
Section summary_section(const ReportData& d, Lang l) {
    const int year = d.progress.milestone_year;
    Section s{"summary", tr("summary", l), {}, {}, {}, {}};
    const auto y = std::to_string(year);
    if (d.gap.years.empty() || year < d.gap.years.front().year || year > d.gap.years.back().year) return s;
    const auto& g = d.gap.at(year);
    const double gap = units::in_tonnes(g.gap);
    s.lines.push_back(
        filled(tr(gap > 0 ? "summary_off_track" : "summary_on_track", l), {{"year", y},
                                                                           {"t", decimal_text(std::abs(gap), 0, l)},
                                                                           {"scenario", tonnes_text(g.scenario, l)},
                                                                           {"target", tonnes_text(g.target, l)}}));
    if (d.analysis.included && d.analysis.uncertainty)
        for (const auto& c : d.analysis.uncertainty->targets)
            if (c.year == year) s.lines.push_back(chance_line(d, c, l));
    std::vector<std::pair<std::string, units::Mass>> measures, sources;
    for (const auto& m : d.progress.measures)
        if (units::in_tonnes(m.effect_milestone.total) > 0)  // the order-free effect in the scope
            measures.emplace_back(measure_label(m.name, m.id, l), m.effect_milestone.total);
    const auto measures_text = three_largest(measures, l);
    s.lines.push_back(filled(tr("summary_measures", l), {{"year", y}}) + ": " +
                      (measures_text.empty() ? tr("summary_no_measures", l) : measures_text));
    const auto& c = d.chart;
    for (std::size_t i = 0; i < c.years.size(); ++i)
        if (c.years[i] == year)
            for (const auto& sector : c.sectors)  // a sink (LULUCF below zero) is no source
                if (units::in_tonnes(sector.values[i]) > 0)
                    sources.emplace_back(series_name(sector, l), sector.values[i]);
    if (!sources.empty())
        s.lines.push_back(filled(tr("summary_sources", l), {{"year", y}}) + ": " + three_largest(sources, l));
    return s;
}

Section check_section(const ReportData& d, Lang l) {
    Section s{"check", tr("check", l), {}, {}, {}, {}};
    if (d.findings.empty()) s.lines.push_back(tr("check_ok", l));
    for (auto f : d.findings) {
        // A finding names a measure by its id; Danish output names it by its name (the id is a code).
        if (l == Lang::da)
            for (const auto& m : d.scenario.measures)
                if (m.id == f.subject && !m.name.empty()) f.subject = "«" + m.name + "»";
        s.lines.push_back(describe(f, l));
    }
    return s;
}

}  // namespace

std::vector<Section> report_sections(const ReportData& d, Lang l) {
    std::vector<Section> out{summary_section(d, l), targets_section(d, l), budget_section(d, l), sectors_section(d, l),
                             measures_section(d, l)};
    if (!d.progress.themes.empty()) out.push_back(themes_section(d, l));
    out.push_back(sector_gap_section(d, l));
    out.push_back(gap_section(d, l));
    if (d.analysis.included) {
        out.push_back(uncertainty_section(d, l));
        if (const auto& a = d.analysis.abatement) {
            out.push_back(macc_section(d, *a, l));
            out.push_back(portfolio_section(d, *a, l));
        }
    }
    out.push_back(check_section(d, l));
    return out;
}

}  // namespace klima::report

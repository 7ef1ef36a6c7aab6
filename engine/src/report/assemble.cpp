// Builds ReportData from a scenario run, the targets and the inventories: the
// only place that decides which inventory is reference, base and latest.
#include "klima/report/progress_report.hpp"

#include "klima/analysis/target_path.hpp"

#include "klima/sector_totals.hpp"

#include "labels.hpp"

#include <algorithm>

namespace klima::report {
namespace {

ChartSeries total_series(std::string key, const std::string& da, const std::string& en, const std::vector<int>& years,
                         const Trajectory& t, TargetScope scope, const Taxonomy& taxonomy) {
    ChartSeries s{std::move(key), da, en, {}};
    for (int y : years)
        s.values.push_back(t.row_count() && t.has_year(y) ? sector_totals(t, y, taxonomy).total(scope)
                                                          : units::kilograms(0.0));
    return s;
}

ChartData chart_data(const ScenarioResult& r, const GapAnalysis& gap, const Taxonomy& taxonomy) {
    ChartData c;
    for (const auto& y : gap.years) {
        c.years.push_back(y.year);
        c.bau.values.push_back(y.bau);
        c.scenario.values.push_back(y.scenario);
        c.target.values.push_back(y.target);
    }
    c.launch_year = r.launch_year;
    c.bau.key = "bau";
    c.scenario.key = "scenario";
    c.target.key = "target";
    // A plan with themes shows one wedge a theme (a 40-measure legend cannot be read); else one a measure.
    const auto themes = themes_of(r);
    if (names_themes(themes)) {
        for (const auto& t : themes) {
            const std::string name = t.theme.empty() ? "–" : t.theme;
            c.measures.push_back(total_series("theme:" + name, name, name, c.years, t.effect, gap.scope, taxonomy));
        }
    } else {
        for (const auto& m : r.measures)
            c.measures.push_back(total_series(m.id, m.name, m.name, c.years, m.effect, gap.scope, taxonomy));
    }
    std::vector<SectorTotals> by_year;  // one per chart year, shared by all sectors
    for (int y : c.years) by_year.push_back(sector_totals(r.scenario, y, taxonomy));
    for (const auto& sector : taxonomy.sectors()) {
        const Subsector& first = taxonomy.first_subsector(sector);
        if (!first.territorial) continue;
        ChartSeries s{sector, first.sector_da, first.sector_en, {}};
        bool any = false;
        for (const auto& t : by_year) {
            any = any || t.has(sector);
            s.values.push_back(t.has(sector) ? t.by_sector.at(sector) : units::kilograms(0.0));
        }
        if (any) c.sectors.push_back(std::move(s));
    }
    return c;
}

}  // namespace

ReportData assemble_report(const ScenarioResult& scenario, const TargetSet& targets, const Taxonomy& taxonomy,
                           const std::vector<InventoryResult>& inventories, int report_year, std::string title) {
    std::vector<SectorTotals> totals;
    EmissionsByYear known;
    const InventoryResult* latest = nullptr;
    for (const auto& inv : inventories) {
        totals.push_back(sector_totals(inv, taxonomy));
        known[inv.year] = totals.back().total(targets.scope);
        if (inv.year <= report_year && (!latest || inv.year > latest->year)) latest = &inv;
    }
    auto path = analysis::build_target_path(targets, std::move(known), &scenario, taxonomy);
    std::optional<SectorTotals> reference;
    for (const auto& t : totals)
        if (t.year == targets.reference_year) reference = t;
    if (!reference && scenario.bau.has_year(targets.reference_year) && targets.reference_year == scenario.base_year)
        reference = sector_totals(scenario.bau, targets.reference_year, taxonomy);

    auto gap = analyse_gap(scenario, targets, path, taxonomy, reference);
    auto progress = build_progress(scenario, targets, path, gap, taxonomy, totals, report_year);
    const InventoryResult* base = nullptr;  // the base year's inventory: how sure its factors are
    for (const auto& inv : inventories)
        if (inv.year == scenario.base_year) base = &inv;
    auto findings = dk2020_check(targets, scenario, latest, report_year, CheckInputs{&gap, base});
    auto chart = chart_data(scenario, gap, taxonomy);
    for (const auto& t : totals)
        if (t.year >= chart.years.front() && t.year <= chart.years.back())
            chart.inventories.emplace_back(t.year, t.total(targets.scope));
    for (auto* s : {&chart.bau, &chart.scenario, &chart.target}) {
        const auto key = s->key == "target" ? "target_path" : s->key;
        s->name_da = tr(key, Lang::da);
        s->name_en = tr(key, Lang::en);
    }
    std::map<std::string, std::pair<std::string, std::string>> row_names;
    for (const auto& s : taxonomy.subsectors())
        row_names[s.sector + "/" + s.code] = {s.sector_da + ", " + s.name_da, s.sector_en + ", " + s.name_en};
    ReportData d{std::move(title),
                 report_year,
                 scenario,
                 targets,
                 std::move(path),
                 std::move(gap),
                 std::move(progress),
                 std::move(findings),
                 std::move(chart),
                 std::nullopt,
                 ReportAnalysis{},
                 {},
                 {},
                 std::nullopt,
                 std::move(row_names)};
    for (const auto& y : d.gap.years) {
        d.bau_totals.push_back(scope_total(scenario.bau, y.year, taxonomy, targets.scope));
        d.scenario_totals.push_back(scope_total(scenario.scenario, y.year, taxonomy, targets.scope));
    }
    if (latest) d.latest_inventory = scope_total(*latest, taxonomy, targets.scope);
    return d;
}

}  // namespace klima::report

#include "klima/progress.hpp"
#include "klima/join.hpp"

#include "klima/error.hpp"

#include <cmath>

namespace klima {

std::string_view to_string(MeasureStatus s) {
    switch (s) {
        case MeasureStatus::not_started: return "not_started";
        case MeasureStatus::no_report: return "no_report";
        case MeasureStatus::on_track: return "on_track";
        case MeasureStatus::behind: return "behind";
    }
    return "?";
}

std::optional<units::Ratio> relative_change(units::Mass from, units::Mass to) {
    const double f = units::in_kg(from);
    if (f == 0.0) return std::nullopt;
    return units::ratio((units::in_kg(to) - f) / std::fabs(f));
}

namespace {

using units::Mass;

const SectorTotals* find_year(const std::vector<SectorTotals>& inventories, int year) {
    for (const auto& t : inventories)
        if (t.year == year) return &t;
    return nullptr;
}

std::optional<Mass> pick(const SectorTotals* t, const std::string& key) {
    if (!t) return std::nullopt;
    if (key == "total_incl_lulucf") return t->incl_lulucf();
    if (key == "total_excl_lulucf") return t->excl_lulucf();
    const auto it = t->by_sector.find(key);
    if (it == t->by_sector.end()) return std::nullopt;
    return it->second;
}

Mass measures_effect(const ScenarioResult& r, int year, const Taxonomy& taxonomy, const std::string& key) {
    Mass sum = units::kilograms(0.0);
    for (const auto& m : r.measures) {
        if (!m.effect.has_year(year) || m.effect.row_count() == 0) continue;
        const auto t = sector_totals(m.effect, year, taxonomy);
        if (const auto v = pick(&t, key)) sum += *v;
    }
    return sum;
}

// A measure's effect in `year` in the plan as adopted (zero outside it).
Mass planned_in(const MeasureResult& mr, int year) {
    const auto it = mr.planned.find(year);
    return it == mr.planned.end() ? units::kilograms(0.0) : it->second;
}

}  // namespace

void record_realised(ScenarioResult& result, const std::vector<RealisedEffect>& effects) {
    for (const auto& e : effects) {
        MeasureResult* m = nullptr;
        for (auto& candidate : result.measures)
            if (candidate.id == e.measure) m = &candidate;
        const std::string known = join(result.measures, ", ", [](const MeasureResult& c) { return c.id; });
        if (!m)
            throw Error(e.origin, "no measure '" + e.measure + "' in the scenario",
                        known.empty() ? "the scenario has no measures" : "use one of " + known);
        if (!m->realised.emplace(e.year, e.effect).second)
            throw Error(e.origin, "a second realised effect for " + e.measure + " in " + std::to_string(e.year),
                        "give one value per measure and year");
    }
}

ProgressTable build_progress(const ScenarioResult& result, const TargetSet& targets, const TargetPath& path,
                             const GapAnalysis& gap, const Taxonomy& taxonomy,
                             const std::vector<SectorTotals>& inventories, int report_year) {
    const int m = kMilestoneYear;
    if (!result.bau.has_year(m) || !path.has_year(m))
        throw Error({}, "the progress table needs the scenario and the target path to cover " + std::to_string(m),
                    "run the scenario to 2050");
    ProgressTable p;
    p.report_year = report_year;
    p.reference_year = targets.reference_year;
    p.base_year = result.base_year;
    p.scope = targets.scope;

    const SectorTotals* latest = nullptr;
    for (const auto& t : inventories)
        if (t.year <= report_year && (!latest || t.year > latest->year)) latest = &t;
    if (latest) p.latest_year = latest->year;
    const SectorTotals* reference = find_year(inventories, targets.reference_year);
    std::optional<SectorTotals> base_from_bau;
    const SectorTotals* base = find_year(inventories, result.base_year);
    if (!base && result.bau.has_year(result.base_year)) {
        base_from_bau = sector_totals(result.bau, result.base_year, taxonomy);
        base = &*base_from_bau;
    }
    const auto bau_m = sector_totals(result.bau, m, taxonomy);
    const auto scen_m = sector_totals(result.scenario, m, taxonomy);

    const auto make_row = [&](const std::string& key, std::string da, std::string en) {
        ProgressRow row;
        row.key = key;
        row.name_da = std::move(da);
        row.name_en = std::move(en);
        row.reference = pick(reference, key);
        if (!row.reference &&
            key == (targets.scope == TargetScope::incl_lulucf ? "total_incl_lulucf" : "total_excl_lulucf"))
            row.reference = emissions_in(targets, {}, targets.reference_year);
        row.base = pick(base, key);
        row.latest = pick(latest, key);
        if (row.latest && row.reference) row.change_vs_reference = relative_change(*row.reference, *row.latest);
        if (row.latest && row.base) row.change_vs_base = relative_change(*row.base, *row.latest);
        row.bau_milestone = pick(&bau_m, key).value_or(units::kilograms(0.0));
        const auto scen = pick(&scen_m, key).value_or(units::kilograms(0.0));
        row.planned_effect = measures_effect(result, m, taxonomy, key);
        if (key == "total_incl_lulucf" || key == "total_excl_lulucf") {
            const bool in_scope = (key == "total_incl_lulucf") == (targets.scope == TargetScope::incl_lulucf);
            if (in_scope) row.target_milestone = path.at(m);
        } else if (const auto* sg = gap.sector(key)) {
            for (const auto& y : sg->years)
                if (y.year == m) row.target_milestone = y.target;
        }
        if (row.target_milestone) row.remaining_gap = scen - *row.target_milestone;
        return row;
    };

    for (const auto& sector : taxonomy.sectors()) {
        const Subsector& first = taxonomy.first_subsector(sector);
        if (!first.territorial) continue;
        const bool present = (reference && reference->has(sector)) || (base && base->has(sector)) ||
                             (latest && latest->has(sector)) || bau_m.has(sector);
        if (present) p.sectors.push_back(make_row(sector, first.sector_da, first.sector_en));
    }
    p.total_incl_lulucf = make_row("total_incl_lulucf", "I alt inkl. LULUCF", "Total incl. LULUCF");
    p.total_excl_lulucf = make_row("total_excl_lulucf", "I alt ekskl. LULUCF", "Total excl. LULUCF");

    for (const auto& mr : result.measures) {
        MeasureProgress mp;
        mp.id = mr.id;
        mp.name = mr.name;
        mp.owner = mr.owner;
        mp.theme = mr.theme;
        mp.start_year = mr.start_year;
        mp.full_effect_year = mr.full_effect_year;
        mp.planned = planned_in(mr, report_year);
        mp.planned_milestone = planned_in(mr, m);
        mp.effect_milestone = measure_effect(mr, m, taxonomy, targets.scope);
        if (const auto it = mr.realised.find(report_year); it != mr.realised.end()) mp.realised = it->second;
        if (mp.realised)
            mp.status = *mp.realised >= mp.planned * units::ratio(kOnTrackShare) ? MeasureStatus::on_track
                                                                                 : MeasureStatus::behind;
        else mp.status = report_year < mr.start_year ? MeasureStatus::not_started : MeasureStatus::no_report;
        p.measures.push_back(std::move(mp));
    }
    const auto themes = themes_of(result);
    if (names_themes(themes))
        for (const auto& t : themes) {
            // Σ of the measures' figures as shown in the measure table, so the theme adds up to its rows.
            auto sum = measure_effect(MeasureResult{}, m, taxonomy, targets.scope);
            for (std::size_t i : t.measures) {
                const auto& e = p.measures[i].effect_milestone;
                sum.total += e.total;
                sum.construction += e.construction;
                if (e.lulucf_apart) sum.lulucf_apart = *sum.lulucf_apart + *e.lulucf_apart;
            }
            p.themes.push_back({t.theme, t.measures.size(), sum});
        }
    return p;
}

}  // namespace klima

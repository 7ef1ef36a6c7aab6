#include "klima/gap.hpp"

#include "klima/error.hpp"
#include "klima/scope_total.hpp"

namespace klima {

const YearGap& GapAnalysis::at(int year) const {
    for (const auto& y : years)
        if (y.year == year) return y;
    throw Error({}, "the gap analysis does not cover " + std::to_string(year),
                "the scenario and the target path must both include that year");
}

const SectorGap* GapAnalysis::sector(const std::string& s) const {
    for (const auto& g : sectors)
        if (g.sector == s) return &g;
    return nullptr;
}

BudgetUse budget_use(const TargetPath& path, int neutrality_year, const std::vector<YearGap>& years) {
    BudgetUse b;
    if (years.empty()) return b;
    b.from = years.front().year;
    b.to = neutrality_year;
    b.budget = b.from <= b.to ? path.cumulative(b.from, b.to) : units::kilograms(0.0);
    b.scenario_cumulative = units::kilograms(0.0);
    for (const auto& y : years) {
        const auto before = b.scenario_cumulative;
        b.scenario_cumulative += y.scenario;
        if (!b.exhausted_in && b.scenario_cumulative > b.budget) {
            b.exhausted_in = y.year;
            // Whole years before y, plus the share of y's emissions the rest of the budget covers:
            // none when nothing is left (a budget below zero, a net sink's) or y removes more than it
            // emits, where the quotient would be negative or above 1 (Læsø: 15.1 years "exhausted in 2018").
            const double whole = y.year - b.from;
            const auto left = b.budget - before;
            const double share =
                y.scenario > units::kilograms(0.0) && left > units::kilograms(0.0) ? (left / y.scenario).value() : 0.0;
            b.years_lasting = units::count(whole + share);
        }
    }
    return b;
}

GapAnalysis analyse_gap(const ScenarioResult& result, const TargetSet& targets, const TargetPath& path,
                        const Taxonomy& taxonomy, const std::optional<SectorTotals>& reference) {
    GapAnalysis g;
    g.scope = targets.scope;
    const auto& sc = result.scenario;
    const int first = std::max(sc.first_year(), path.first_year());
    const int last = std::min(sc.last_year(), path.last_year());
    for (int y = first; y <= last; ++y) {
        YearGap yg;
        yg.year = y;
        yg.bau = scope_total(result.bau, y, taxonomy, targets.scope).total;
        yg.scenario = scope_total(sc, y, taxonomy, targets.scope).total;
        yg.target = path.at(y);
        yg.gap = yg.scenario - yg.target;
        g.years.push_back(yg);
    }
    g.budget = budget_use(path, targets.neutrality_year, g.years);

    // Equal-percentage allocation: sector target(y) = sector_ref × path(y) / path(ref).
    const auto path_ref = path.at(path.first_year());
    if (!reference || path_ref == units::kilograms(0.0)) return g;
    for (const auto& sector : taxonomy.sectors()) {  // taxonomy order, as in the progress table
        if (sector == kLulucfSector || !reference->has(sector)) continue;
        const auto ref_mass = reference->by_sector.at(sector);
        SectorGap s;
        s.sector = sector;
        s.reference = ref_mass;
        for (int y = first; y <= last; ++y) {
            const auto b = sector_totals(result.bau, y, taxonomy);
            const auto sct = sector_totals(sc, y, taxonomy);
            YearGap yg;
            yg.year = y;
            yg.bau = b.has(sector) ? b.by_sector.at(sector) : units::kilograms(0.0);
            yg.scenario = sct.has(sector) ? sct.by_sector.at(sector) : units::kilograms(0.0);
            yg.target = ref_mass * (path.at(y) / path_ref);
            yg.gap = yg.scenario - yg.target;
            s.years.push_back(yg);
        }
        g.sectors.push_back(std::move(s));
    }
    return g;
}

}  // namespace klima

#include "klima/dk2020_check.hpp"

#include <algorithm>
#include <cmath>

namespace klima {

std::string_view to_string(FindingKind k) {
    switch (k) {
        case FindingKind::no_inventory: return "no_inventory";
        case FindingKind::inventory_outdated: return "inventory_outdated";
        case FindingKind::too_few_interim_targets: return "too_few_interim_targets";
        case FindingKind::gas_not_covered: return "gas_not_covered";
        case FindingKind::measure_without_owner: return "measure_without_owner";
        case FindingKind::measure_without_timeline: return "measure_without_timeline";
        case FindingKind::measure_without_effect: return "measure_without_effect";
        case FindingKind::base_year_incomplete: return "base_year_incomplete";
        case FindingKind::target_missed: return "target_missed";
        case FindingKind::base_year_uncertain_factors: return "base_year_uncertain_factors";
        case FindingKind::measure_without_cost: return "measure_without_cost";
    }
    return "?";
}

std::optional<UncertainFactorShare> uncertain_factor_share(const InventoryResult& base, TargetScope scope) {
    UncertainFactorShare s{units::kilograms(0.0), units::kilograms(0.0), units::ratio(0.0)};
    for (const auto& l : base.lines) {
        if (!l.subsector || !l.subsector->territorial) continue;
        if (scope == TargetScope::excl_lulucf && l.subsector->sector == kLulucfSector) continue;
        for (const auto& g : l.gases) {
            const auto size = units::kilograms(std::fabs(units::in_kg(g.co2e)));  // a removal counts by its size
            s.all += size;
            if (g.factor && g.factor->status() != FactorStatus::official) s.on_uncertain += size;
        }
    }
    if (s.all == units::kilograms(0.0)) return std::nullopt;
    s.share = units::ratio(units::in_kg(s.on_uncertain) / units::in_kg(s.all));
    return s;
}

std::vector<Finding> dk2020_check(const TargetSet& targets, const ScenarioResult& result, const InventoryResult* latest,
                                  int report_year, const CheckInputs& more) {
    std::vector<Finding> out;
    if (!latest) {
        out.push_back({FindingKind::no_inventory, "", report_year, 0, std::nullopt, std::nullopt});
    } else {
        if (report_year - latest->year > kMaxInventoryAge)
            out.push_back({FindingKind::inventory_outdated, "", latest->year, 0, std::nullopt, std::nullopt});
        // A gas is covered when some line of the inventory reports it on its own.
        for (Gas g : {Gas::CO2, Gas::CH4, Gas::N2O}) {
            bool covered = false;
            for (const auto& l : latest->lines)
                for (const auto& e : l.gases) covered = covered || e.gas == g;
            if (!covered)
                out.push_back({FindingKind::gas_not_covered, std::string(to_string(g)), latest->year, 0, std::nullopt,
                               std::nullopt});
        }
    }
    if (result.base_year_missing > 0)
        out.push_back({FindingKind::base_year_incomplete, "", result.base_year, result.base_year_missing, std::nullopt,
                       std::nullopt});
    if (more.base)
        if (const auto s = uncertain_factor_share(*more.base, targets.scope);
            s && units::in_count(s->share) > kMaxUncertainFactorShare)
            out.push_back(
                {FindingKind::base_year_uncertain_factors, "", more.base->year, 0, s->on_uncertain, s->share});
    const int interim = static_cast<int>(targets.interim.size());
    if (interim < kMinInterimTargets)
        out.push_back({FindingKind::too_few_interim_targets, "", 0, interim, std::nullopt, std::nullopt});
    if (more.gap) {
        std::vector<int> years;  // each target year once, in order: the interim targets, then neutrality
        for (const auto& it : targets.interim) years.push_back(it.year);
        years.push_back(targets.neutrality_year);
        for (std::size_t i = 0; i < years.size(); ++i) {
            if (std::find(years.begin(), years.begin() + static_cast<std::ptrdiff_t>(i), years[i]) !=
                years.begin() + static_cast<std::ptrdiff_t>(i))
                continue;
            for (const auto& y : more.gap->years)
                if (y.year == years[i] && y.gap > units::kilograms(0.0))
                    out.push_back({FindingKind::target_missed, "", y.year, 0, y.gap, std::nullopt});
        }
    }
    for (const auto& m : result.measures) {
        if (m.owner.empty())
            out.push_back({FindingKind::measure_without_owner, m.id, 0, 0, std::nullopt, std::nullopt});
        if (m.start_year == 0 || m.full_effect_year == 0 || m.full_effect_year < m.start_year)
            out.push_back({FindingKind::measure_without_timeline, m.id, 0, 0, std::nullopt, std::nullopt});
        if (m.effect.row_count() == 0 || m.effect.kg().isZero(0.0))
            out.push_back({FindingKind::measure_without_effect, m.id, 0, 0, std::nullopt, std::nullopt});
        if (m.cost == units::dkk(0.0))
            out.push_back({FindingKind::measure_without_cost, m.id, 0, 0, std::nullopt, std::nullopt});
    }
    return out;
}

}  // namespace klima

#include "klima/dk2020_check.hpp"

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
    }
    return "?";
}

std::vector<Finding> dk2020_check(const TargetSet& targets, const ScenarioResult& result, const InventoryResult* latest,
                                  int report_year) {
    std::vector<Finding> out;
    if (!latest) {
        out.push_back({FindingKind::no_inventory, "", report_year, 0});
    } else {
        if (report_year - latest->year > kMaxInventoryAge)
            out.push_back({FindingKind::inventory_outdated, "", latest->year, 0});
        // A gas is covered when some line of the inventory reports it on its own.
        for (Gas g : {Gas::CO2, Gas::CH4, Gas::N2O}) {
            bool covered = false;
            for (const auto& l : latest->lines)
                for (const auto& e : l.gases) covered = covered || e.gas == g;
            if (!covered) out.push_back({FindingKind::gas_not_covered, std::string(to_string(g)), latest->year, 0});
        }
    }
    if (result.base_year_missing > 0)
        out.push_back({FindingKind::base_year_incomplete, "", result.base_year, result.base_year_missing});
    const int interim = static_cast<int>(targets.interim.size());
    if (interim < kMinInterimTargets) out.push_back({FindingKind::too_few_interim_targets, "", 0, interim});
    for (const auto& m : result.measures) {
        if (m.owner.empty()) out.push_back({FindingKind::measure_without_owner, m.id, 0, 0});
        if (m.start_year == 0 || m.full_effect_year == 0 || m.full_effect_year < m.start_year)
            out.push_back({FindingKind::measure_without_timeline, m.id, 0, 0});
        if (m.effect.row_count() == 0 || m.effect.kg().isZero(0.0))
            out.push_back({FindingKind::measure_without_effect, m.id, 0, 0});
    }
    return out;
}

}  // namespace klima

// The DK2020 check: what a plan still lacks against the DK2020 (C40 Climate
// Action Planning Framework) requirements klima can test from its data.
#pragma once

#include "klima/inventory.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"

#include <string>
#include <vector>

namespace klima {

enum class FindingKind {
    no_inventory,             // no inventory at or before the reporting year
    inventory_outdated,       // latest inventory more than 3 years before the reporting year
    too_few_interim_targets,  // fewer than 2 interim targets before neutrality
    gas_not_covered,          // CO2, CH4 or N2O absent from the latest inventory
    measure_without_owner,
    measure_without_timeline,  // no start year, no full-effect year, or full effect before start
    measure_without_effect,    // no expected effect in any year
    base_year_incomplete,      // base-year activity values missing: BAU and scenario understated
};
std::string_view to_string(FindingKind k);

struct Finding {
    FindingKind kind;
    std::string subject;  // measure id, gas, or "" for the plan as a whole
    int year = 0;         // inventory year for inventory_outdated
    int count = 0;        // interim targets for too_few_interim_targets; missing values for base_year_incomplete
};

inline constexpr int kMaxInventoryAge = 3;
inline constexpr int kMinInterimTargets = 2;

// `latest` is the latest inventory at or before `report_year`, or nullptr.
std::vector<Finding> dk2020_check(const TargetSet& targets, const ScenarioResult& result, const InventoryResult* latest,
                                  int report_year);

}  // namespace klima

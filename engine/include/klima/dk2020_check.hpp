// The DK2020 check: what a plan still lacks against the DK2020 (C40 Climate
// Action Planning Framework) requirements klima can test from its data.
#pragma once

#include "klima/gap.hpp"
#include "klima/inventory.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima {

enum class FindingKind {
    no_inventory,             // no inventory at or before the reporting year
    inventory_outdated,       // latest inventory more than 3 years before the reporting year
    too_few_interim_targets,  // fewer than 2 interim targets before neutrality
    gas_not_covered,          // CO2, CH4 or N2O absent from the latest inventory
    measure_without_owner,
    measure_without_timeline,     // no start year, no full-effect year, or full effect before start
    measure_without_effect,       // no expected effect in any year
    base_year_incomplete,         // base-year activity values missing: BAU and scenario understated
    target_missed,                // the scenario lies above the target path in a target year (interim or neutrality)
    base_year_uncertain_factors,  // more than 10 % of the base year rests on illustrative or derived factors
    measure_without_cost,         // cost_dkk 0: no cost given
};
std::string_view to_string(FindingKind k);

struct Finding {
    FindingKind kind;
    std::string subject;  // measure id, gas, or "" for the plan as a whole
    int year = 0;         // inventory year for inventory_outdated
    int count = 0;        // interim targets for too_few_interim_targets; missing values for base_year_incomplete
    // target_missed: scenario − target path in `year` (> 0), in the targets' scope;
    // base_year_uncertain_factors: the base year's emissions on those factors.
    std::optional<units::Mass> amount;
    // base_year_uncertain_factors: their share of the base year (> kMaxUncertainFactorShare).
    std::optional<units::Ratio> share;
};

inline constexpr int kMaxInventoryAge = 3;
inline constexpr int kMinInterimTargets = 2;
// Above this share of the base year on illustrative or derived factors the check says so (issue 25).
inline constexpr double kMaxUncertainFactorShare = 0.10;

// What the check needs beyond the plan for its fuller findings; each may be absent (then those findings are not made).
struct CheckInputs {
    const GapAnalysis* gap = nullptr;       // target_missed: the scenario against the path, in the scope
    const InventoryResult* base = nullptr;  // base_year_uncertain_factors: the base year's inventory
};

// The share of `base`'s emissions in `scope` (Σ |CO2e| of each gas of each territorial
// line) that rests on illustrative or derived factors, and those emissions (Σ |CO2e|);
// none when the base year has no emissions in the scope.
struct UncertainFactorShare {
    units::Mass on_uncertain, all;
    units::Ratio share;
};
std::optional<UncertainFactorShare> uncertain_factor_share(const InventoryResult& base, TargetScope scope);

// `latest` is the latest inventory at or before `report_year`, or nullptr. Findings
// in a fixed order: inventory, base year, targets (interim count, then each missed
// target year), measures (each in plan order: owner, timeline, effect, cost).
std::vector<Finding> dk2020_check(const TargetSet& targets, const ScenarioResult& result, const InventoryResult* latest,
                                  int report_year, const CheckInputs& more = {});

}  // namespace klima

// Internal to the abatement facade: the cheapest portfolio of measure uptake
// levels, as a linear programme solved with COIN-OR Clp. Each measure i runs
// at a level x_i in [0, 1] of its planned uptake; its cost and its effect in
// the target year are taken as linear in x_i (docs/method.md, "Solve,
// abatement cost"). Knows nothing of scenarios or files.
#pragma once

#include "klima/units.hpp"

#include <vector>

namespace klima::analysis {

struct PortfolioItem {
    units::Money cost;   // at full uptake (discounted or not: the caller decides)
    units::Mass effect;  // avoided in the target year at full uptake
};

struct Portfolio {
    bool feasible = false;            // false: no levels in [0, 1] meet the requirement
    std::vector<units::Ratio> level;  // one per item (all 1 when infeasible in the meeting form)
    units::Money cost;                // Σ cost_i · x_i
    units::Mass effect;               // Σ effect_i · x_i
};

// min Σ c_i x_i  subject to  Σ e_i x_i ≥ required, 0 ≤ x_i ≤ 1.
// Infeasible (Σ max(e_i, 0) < required): every measure with a positive effect at 1.
Portfolio cheapest_meeting(const std::vector<PortfolioItem>& items, units::Mass required);

// max Σ e_i x_i  subject to  Σ c_i x_i ≤ budget, 0 ≤ x_i ≤ 1 (always feasible
// for a budget ≥ 0: measures that save money are free).
Portfolio most_within(const std::vector<PortfolioItem>& items, units::Money budget);

}  // namespace klima::analysis

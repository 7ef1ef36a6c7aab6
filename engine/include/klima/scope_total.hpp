// The one total of a year (issue 25): the territorial total in the targets'
// scope — "total", Danish "I alt" — and what every output shows apart from
// it: construction (embodied emissions, never territorial) and, when the
// scope excludes it, LULUCF. Every output that prints a total (scenario
// table and JSON, report, workbench) takes it from here; docs/method.md,
// "One total per year". Knows nothing of formats.
#pragma once

#include "klima/inventory.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"
#include "klima/taxonomy.hpp"
#include "klima/trajectory.hpp"

#include <optional>
#include <vector>

namespace klima {

struct ScopeTotal {
    int year = 0;
    TargetScope scope = TargetScope::incl_lulucf;
    units::Mass total{};         // territorial rows in the scope
    units::Mass construction{};  // rows reported apart (byggeri): never in `total`
    // LULUCF when the scope leaves it out (shown apart); none when it is inside `total`.
    std::optional<units::Mass> lulucf_apart;
};

// A trajectory's rows ("sector/subsector") in `year`. Throws klima::Error for
// a row the taxonomy does not know or a year the trajectory lacks.
ScopeTotal scope_total(const Trajectory& t, int year, const Taxonomy& taxonomy, TargetScope scope);
// The same for every year from `from` to `to`, one entry a year, with the rows looked up in the
// taxonomy once (the same bits as scope_total year by year). A year `t` lacks, or every year of a
// trajectory without rows, gets a default ScopeTotal (zeros, no LULUCF apart). Throws klima::Error
// for a row the taxonomy does not know when some year of the range is in `t`.
std::vector<ScopeTotal> scope_totals(const Trajectory& t, int from, int to, const Taxonomy& taxonomy,
                                     TargetScope scope);
// An inventory's sector totals (missing values are left out, as in its totals);
// construction is its reported_apart.
ScopeTotal scope_total(const InventoryResult& inv, const Taxonomy& taxonomy, TargetScope scope);

// The scope used where no targets are given: the territorial total incl. LULUCF.
inline constexpr TargetScope kDefaultScope = TargetScope::incl_lulucf;

// A measure's order-free (Shapley) effect in `year`, split like the total:
// `total` is its effect in the targets' scope, `construction` and
// `lulucf_apart` what it avoids outside it. The same figure in every section
// of every output (docs/method.md, "One effect per measure and year").
ScopeTotal measure_effect(const MeasureResult& m, int year, const Taxonomy& taxonomy, TargetScope scope);

// construction + LULUCF apart: what lies outside the scope.
inline units::Mass outside_scope(const ScopeTotal& t) {
    return t.construction + t.lulucf_apart.value_or(units::kilograms(0.0));
}

}  // namespace klima

#include "klima/analysis/target_path.hpp"

#include "klima/scope_total.hpp"
#include "klima/sector_totals.hpp"

namespace klima::analysis {

TargetPath build_target_path(const TargetSet& targets, EmissionsByYear known, const ScenarioResult* scenario,
                             const Taxonomy& taxonomy) {
    // The BAU starts from the base-year inventory; use it when the inventories have none for that year.
    if (scenario && !known.count(scenario->base_year) && scenario->bau.has_year(scenario->base_year))
        known[scenario->base_year] = sector_totals(scenario->bau, scenario->base_year, taxonomy).total(targets.scope);
    return target_path(targets, known);
}

std::vector<InventoryResult> plan_inventories(const PlanInputs& in) {
    std::vector<InventoryResult> out;
    for (int y : years_in(*in.activity)) {
        try {
            out.push_back(compute_inventory(*in.activity, y, *in.ref, in.spec.gwp_set));
        } catch (const Error& e) {
            throw e.located({in.spec.activity_file, 0, ""});
        }
    }
    return out;
}

EmissionsByYear inventory_totals(const std::vector<InventoryResult>& inventories, TargetScope scope,
                                 const Taxonomy& taxonomy) {
    EmissionsByYear known;
    for (const auto& inv : inventories) known[inv.year] = sector_totals(inv, taxonomy).total(scope);
    return known;
}

PlanTargets plan_targets(const PlanInputs& in, const ScenarioResult* scenario) {
    const auto& targets = require_targets(in);
    auto known = inventory_totals(plan_inventories(in), targets.scope, in.ref->taxonomy);
    auto path = build_target_path(targets, std::move(known), scenario, in.ref->taxonomy);
    return PlanTargets{targets, std::move(path)};
}

void require_projected_year(int year, int launch_year, int end_year, const TargetPath& path) {
    if (year > launch_year && year <= end_year && path.has_year(year)) return;
    throw Error({"", 0, "year"},
                "the year " + std::to_string(year) +
                    " is not a projected year on the target path: the projection runs " +
                    std::to_string(launch_year + 1) + "–" + std::to_string(end_year) + ", the path " +
                    std::to_string(path.first_year()) + "–" + std::to_string(path.last_year()),
                "choose a year after the launch year " + std::to_string(launch_year), ErrorKind::usage)
        .about(Subject::request);
}

units::Mass scope_total(const Trajectory& t, int year, TargetScope scope, const Taxonomy& taxonomy) {
    return klima::scope_total(t, year, taxonomy, scope).total;
}

}  // namespace klima::analysis

#include "target_path.hpp"

#include "klima/inventory.hpp"
#include "klima/io/targets_file.hpp"
#include "klima/sector_totals.hpp"

namespace klima::analysis {

LoadedTargets load_target_path(const api::ScenarioOutcome& loaded, const std::optional<std::string>& targets_file) {
    const auto& run = loaded.run;
    const auto file = targets_file ? targets_file : run.spec.targets_file;
    if (!file)
        throw Error({run.spec.file, 0, "/targets"}, "the scenario names no targets file",
                    "add \"targets\": \"../data/targets/" + run.spec.municipality + ".json\" to the scenario");
    auto targets = io::load_targets(*file);
    require_same_municipality(targets, run.spec.municipality, run.spec.file);
    EmissionsByYear known;
    for (int y : years_in(run.activity)) {
        try {
            const auto inv = compute_inventory(run.activity, y, loaded.ref, run.spec.gwp_set);
            known[y] = sector_totals(inv, loaded.ref.taxonomy).total(targets.scope);
        } catch (const Error& e) {
            throw e.located({run.spec.activity_file, 0, ""});
        }
    }
    auto path = target_path(targets, known);
    return LoadedTargets{std::move(targets), std::move(path)};
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
    return sector_totals(t, year, taxonomy).total(scope);
}

}  // namespace klima::analysis

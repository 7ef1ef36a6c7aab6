#include "klima/api/report.hpp"

#include "scenario_steps.hpp"

#include "klima/horizon.hpp"
#include "klima/inventory.hpp"
#include "klima/io/realised_file.hpp"
#include "klima/io/targets_file.hpp"

namespace klima::api {

ReportOutcome build_report(const ReportRequest& request) {
    const int year = request.report_year;
    if (!in_horizon(year))
        throw Error({"", 0, "report year"}, "reporting year " + std::to_string(year) + " is outside " + horizon_text(),
                    "give a year in that range");
    ScenarioOutcome scenario = detail::load(request.scenario);
    auto& run = scenario.run;
    const auto& ref = scenario.ref;

    // The progress report of a year knows the inventories up to that year only.
    const auto years = years_in(run.activity);
    if (!run.spec.launch_year) {
        int latest = run.spec.base_year;
        for (int y : years)
            if (y >= run.spec.base_year && y <= year && y < run.spec.end_year) latest = std::max(latest, y);
        run.spec.launch_year = latest;
    }
    detail::run(scenario);
    if (request.realised_file) record_realised(run.result, io::load_realised(*request.realised_file));

    const auto targets_path = request.targets_file ? request.targets_file : run.spec.targets_file;
    if (!targets_path)
        throw Error({run.spec.file, 0, "/targets"}, "the scenario names no targets file",
                    "add \"targets\": \"../data/targets/" + run.spec.municipality + ".json\" to the scenario");
    const auto targets = io::load_targets(*targets_path);

    std::vector<InventoryResult> inventories;
    for (int y : years) {
        if (y > year) continue;
        try {
            inventories.push_back(compute_inventory(run.activity, y, ref, run.spec.gwp_set));
        } catch (const Error& e) {
            throw e.located({run.spec.activity_file, 0, ""});
        }
    }
    auto data = report::assemble_report(run.result, targets, ref.taxonomy, inventories, year,
                                        request.title.value_or(run.spec.name));
    data.allocation = request.scenario.allocation;
    return ReportOutcome{std::move(scenario), std::move(data)};
}

}  // namespace klima::api

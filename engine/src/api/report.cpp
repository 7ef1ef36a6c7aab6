#include "klima/api/report.hpp"

#include "klima/api/abatement.hpp"
#include "klima/api/monte_carlo.hpp"

#include "scenario_steps.hpp"

#include "klima/horizon.hpp"
#include "klima/inventory.hpp"
#include "klima/io/realised_file.hpp"
#include "klima/io/status_file.hpp"
#include "klima/io/targets_file.hpp"
#include "klima/status/yearly_status.hpp"

namespace klima::api {
namespace {

// The year of the MACC widths and the portfolio: the first interim target
// after the launch year, else the neutrality year; none when neither is.
std::optional<int> analysis_year(const TargetSet& targets, int launch_year, int end_year) {
    std::vector<int> years;
    for (const auto& t : targets.interim) years.push_back(t.year);
    years.push_back(targets.neutrality_year);
    for (int y : years)
        if (y > launch_year && y <= end_year) return y;
    return std::nullopt;
}

report::ReportAnalysis analyse(const ReportRequest& request, const ScenarioOutcome& scenario, const TargetSet& targets,
                               const std::optional<std::string>& targets_path) {
    report::ReportAnalysis a;
    a.included = true;
    // The facades load and run the scenario themselves; from the report's launch year.
    ScenarioRequest from_launch = request.scenario;
    from_launch.from_year = scenario.run.spec.launch_year;
    const auto year = analysis_year(targets, scenario.run.result.launch_year, scenario.run.spec.end_year);
    if (year && !scenario.run.spec.measures.empty()) {
        AbatementRequest r;
        r.scenario = from_launch;
        r.year = *year;
        r.discount_rate = request.discount_rate;
        r.targets_file = targets_path;
        a.abatement = abatement_cost(r);
    }
    // The Monte Carlo runs when an uncertainty file is given or the scenario, its activity,
    // factors or drivers carry distributions (docs/analysis.md).
    if (request.uncertainty_file || has_uncertainty(scenario)) {
        MonteCarloRequest r;
        r.scenario = from_launch;
        r.uncertainty_file = request.uncertainty_file;
        r.draws = request.draws;
        r.seed = request.seed;
        r.threads = request.threads;
        r.targets_file = targets_path;
        a.uncertainty = monte_carlo(r);
    }
    return a;
}

}  // namespace

ReportOutcome build_report(const ReportRequest& request) {
    const int year = request.report_year;
    if (!in_horizon(year))
        throw Error({"", 0, "report year"}, "reporting year " + std::to_string(year) + " is outside " + horizon_text(),
                    "give a year in that range");
    if (request.analysis) {  // before anything runs
        check_draw_settings(request.draws, request.threads);
        check_discount_rate(request.discount_rate);
    }
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
    if (request.status_file)  // the realised column from the yearly status (issue 24)
        record_realised(run.result, status::realised_effects(status::build_status(
                                        {run, ref, io::load_status(*request.status_file), {}, {}}, year)));

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
    if (request.analysis) data.analysis = analyse(request, scenario, targets, targets_path);
    return ReportOutcome{std::move(scenario), std::move(data)};
}

}  // namespace klima::api

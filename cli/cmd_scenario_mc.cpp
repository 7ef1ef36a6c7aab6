// klima scenario mc FILE [--uncertainty U] --draws N --seed S [--threads T]:
// Monte Carlo percentiles and the chance of each target (api/monte_carlo.hpp).
#include "commands.hpp"
#include "options.hpp"
#include "scenario_request.hpp"

#include "klima/api/monte_carlo.hpp"
#include "klima/report/analysis_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct McOptions {
    std::string file;
    std::optional<std::string> uncertainty, targets;
    std::optional<int> draws, threads;
    std::optional<std::uint64_t> seed;
    report::Format format = report::Format::table;
    ScenarioRequestOptions request;
};

int mc(const McOptions& o, std::ostream& out) {
    api::MonteCarloRequest r;
    r.scenario = scenario_request(o.request, o.file);
    r.uncertainty_file = o.uncertainty;
    r.draws = o.draws.value_or(analysis::kDefaultDraws);
    r.seed = o.seed.value_or(analysis::kDefaultSeed);
    r.threads = o.threads.value_or(1);
    r.targets_file = o.targets;
    out << report::render_monte_carlo(api::monte_carlo(r), o.format);
    return 0;
}

}  // namespace

Action define_scenario_mc(CLI::App& command) {
    auto o = std::make_shared<McOptions>();
    command.add_option("FILE", o->file, "the scenario file, e.g. scenarios/koege-plan.json")->required();
    add_text(command, "--uncertainty", o->uncertainty, "FILE",
             "more uncertain inputs and their distributions; they replace the data's and the scenario's for the "
             "same target (docs/analysis.md)");
    add_integer(command, "--draws", o->draws, "N",
                "number of draws (default " + std::to_string(analysis::kDefaultDraws) + ")");
    add_seed(command, o->seed,
             "seed of the draws (default " + std::to_string(kDefaultSeed) + "); the same seed gives the same results");
    add_integer(command, "--threads", o->threads, "T", "threads to draw on (default 1); results do not depend on it");
    add_text(command, "--targets", o->targets, "FILE", "the targets file (default: the one the scenario names)");
    add_format(command, o->format, report::kMonteCarloFormats,
               "table, json or csv (one row per series and year); default table");
    add_scenario_request_options(command, o->request);
    return [o](std::ostream& out) { return mc(*o, out); };
}

}  // namespace klima::cli

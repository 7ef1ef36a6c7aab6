// klima scenario solve FILE --year Y [--measure ID]: the scale of one measure,
// or of all together, that meets the target path in a year (api/solve.hpp).
#include "commands.hpp"
#include "options.hpp"
#include "scenario_request.hpp"

#include "klima/api/solve.hpp"
#include "klima/horizon.hpp"
#include "klima/report/analysis_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct SolveOptions {
    std::string file;
    std::optional<int> year;
    std::optional<std::string> measure, targets;
    report::Format format = report::Format::table;
    ScenarioRequestOptions request;
};

int solve(const SolveOptions& o, std::ostream& out) {
    api::SolveRequest r;
    r.scenario = scenario_request(o.request, o.file);
    r.year = o.year.value_or(kMilestoneYear);
    if (!in_horizon(r.year))
        throw UsageError({"", 0, "--year"}, "year " + std::to_string(r.year) + " is outside " + horizon_text(),
                         "give a projected year, e.g. --year 2030");
    r.measure = o.measure;
    r.targets_file = o.targets;
    out << report::render_solve(api::solve_scenario(r), o.format);
    return 0;
}

}  // namespace

Action define_scenario_solve(CLI::App& command) {
    auto o = std::make_shared<SolveOptions>();
    command.add_option("FILE", o->file, "the scenario file, e.g. scenarios/koege-plan.json")->required();
    add_integer(command, "--year", o->year, "YEAR",
                "the year the target path must be met (default " + std::to_string(kMilestoneYear) + ")");
    add_text(command, "--measure", o->measure, "ID", "scale only this measure (default: all measures together)");
    add_text(command, "--targets", o->targets, "FILE", "the targets file (default: the one the scenario names)");
    add_format(command, o->format, report::kSolveFormats, "table, json or csv (key,value); default table");
    add_scenario_request_options(command, o->request);
    return [o](std::ostream& out) { return solve(*o, out); };
}

}  // namespace klima::cli

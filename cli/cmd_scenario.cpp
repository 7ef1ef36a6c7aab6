#include "commands.hpp"
#include "options.hpp"
#include "scenario_request.hpp"

#include "klima/api/scenario.hpp"
#include "klima/report/scenario_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct ScenarioOptions {
    std::string file;
    report::Format format = report::Format::table;
    ScenarioRequestOptions request;
};

int run_scenario(const ScenarioOptions& o, std::ostream& out) {
    const auto request = scenario_request(o.request, o.file);
    const auto outcome = api::run_scenario(request);
    out << report::render_scenario(outcome.run, *outcome.ref, o.format,
                                   outcome.scope);  // states the CHP allocation itself
    return 0;
}

}  // namespace

Action define_scenario_run(CLI::App& command) {
    auto o = std::make_shared<ScenarioOptions>();
    command.add_option("FILE", o->file, "the scenario file, e.g. scenarios/koege.json")->required();
    add_format(command, o->format, report::kScenarioFormats,
               "table, json or csv (one row per series, measure, subsector and year); default table");
    add_scenario_request_options(command, o->request);
    return [o](std::ostream& out) { return run_scenario(*o, out); };
}

}  // namespace klima::cli

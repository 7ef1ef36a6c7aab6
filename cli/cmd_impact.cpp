#include "commands.hpp"
#include "options.hpp"
#include "scenario_request.hpp"

#include "klima/api/impact.hpp"
#include "klima/report/impact_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {

namespace {

struct ImpactOptions {
    std::optional<std::string> scenario, proposal, format;
    report::Lang lang = report::Lang::da;
    ScenarioRequestOptions request;
};

int run_impact(const ImpactOptions& o, std::ostream& out) {
    const auto format =
        checked_format(o.format.value_or("md"), report::kImpactFormats, "impact");  // before any file is read
    api::ImpactRequest request;
    request.scenario = scenario_request(o.request, *o.scenario);
    request.proposal_file = *o.proposal;
    out << report::render_impact(api::assess_impact(request), format, o.lang);
    return 0;
}

}  // namespace

Action define_impact(CLI::App& command) {
    auto o = std::make_shared<ImpactOptions>();
    add_text(command, "--scenario", o->scenario, "FILE", "the adopted scenario, e.g. scenarios/koege.json")->required();
    add_text(command, "--proposal", o->proposal, "FILE",
             "the proposal: measures in the scenario's format and/or growth (docs/impact.md)")
        ->required();
    add_text(command, "--format", o->format, "FORMAT",
             "output format: md (text for a council case), html (with an SVG chart) or json (default md)");
    add_lang(command, o->lang);
    add_scenario_request_options(command, o->request);
    return [o](std::ostream& out) { return run_impact(*o, out); };
}

}  // namespace klima::cli

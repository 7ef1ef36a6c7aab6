// klima scenario macc FILE --year Y [--discount PCT] [--budget DKK]: cost per
// tonne, the marginal abatement cost curve and the cheapest portfolio
// (api/abatement.hpp).
#include "commands.hpp"
#include "options.hpp"
#include "scenario_request.hpp"

#include "klima/api/abatement.hpp"
#include "klima/horizon.hpp"
#include "klima/report/analysis_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct MaccOptions {
    std::string file;
    std::optional<int> year;
    std::optional<double> discount_pct, budget_dkk;
    std::optional<std::string> targets;
    report::Format format = report::Format::table;
    ScenarioRequestOptions request;
};

int macc(const MaccOptions& o, std::ostream& out) {
    api::AbatementRequest r;
    r.scenario = scenario_request(o.request, o.file);
    r.year = o.year.value_or(kMilestoneYear);
    if (!in_horizon(r.year))
        throw UsageError({"", 0, "--year"}, "year " + std::to_string(r.year) + " is outside " + horizon_text(),
                         "give a projected year, e.g. --year 2030");
    if (o.discount_pct) r.discount_rate = units::ratio(*o.discount_pct / 100.0);
    if (o.budget_dkk) r.budget = units::dkk(*o.budget_dkk);
    r.targets_file = o.targets;
    out << report::render_abatement(api::abatement_cost(r), o.format);
    return 0;
}

}  // namespace

Action define_scenario_macc(CLI::App& command) {
    auto o = std::make_shared<MaccOptions>();
    command.add_option("FILE", o->file, "the scenario file, e.g. scenarios/koege-plan.json")->required();
    add_integer(command, "--year", o->year, "YEAR",
                "the target year: MACC widths and the portfolio (default " + std::to_string(kMilestoneYear) + ")");
    add_number(command, "--discount", o->discount_pct, "PCT",
               "discount rate in % a year (default 3.5, the Finance Ministry's social rate; 0: undiscounted)");
    add_number(command, "--budget", o->budget_dkk, "DKK",
               "the most avoided within this discounted budget, instead of the cheapest portfolio meeting the path");
    add_text(command, "--targets", o->targets, "FILE", "the targets file (default: the one the scenario names)");
    add_format(command, o->format, report::kAbatementFormats,
               "table, json or csv (one row per measure); default table");
    add_scenario_request_options(command, o->request);
    return [o](std::ostream& out) { return macc(*o, out); };
}

}  // namespace klima::cli

#include "scenario_request.hpp"

#include "options.hpp"

#include "klima/horizon.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <set>

namespace klima::cli {

void add_scenario_request_options(CLI::App& command, ScenarioRequestOptions& into) {
    add_data_dir(command, into.data_dir);
    add_allocation(command, into.allocation);
    add_text(command, "--factors", into.factors, "FILE",
             "local factor overrides (CSV: carrier, subsector, years, value, unit, status, source) laid over the "
             "reference factors");
    add_integer(command, "--from-year", into.from_year, "YEAR",
                "the inventory year the projection starts from (default the latest; the base year reproduces the "
                "plan as adopted)");
    add_text(command, "--db", into.db, "PATH",
             "take the activity from this inventory store: each year from the newest version that holds it");
}

api::ScenarioRequest scenario_request(const ScenarioRequestOptions& o, const std::string& scenario_file) {
    api::ScenarioRequest r;
    r.scenario_file = scenario_file;
    r.data_dir = data_dir(o.data_dir);
    r.allocation = o.allocation;
    if (o.from_year && !in_horizon(*o.from_year))
        throw UsageError({"", 0, "--from-year"},
                         "year " + std::to_string(*o.from_year) + " is outside " + horizon_text(),
                         "give an inventory year of the activity data");
    r.from_year = o.from_year;
    r.store = o.db;
    r.factor_overrides = o.factors;
    r.notice = [said = std::make_shared<std::set<std::string>>()](const std::string& text) {
        if (said->insert(text).second) std::cerr << "klima: warning: " << text << "\n";  // once, however many loads
    };
    return r;
}

}  // namespace klima::cli

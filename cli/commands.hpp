// The klima commands. Each define_* declares a command's options on its CLI11 command
// (cli/main.cpp makes one per entry of its table) and returns the action that runs it once
// the command line has been parsed: the action reads the typed options, calls the engine
// and prints to `out`. Errors are thrown as klima::Error and printed by main.
#pragma once

#include <functional>
#include <iosfwd>

namespace CLI {
class App;
}  // namespace CLI

namespace klima::cli {

using Action = std::function<int(std::ostream& out)>;

Action define_inventory(CLI::App& command);
Action define_scenario_run(CLI::App& command);
Action define_scenario_solve(CLI::App& command);
Action define_scenario_macc(CLI::App& command);
Action define_scenario_mc(CLI::App& command);
Action define_report(CLI::App& command);
Action define_impact(CLI::App& command);
Action define_status(CLI::App& command);
Action define_db_import(CLI::App& command);
Action define_db_versions(CLI::App& command);
Action define_db_scenarios(CLI::App& command);
Action define_db_scenario(CLI::App& command);
Action define_db_diff(CLI::App& command);
Action define_db_compare(CLI::App& command);
Action define_db_recalc(CLI::App& command);
Action define_serve(CLI::App& command);
Action define_national(CLI::App& command);
Action define_national_import(CLI::App& command);

}  // namespace klima::cli

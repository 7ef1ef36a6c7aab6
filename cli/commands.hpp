// The klima subcommands. Each takes its arguments (after the command name)
// and the output stream, and returns the exit code; errors are thrown as
// klima::Error and printed by main.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace klima::cli {

using Argv = std::vector<std::string>;

int cmd_inventory(const Argv& args, std::ostream& out);
int cmd_db(const Argv& args, std::ostream& out);
int cmd_scenario(const Argv& args, std::ostream& out);
int cmd_report(const Argv& args, std::ostream& out);

}  // namespace klima::cli

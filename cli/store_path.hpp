// Where the inventory store lives: --db, else $KLIMA_DB, else klima.db in the
// folder that holds `next_to` (the imported file or data directory), else in
// the working directory.
#pragma once

#include <optional>
#include <string>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace klima::cli {

// --db PATH on `command`.
CLI::Option* add_store_option(CLI::App& command, std::optional<std::string>& target);

std::string store_path(const std::optional<std::string>& option, const std::string& next_to = {});

}  // namespace klima::cli

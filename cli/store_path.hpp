// Where the inventory store lives: --db, else $KLIMA_DB, else klima.db in the
// folder that holds `next_to` (the imported file or data directory), else in
// the working directory.
#pragma once

#include "args.hpp"

#include <string>

namespace klima::cli {

std::string store_path(const Args& args, const std::string& next_to = {});

}  // namespace klima::cli

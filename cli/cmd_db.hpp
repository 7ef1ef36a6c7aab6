// The options every `klima db` command shares, for cmd_db.cpp (import, versions) and
// cmd_db_diff.cpp (diff, recalc).
#pragma once

#include "klima/factors.hpp"

#include <optional>
#include <string>

namespace CLI {
class App;
}  // namespace CLI

namespace klima::cli {

struct StoreOptions {
    std::optional<std::string> db, data_dir;
    std::string gwp = kDefaultGwpSet;
};

// --db, --data-dir and, with `gwp`, --gwp on `command`.
void add_store_options(CLI::App& command, StoreOptions& into, bool gwp);

}  // namespace klima::cli

// klima db diff V1 V2 and klima db recalc: compare two versions of the store, and restate
// the current version's inventories; the engine (klima/api/store_versions.hpp) computes and
// renders, this parses the flags and prints.
#include "cmd_db.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "store_path.hpp"

#include "klima/api/store_versions.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/store_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct DiffOptions {
    StoreOptions store;
    std::optional<int> v1, v2;
};

int db_diff(const DiffOptions& o, std::ostream& out) {
    const auto base = io::load_reference_data(data_dir(o.store.data_dir));
    const auto& gwp = checked_gwp(o.store.gwp, base.gwp);
    const auto changes = api::compare_versions(store_path(o.store.db), *o.v1, *o.v2, base, gwp);
    out << report::render_version_diff(changes, *o.v1, *o.v2, gwp);
    return 0;
}

int db_recalc(const StoreOptions& o, std::ostream& out) {
    const auto base = io::load_reference_data(data_dir(o.data_dir));
    const auto& gwp = checked_gwp(o.gwp, base.gwp);
    out << report::render_recalculation(api::recalculate_store(store_path(o.db), base, gwp), gwp);
    return 0;
}

}  // namespace

Action define_db_diff(CLI::App& command) {
    auto o = std::make_shared<DiffOptions>();
    const std::string lists = " (klima db versions lists them)";
    add_integer(command, "V1", o->v1, "V1", "the earlier of the two version numbers to compare" + lists)->required();
    add_integer(command, "V2", o->v2, "V2", "the later of the two version numbers to compare" + lists)->required();
    add_store_options(command, o->store, true);
    return [o](std::ostream& out) { return db_diff(*o, out); };
}

Action define_db_recalc(CLI::App& command) {
    auto o = std::make_shared<StoreOptions>();
    add_store_options(command, *o, true);
    return [o](std::ostream& out) { return db_recalc(*o, out); };
}

}  // namespace klima::cli

// klima db diff V1 V2, klima db compare YEAR1 YEAR2 and klima db recalc: compare two versions
// of the store, two years of one version, and restate the current version's inventories; the engine
// (klima/api/store_versions.hpp) computes and renders, this parses the flags and prints.
#include "cmd_db.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "store_path.hpp"

#include "klima/api/store_versions.hpp"
#include "klima/horizon.hpp"
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
    out << report::render_version_diff(api::compare_store_versions(store_path(o.store.db), *o.v1, *o.v2, base, gwp),
                                       gwp);
    return 0;
}

struct CompareOptions {
    StoreOptions store;
    std::optional<int> y1, y2, version;
};

int db_compare(const CompareOptions& o, std::ostream& out) {
    for (const int year : {*o.y1, *o.y2})
        if (!in_horizon(year))
            throw UsageError({"", 0, "YEAR"}, "year " + std::to_string(year) + " is outside " + horizon_text(),
                             "give two inventory years the store holds, e.g. klima db compare 2017 2023");
    const auto base = io::load_reference_data(data_dir(o.store.data_dir));
    const auto& gwp = checked_gwp(o.store.gwp, base.gwp);
    out << report::render_year_comparison(
        api::compare_store_years(store_path(o.store.db), *o.y1, *o.y2, o.version, base, gwp), gwp);
    return 0;
}

struct RecalcOptions {
    StoreOptions store;
    ChpAllocation allocation = ChpAllocation::declared;
};

int db_recalc(const RecalcOptions& o, bool allocation_given, std::ostream& out) {
    const auto dir = data_dir(o.store.data_dir);
    const auto base = io::load_reference_data(dir);
    const auto& gwp = checked_gwp(o.store.gwp, base.gwp);
    const auto allocation = allocation_given ? std::optional<ChpAllocation>(o.allocation) : std::nullopt;
    out << report::render_recalculation(api::recalculate_store(store_path(o.store.db), base, gwp, dir, allocation),
                                        gwp);
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

Action define_db_compare(CLI::App& command) {
    auto o = std::make_shared<CompareOptions>();
    add_integer(command, "YEAR1", o->y1, "YEAR1", "the earlier inventory year")->required();
    add_integer(command, "YEAR2", o->y2, "YEAR2", "the later inventory year")->required();
    add_integer(command, "--version", o->version, "N",
                "the store version to read both years from (default the current one)");
    add_store_options(command, o->store, true);
    return [o](std::ostream& out) { return db_compare(*o, out); };
}

Action define_db_recalc(CLI::App& command) {
    auto o = std::make_shared<RecalcOptions>();
    add_store_options(command, o->store, true);
    const auto* allocation = add_allocation(command, o->allocation);
    return [o, allocation](std::ostream& out) { return db_recalc(*o, allocation->count() > 0, out); };
}

}  // namespace klima::cli

#include "commands.hpp"
#include "options.hpp"

#include "klima/api/inventory.hpp"
#include "klima/horizon.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/factor_overrides.hpp"
#include "klima/report/inventory_report.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

struct InventoryOptions {
    std::optional<std::string> data, db, title, data_dir, factors;
    std::optional<int> year, version;
    report::Format format = report::Format::table;
    std::string gwp = kDefaultGwpSet;
    ChpAllocation allocation = ChpAllocation::declared;
    io::ActivityReadOptions read;
};

int run_inventory(const InventoryOptions& o, bool allocation_given, std::ostream& out) {
    const auto& db = o.db;
    if (db && o.data)
        throw UsageError({"", 0, "--db"}, "give either --data FILE or --db PATH, not both",
                         "--data reads a file, --db the inventory store");
    if (!db && o.version) throw UsageError({"", 0, "--version"}, "--version needs --db", "write --db PATH --version N");
    if (db && allocation_given)
        throw UsageError({"", 0, "--allocation"}, "--allocation applies to --data, not to --db",
                         "the store records the CHP allocation with each version: choose it with klima db import or "
                         "klima db recalc --allocation");
    if (db && o.factors)
        throw UsageError({"", 0, "--factors"}, "--factors applies to --data, not to --db",
                         "keep overrides in the store: klima db import FILE --overrides --comment TEXT");
    if (!db && !o.data)
        throw UsageError({"", 0, "--data"}, "missing option",
                         "write --data FILE (activity data, .csv or .json), or --db PATH");
    if (!in_horizon(*o.year))
        throw UsageError({"", 0, "--year"}, "year " + std::to_string(*o.year) + " is outside " + horizon_text(),
                         "give the year of an inventory, e.g. --year 2017");
    auto base = io::load_reference_data(data_dir(o.data_dir), o.allocation);
    if (o.factors) io::apply_factor_overrides(base, io::load_factor_overrides(*o.factors, base));
    api::InventoryRequest request;
    request.year = *o.year;
    request.gwp_set = checked_gwp(o.gwp, base.gwp);
    request.activity_file = o.data;
    request.read = o.read;
    request.store = db;
    request.version = o.version;
    request.stream = true;  // a CSV file's lines are made twice rather than held: bounded memory
    const auto outcome = api::inventory(request, std::move(base));
    // The table and JSON say the CHP allocation once: from a file the one asked, from the store
    // the one recorded with the version (in CSV every el and district-heat source says it).
    report::InventoryOutput how{o.format, o.title.value_or(outcome.title), true, outcome.inhabitants, "--format json"};
    report::write_inventory(out, outcome.inventory, api::inventory_lines(request, outcome), outcome.ref,
                            how);  // streamed: rows are written as they are produced
    return 0;
}

}  // namespace

Action define_inventory(CLI::App& command) {
    auto o = std::make_shared<InventoryOptions>();
    add_text(command, "--data", o->data, "FILE", "activity data, .csv, .xlsx or .json (or give --db)");
    add_text(command, "--db", o->db, "PATH", "read activity and factors from this inventory store instead");
    add_integer(command, "--version", o->version, "N",
                "the store version to read (with --db; default the current one)");
    add_integer(command, "--year", o->year, "YEAR", "the year of the inventory, e.g. 2017")->required();
    add_format(command, o->format, report::kInventoryFormats,
               "table, json (every line with its factor and source) or csv (one row per line and gas); default table");
    add_gwp(command, o->gwp);
    add_data_dir(command, o->data_dir);
    add_text(command, "--title", o->title, "TEXT", "title of the output (default the municipality or store version)");
    const auto* allocation = add_allocation(command, o->allocation);
    add_text(command, "--factors", o->factors, "FILE",
             "local factor overrides (CSV: carrier, subsector, years, value, unit, status, source) laid over the "
             "reference factors");
    add_read_options(command, o->read);
    return [o, allocation](std::ostream& out) { return run_inventory(*o, allocation->count() > 0, out); };
}

}  // namespace klima::cli

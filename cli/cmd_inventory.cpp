#include "allocation.hpp"
#include "args.hpp"
#include "commands.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/store.hpp"
#include "klima/version_diff.hpp"

#include <filesystem>
#include <ostream>

namespace klima::cli {
namespace {

// The activity and factors of one store version (the current one by default).
struct FromStore {
    ActivitySet records;
    ReferenceData ref;
    std::string title;
};

FromStore read_store(const Args& args, const std::string& db_path, ReferenceData base) {
    const store::Store db(db_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    store::Version v;
    if (const auto n = args.get("--version")) {
        v = db.version(args.require_int("--version", "N"));
    } else {
        const auto cur = db.current();
        if (!cur) throw Error({db_path, 0, ""}, "the store holds no versions", "import data with klima db import");
        v = *cur;
    }
    return {db.activity(v), store::with_factors(base, db.factors(v)),
            std::filesystem::path(db_path).filename().string() + " version " + std::to_string(v.id)};
}

}  // namespace

int cmd_inventory(const Argv& argv, std::ostream& out) {
    const Args args(argv, {"--data", "--db", "--version", "--year", "--format", "--gwp", "--data-dir", "--title",
                           "--allocation", kCsvDialectOption, kSheetOption});
    const auto format = report::parse_format(args.get_or("--format", "table"));
    const auto db = args.get("--db");
    if (db && args.get("--data"))
        throw UsageError({"", 0, "--db"}, "give either --data FILE or --db PATH, not both",
                    "--data reads a file, --db the inventory store");
    if (!db && args.get("--version"))
        throw UsageError({"", 0, "--version"}, "--version needs --db", "write --db PATH --version N");
    if (db && args.get("--allocation"))
        throw UsageError({"", 0, "--allocation"}, "--allocation applies to --data, not to --db",
                    "the store keeps the factors it was imported with; their sources say which CHP allocation");
    const auto path = db ? *db : args.require("--data", "FILE (activity data, .csv or .json), or --db PATH");
    const int year = args.require_int("--year", "YEAR");
    const auto allocation = chp_allocation(args);
    auto base = io::load_reference_data(data_dir(args), allocation);
    const auto gwp = gwp_option(args, base.gwp);
    FromStore in;
    if (db) {
        in = read_store(args, *db, std::move(base));
    } else {
        auto read = activity_read_options(args);
        read.year = year;  // every row is read and checked; only this year's are kept
        in.records = io::load_activity(path, &base, read);
        in.ref = std::move(base);
        in.title = io::municipality_name(path);
    }
    InventoryResult inv;
    try {
        inv = compute_inventory(std::move(in.records), year, in.ref, gwp);  // lines take the records
    } catch (const Error& e) {
        throw e.located({path, 0, ""});
    }
    // From the store the factors are the stored ones, whose sources name their set; from a
    // file the table and JSON say the set once (in CSV every el and district-heat source says it).
    report::InventoryOutput how{format, args.get_or("--title", in.title), std::nullopt};
    if (!db) how.allocation = allocation;
    report::write_inventory(out, inv, in.ref, how);  // streamed: rows are written as they are produced
    return 0;
}

}  // namespace klima::cli

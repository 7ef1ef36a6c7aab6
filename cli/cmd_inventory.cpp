#include "allocation.hpp"
#include "commands.hpp"
#include "options.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <ostream>

namespace klima::cli {
namespace {

// The activity and factors of one store version (the current one by default).
struct FromStore {
    ActivitySet records;
    ReferenceData ref;
    std::string title;
};

FromStore read_store(const std::string& db_path, const std::optional<int>& version, ReferenceData base) {
    const store::Store db(db_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    store::Version v;
    if (version) {
        v = db.version(*version);
    } else {
        const auto cur = db.current();
        if (!cur)
            throw Error({db_path, 0, ""}, "the store holds no versions", "import data into it first")
                .about(Subject::store_contents);
        v = *cur;
    }
    return {db.activity(v), store::with_factors(base, db.factors(v)),
            std::filesystem::path(db_path).filename().string() + " version " + std::to_string(v.id)};
}

nlohmann::json property_json(const FuelProperty& p) {
    return {{"value", p.written},
            {"unit", p.unit},
            {"status", p.status},
            {"years", std::to_string(p.year_from) + "-" + std::to_string(p.year_to)},
            {"source", p.source},
            {"origin", klima::to_string(p.origin)}};
}

// Each line that turned a volume or mass of fuel into energy gets its
// "conversion": the heating value (and density) used, with status and source.
// (Here until the JSON renderer in engine/src/report writes it itself.)
std::string with_conversions(const std::string& rendered, const InventoryResult& inv) {
    auto j = nlohmann::json::parse(rendered);
    for (std::size_t i = 0; i < inv.lines.size(); ++i) {
        const auto& c = inv.lines[i].conversion;
        if (!c) continue;
        nlohmann::json conv{{"formula", c->formula()},
                            {"unit", c->unit},
                            {"energy_gj", units::in_gj(c->energy)},
                            {"heating_value", property_json(*c->heating_value)}};
        if (c->density) conv["density"] = property_json(*c->density);
        j["lines"][i]["conversion"] = std::move(conv);
    }
    return j.dump(2) + "\n";
}

struct InventoryOptions {
    std::optional<std::string> data, db, title, data_dir;
    std::optional<int> year, version;
    report::Format format = report::Format::table;
    std::string gwp = "AR5";
    ChpAllocation allocation = ChpAllocation::declared;
    io::ActivityReadOptions read;
};

int run_inventory(const InventoryOptions& o, bool allocation_given, std::ostream& out) {
    const auto& db = o.db;
    if (db && o.data)
        throw UsageError({"", 0, "--db"}, "give either --data FILE or --db PATH, not both",
                         "--data reads a file, --db the inventory store");
    if (!db && o.version)
        throw UsageError({"", 0, "--version"}, "--version needs --db", "write --db PATH --version N");
    if (db && allocation_given)
        throw UsageError({"", 0, "--allocation"}, "--allocation applies to --data, not to --db",
                         "the store keeps the factors it was imported with; their sources say which CHP allocation");
    if (!db && !o.data)
        throw UsageError({"", 0, "--data"}, "missing option", "write --data FILE (activity data, .csv or .json), or --db PATH");
    const auto& path = db ? *db : *o.data;
    const int year = *o.year;
    auto base = io::load_reference_data(data_dir(o.data_dir), o.allocation);
    const auto& gwp = checked_gwp(o.gwp, base.gwp);
    FromStore in;
    if (db) {
        in = read_store(*db, o.version, std::move(base));
    } else {
        in.records = io::load_activity(path, &base, o.read);
        in.ref = std::move(base);
        in.title = io::municipality_name(path);
    }
    InventoryResult inv;
    try {
        inv = compute_inventory(in.records, year, in.ref, gwp);
    } catch (const Error& e) {
        throw e.located({path, 0, ""});
    }
    const auto format = o.format;
    auto text = report::render_inventory(inv, in.ref, format, o.title.value_or(in.title));
    if (format == report::Format::json) text = with_conversions(text, inv);
    // From the store the factors are the stored ones, whose sources name their set; from a
    // file the table and JSON say the set once (in CSV every el and district-heat source says it).
    if (!db && format == report::Format::table) text = note_allocation(std::move(text), NoteForm::text, o.allocation);
    if (!db && format == report::Format::json) text = note_allocation(std::move(text), NoteForm::json, o.allocation);
    out << text;
    return 0;
}

}  // namespace

Action define_inventory(CLI::App& command) {
    auto o = std::make_shared<InventoryOptions>();
    add_text(command, "--data", o->data, "FILE", "activity data, .csv, .xlsx or .json (or give --db)");
    add_text(command, "--db", o->db, "PATH", "read activity and factors from this inventory store instead");
    add_integer(command, "--version", o->version, "N", "the store version to read (with --db; default the current one)");
    add_integer(command, "--year", o->year, "YEAR", "the year of the inventory, e.g. 2017")->required();
    add_format(command, o->format,
               "table, json (every line with its factor and source) or csv (one row per line and gas); default table");
    add_gwp(command, o->gwp);
    add_data_dir(command, o->data_dir);
    add_text(command, "--title", o->title, "TEXT", "title of the output (default the municipality or store version)");
    const auto* allocation = add_allocation(command, o->allocation);
    add_read_options(command, o->read);
    return [o, allocation](std::ostream& out) { return run_inventory(*o, allocation->count() > 0, out); };
}

}  // namespace klima::cli

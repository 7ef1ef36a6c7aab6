// klima db import and klima db versions: the inventory store. Parses the flags, calls the
// engine's store-import facade or reads the versions, prints the outcome.
#include "cmd_db.hpp"
#include "commands.hpp"
#include "options.hpp"
#include "store_path.hpp"

#include "klima/api/store_import.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/store_report.hpp"
#include "klima/store/store.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace klima::cli {

void add_store_options(CLI::App& command, StoreOptions& into, bool gwp) {
    add_store_option(command, into.db);
    add_data_dir(command, into.data_dir);
    if (gwp) add_gwp(command, into.gwp);
}

namespace {

struct ImportOptions {
    StoreOptions store;
    std::string file, comment;
    io::ActivityReadOptions read;
    ChpAllocation allocation = ChpAllocation::declared;
    bool overrides = false;
    bool status = false;
    std::optional<std::string> national;  // a kommunekode: FILE is data/national/
};

int db_import(const ImportOptions& o, bool allocation_given, std::ostream& out) {
    const auto dir = data_dir(o.store.data_dir);
    const auto ref = io::load_reference_data(dir);
    api::StoreImportRequest request{store_path(o.store.db, o.file),
                                    o.file,
                                    o.comment,
                                    o.read,
                                    dir,
                                    std::nullopt,
                                    o.overrides,
                                    o.status,
                                    std::nullopt};
    if (allocation_given) request.allocation = o.allocation;
    if (o.national) {
        if (o.national->empty())
            throw UsageError({"", 0, "--national"}, "--national needs a municipality code",
                             "write --national CODE, the kommunekode of data/national/municipalities.csv, e.g. 0265");
        request.national_code = *o.national;
    }
    const auto r = api::import_into_store(request, ref);
    if (r.bundled_version) out << "recorded the factor set of " << dir << " as version " << *r.bundled_version << "\n";
    if (r.outcome.already_stored) {
        out << "already stored as version " << r.outcome.version << "; nothing written to " << r.store_path << "\n";
        return 0;
    }
    const char* what = r.kind == store::VersionKind::activity ? "activity rows"
                       : r.kind == store::VersionKind::status ? "action statuses"
                       : r.overrides                          ? "factor overrides"
                                                              : "emission factors";
    out << "stored " << r.rows << " " << what << " as version " << r.outcome.version << " in " << r.store_path << "\n";
    if (r.kind == store::VersionKind::activity || r.kind == store::VersionKind::status) {
        const store::Store db(r.store_path, store::Open::read_only);
        const auto years = r.kind == store::VersionKind::activity ? db.years_imported(r.outcome.version)
                                                                  : db.status_years_imported(r.outcome.version);
        out << (r.kind == store::VersionKind::status ? "status years revised: " : "years revised: ");
        for (std::size_t i = 0; i < years.size(); ++i) out << (i ? ", " : "") << years[i];
        out << "; every other year stays as it was\n";
    }
    out << report::allocation_line(r.allocation);
    return 0;
}

}  // namespace

Action define_db_import(CLI::App& command) {
    auto o = std::make_shared<ImportOptions>();
    command
        .add_option("FILE", o->file,
                    "an activity file (.csv, .json, .xlsx), a factor CSV (it has a gas column), a data directory "
                    "(its emission factors), or with --status the actions' status")
        ->required();
    command.add_option("--comment", o->comment, "why this import; kept with the version")
        ->required()
        ->type_name("TEXT");
    add_store_options(command, o->store, false);
    add_read_options(command, o->read);
    command.add_flag("--overrides", o->overrides,
                     "FILE is a CSV of local factor overrides (carrier, subsector, years, value, unit, status, "
                     "source), laid over the store's factor set");
    command.add_flag("--status", o->status,
                     "FILE is the yearly status of a plan's actions (.csv, .xlsx or .json; docs/status.md), kept "
                     "as a version revising the years it holds");
    add_text(command, "--national", o->national, "CODE",
             "FILE is a national directory (data/national/): import this municipality's sector totals "
             "of the Energi- og CO2-regnskab as an activity version");
    const auto* allocation = add_allocation(command, o->allocation);
    return [o, allocation](std::ostream& out) { return db_import(*o, allocation->count() > 0, out); };
}

Action define_db_versions(CLI::App& command) {
    auto o = std::make_shared<StoreOptions>();
    add_store_options(command, *o, false);  // --data-dir is read by no version list, but every db command takes it
    return [o](std::ostream& out) {
        const store::Store db(store_path(o->db), store::Open::read_only);
        out << report::render_versions(db.versions(), db.path());
        return 0;
    };
}

}  // namespace klima::cli

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
};

int db_import(const ImportOptions& o, std::ostream& out) {
    const auto ref = io::load_reference_data(data_dir(o.store.data_dir));
    const auto r = api::import_into_store({store_path(o.store.db, o.file), o.file, o.comment, o.read}, ref);
    if (r.outcome.already_stored) {
        out << "already stored as version " << r.outcome.version << "; nothing written to " << r.store_path << "\n";
        return 0;
    }
    out << "stored " << r.rows << " " << (r.kind == store::VersionKind::activity ? "activity rows" : "emission factors")
        << " as version " << r.outcome.version << " in " << r.store_path << "\n";
    return 0;
}

}  // namespace

Action define_db_import(CLI::App& command) {
    auto o = std::make_shared<ImportOptions>();
    command
        .add_option("FILE", o->file,
                    "an activity file (.csv, .json, .xlsx), a factor CSV (it has a gas column) or a data directory "
                    "(its emission factors)")
        ->required();
    command.add_option("--comment", o->comment, "why this import; kept with the version")
        ->required()
        ->type_name("TEXT");
    add_store_options(command, o->store, false);
    add_read_options(command, o->read);
    return [o](std::ostream& out) { return db_import(*o, out); };
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

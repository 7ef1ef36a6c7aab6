// Importing one file into the inventory store: the one use that the CLI (klima db import)
// and the web server share. Decides what the file is (activity data, a factor CSV, a data
// directory of factor files, or local factor overrides), what its SHA-256 covers, checks it
// against the reference data and writes it as a new version. Knows nothing of flags or of
// where a store lives by default.
#pragma once

#include "klima/io/data_files.hpp"
#include "klima/reference_data.hpp"
#include "klima/store/store.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace klima::api {

struct StoreImportRequest {
    std::string store_path;  // the store to write; created when absent, and only once the file has passed its checks
    // An activity file (.csv, .json, .xlsx), a factor CSV (told apart by its "gas" column),
    // or a data directory (its emission factor files, data/factors/*.csv).
    std::string file;
    std::string comment;           // why this import; kept with the version
    io::ActivityReadOptions read;  // CSV dialect and .xlsx sheet of an activity file
    // The data directory whose factor set is recorded as a version when an activity or overrides
    // import finds the store without one (so that no version is ever without factors); empty:
    // none is recorded.
    std::string data_dir;
    // The CHP allocation: which rows a factor import keeps; for an activity or overrides import,
    // the one the store's factor set must be for (nullopt: whatever it is; declared for a new store).
    std::optional<ChpAllocation> allocation;
    bool overrides = false;  // `file` is a CSV of local factor overrides (io/factor_overrides.hpp)
    // `file` is the yearly status of a plan's actions (.csv, .xlsx or .json; io/status_file.hpp):
    // a status version revising the years the file holds. Checked as a file alone; whether its
    // actions are the scenario's is checked when klima status reads it.
    bool status = false;
    // `file` is a national directory (data/national/) and this municipality's sector totals are
    // imported as an activity version (national/national_history.hpp), the vintage named in the
    // version's comment; nullopt: `file` is what it is.
    std::optional<std::string> national_code;
};

struct StoreImportResult {
    store::VersionKind kind = store::VersionKind::activity;
    bool overrides = false;        // a version of local factor overrides
    std::size_t rows = 0;          // activity rows, emission factors or action statuses the file holds
    store::ImportOutcome outcome;  // the version, and whether identical content was stored before
    std::string store_path;        // the store written (or left unchanged)
    ChpAllocation allocation = ChpAllocation::declared;  // recorded with the version
    // The version that recorded the factor set of `data_dir` before this import, if one was needed.
    std::optional<int> bundled_version;
};

// `reference`: taxonomy and carriers the file's rows are checked against.
// Throws klima::Error: input for a bad file (naming file, line or field) or an allocation the
// store's factor set was not read for, io when it cannot be read, store when the store cannot be
// opened or written. A refused import writes nothing and creates no store. Safe to call
// concurrently for different stores; for one store, imports are serialised by the store's own
// transactions.
StoreImportResult import_into_store(const StoreImportRequest& request, const ReferenceData& reference);

// Makes sure the current version of `db` has a factor set read for `allocation` (nullopt: any):
// records the factor set of `data_dir` when the store has none, or when the current set is that
// of `data_dir` read for another allocation; returns the version recorded, if any. Throws
// klima::Error (input) when the current set is another file read for another allocation.
std::optional<int> ensure_factor_set(store::Store& db, const std::string& data_dir,
                                     std::optional<ChpAllocation> allocation);

// The SHA-256 a data directory's factor import is stored under: of each factor file's name,
// length and bytes in name order, and for an allocation other than declared, its name.
std::string factor_dir_sha256(const std::string& data_dir, ChpAllocation allocation);

}  // namespace klima::api

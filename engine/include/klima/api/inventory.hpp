// The engine's facade for one year's inventory, from an activity file or from
// a version of the inventory store: what `klima inventory` and the coming web
// server both call. The caller loads the reference data once
// (io::load_reference_data) and may keep it across requests. Knows nothing of
// command-line flags.
#pragma once

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/reference_data.hpp"
#include "klima/report/inventory_report.hpp"

#include <optional>
#include <string>

namespace klima::api {

struct InventoryRequest {
    int year = 0;
    std::string gwp_set = kDefaultGwpSet;  // a set of the reference data (the caller checks the name)
    // Exactly one source: an activity file (.csv, .xlsx, .json), or a store
    // with an optional version (default the current one).
    std::optional<std::string> activity_file;
    io::ActivityReadOptions read;  // for the file; only `year`'s records are kept
    std::optional<std::string> store;
    std::optional<int> version;
    // From a CSV file or a store, hold no lines: the outcome has the totals,
    // and inventory_lines reads the file or the store version's rows again to
    // give the lines one by one, so that a year of any size takes bounded
    // memory. Other sources (.xlsx, .json, a sheet) hold them.
    bool stream = false;
};

struct InventoryOutcome {
    ReferenceData ref;  // what the inventory used: the store version's factors when read from a store
    InventoryResult inventory;
    std::string title;  // the municipality's name, or "klima.db version 3"
    bool from_store = false;
    // The year's population from drivers.csv beside the activity file, when
    // it has that year: for the per-inhabitant totals. None from a store.
    std::optional<report::Inhabitants> inhabitants;
    // The lines were not held (InventoryRequest::stream): inventory.lines is empty.
    bool streamed = false;
    // The store version read, when from_store: a streamed outcome's lines are read from it again.
    std::optional<int> store_version;
};

// Throws klima::Error naming the file or store at fault (kind input, io or store).
InventoryOutcome inventory(const InventoryRequest& request, ReferenceData base);

// The outcome's lines in order: those it holds, or, when it was streamed,
// made again from the request's file or store version (read and computed a
// second time, one line at a time, in a read snapshot of its own; a version's
// rows never change). `request` and `outcome` must outlive the function.
// Throws as `inventory` does should the file have changed in between.
InventoryLines inventory_lines(const InventoryRequest& request, const InventoryOutcome& outcome);

}  // namespace klima::api

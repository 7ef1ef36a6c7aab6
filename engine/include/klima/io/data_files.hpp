// Reading klima's data files (CSV and JSON) into engine types. This is the
// only place that knows the column names and JSON keys of those files.
#pragma once

#include "klima/horizon.hpp"

#include "klima/activity.hpp"
#include "klima/io/csv_dialect.hpp"
#include "klima/reference_data.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace klima::io {

// data_dir/taxonomy/sectors.csv, data_dir/factors/carriers.csv, every other
// data_dir/factors/*.csv as emission factors, data_dir/gwp.csv, and
// data_dir/factors/fuel_properties.csv when there is one. Factor rows that
// name CHP allocation sets are kept only when `allocation` is one of them.
ReferenceData load_reference_data(const std::string& data_dir, ChpAllocation allocation = ChpAllocation::declared);
// The emission-factor files of a data directory, sorted: data_dir/factors/*.csv
// but carriers.csv and fuel_properties.csv.
std::vector<std::string> factor_files(const std::string& data_dir);
inline constexpr const char* kFuelPropertiesFile = "fuel_properties.csv";

Taxonomy load_taxonomy(const std::string& path);
CarrierTable load_carriers(const std::string& path);
// A row whose optional `allocation` column names sets (space-separated: declared, 125,
// 200, energy) is read only for those sets, and its source then says which set it is;
// an empty cell means every set.
void load_factors(const std::string& path, FactorLibrary& into, ChpAllocation allocation = ChpAllocation::declared);
GwpTable load_gwp(const std::string& path);
// carrier,property,value,unit,year_from,year_to,status,source; property lhv or density.
void load_fuel_properties(const std::string& path, FuelProperties& into);

// How to read an activity file; the command line fills it in.
struct ActivityReadOptions {
    std::optional<CsvDialect> csv_dialect;  // detected from the text when absent
    std::string sheet;                      // the .xlsx sheet to read; the first when empty
    // Keep only this year's records. Every row of the file is still read and
    // checked, with the same errors; none left means an error listing the years
    // present. From a CSV file the other years' rows are never held in memory.
    std::optional<int> year;
};

// Activity data from a .csv, .xlsx or .json file (by extension). Rows are checked
// for form here (numbers, units, years, finite amounts, no duplicate rows:
// check_no_duplicates); against the taxonomy by ReferenceData::validate,
// which load_activity also runs when `ref` is given.
ActivitySet load_activity(const std::string& path, const ReferenceData* ref = nullptr,
                          const ActivityReadOptions& options = {});
// The records of `year` of a CSV activity file given to `sink` one by one, in
// the order load_activity returns them (the file's rows, then the copies that
// add_counted_subsectors appends), with none held: the file is mapped and its
// pages given back as it goes; every other row is kept as a 64-bit hash of its
// key only. Checks as load_activity with `ref` does, with the same errors in
// the same order; a klima::Error thrown by `sink` is held, `sink` is not called
// again, and the error is thrown once the file's own checks have passed.
// Returns false when the file is not streamed: not a .csv, empty or not
// mappable, or two rows' keys hash alike (a duplicate, or by chance), perhaps
// after `sink` was called; the caller then drops what `sink` made and calls
// load_activity, which names a duplicate's two rows.
using ActivitySink = std::function<void(ActivityRecord&&)>;
bool stream_activity(const std::string& path, const ReferenceData& ref, int year, std::optional<CsvDialect> dialect,
                     const ActivitySink& sink);
ActivitySet parse_activity_csv(std::string_view text, const std::string& name,
                               std::optional<CsvDialect> dialect = std::nullopt);
ActivitySet parse_activity_json(std::string_view text, const std::string& name);
// The sheet named `sheet` (the first when empty) of an .xlsx workbook's bytes.
ActivitySet parse_activity_xlsx(std::string_view bytes, const std::string& name, const std::string& sheet = {});

// The municipality's display name from municipality.json beside an activity
// file ({"name": "Køge Kommune", ...}); the folder name when there is none.
std::string municipality_name(const std::string& activity_path);

}  // namespace klima::io

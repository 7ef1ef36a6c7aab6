// Local emission-factor overrides: a small CSV a municipality keeps beside the reference data
// (its district-heating company's declaration, the gas distributor's yearly factor) instead of
// a copy of all of data/. Read here, checked against the reference data's carriers and
// taxonomy, and laid over its factors by FactorLibrary::lay_over. Knows nothing of flags or
// of the store.
//
// Columns: carrier, year_from, year_to, value, unit, status, source (required); subsector
// (empty: every subsector of the carrier) and gas (empty or absent: CO2e) optional. An override
// replaces, for its carrier, subsector and years, the reference rows of its gas; one of CO2e
// replaces those of every gas (a declared total).
#pragma once

#include "klima/io/csv_dialect.hpp"
#include "klima/reference_data.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace klima::io {

// Throws klima::Error (kind input) naming the file, line and column of the first bad cell and
// the fix: an unknown carrier or subsector, a unit that is not a factor unit, a year outside the
// horizon or year_from after year_to, a status other than official / derived / illustrative, an
// empty source, two overrides of the same carrier, subsector and gas in one year, no rows.
FactorLibrary load_factor_overrides(const std::string& path, const ReferenceData& ref,
                                    std::optional<CsvDialect> dialect = std::nullopt);
FactorLibrary parse_factor_overrides(std::string_view text, const std::string& name, const ReferenceData& ref,
                                     std::optional<CsvDialect> dialect = std::nullopt);

// `ref` with `overrides` laid over its factors (FactorLibrary::lay_over).
void apply_factor_overrides(ReferenceData& ref, const FactorLibrary& overrides);

}  // namespace klima::io

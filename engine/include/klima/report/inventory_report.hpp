// Rendering an inventory for people (table) and for programs (CSV, JSON).
// Outputs are streamed: rows go to the output stream as they are produced, so
// that an inventory of any size costs the memory of one small buffer.
#pragma once

#include "klima/factors.hpp"
#include "klima/inventory.hpp"
#include "klima/report/format.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace klima::report {

// The municipality's inhabitants in the inventory year, with where the number
// comes from: per-inhabitant totals are printed only with it.
struct Inhabitants {
    units::Count count;
    std::string source;  // the drivers file's source cell
    Location origin;     // drivers.csv and its line
};

struct InventoryOutput {
    Format format = Format::table;
    std::string title;
    // Whether the output names the CHP allocation set its electricity and
    // district-heat factors were loaded with (the reference data's
    // `allocation`): the table in a closing line, JSON in a top-level
    // "chp_allocation" object (in CSV each such factor's source says it already).
    bool name_allocation = false;
    // When set, totals are also given per inhabitant (table, JSON).
    std::optional<Inhabitants> inhabitants;
    // How the front end's user gets every line with its factor and source (the
    // CLI: "--format json"): the table's closing lines point there. Empty: no pointer.
    std::string detail_hint;
};

// What the officer reports beside the totals (docs/reports.md): each sector's
// share of the territorial total excluding LULUCF (LULUCF removals show as a
// negative share; sectors reported apart have none), and the tonnes of the
// territorial total incl. LULUCF that rest on factors of each status.
struct InventoryFigures {
    std::map<std::string, double> share_pct;  // sector code → % of the territorial total excl. LULUCF
    units::Mass illustrative_co2e, derived_co2e;
    double illustrative_pct = 0.0, derived_pct = 0.0;   // of the territorial total incl. LULUCF
    int illustrative_factors = 0, derived_factors = 0;  // gas lines using such a factor
};
InventoryFigures inventory_figures(const InventoryResult& inv, const ReferenceData& ref);

// The formats write_inventory and render_inventory make.
inline constexpr std::array kInventoryFormats{Format::table, Format::json, Format::csv};

// Writes `inv` to `out` as it goes: JSON lines carry their factors, sources and
// any fuel conversion (heating value, density). Throws klima::Error of kind io
// when `out` fails; what was written before stays written (a file that must
// stay whole is written with io::write_file_atomically). A format outside
// kInventoryFormats throws Error (usage) before anything is written.
void write_inventory(std::ostream& out, const InventoryResult& inv, const ReferenceData& ref,
                     const InventoryOutput& how);
// The same with the lines given by `lines` rather than held in `inv` (a
// streamed inventory, whose `inv` holds the totals only): each line is
// written as `lines` gives it, and none is kept. The table has no lines and
// does not call it.
void write_inventory(std::ostream& out, const InventoryResult& inv, const InventoryLines& lines,
                     const ReferenceData& ref, const InventoryOutput& how);

// The same output as one string.
std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, const InventoryOutput& how);
inline std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, Format format,
                                    const std::string& title) {
    return render_inventory(inv, ref, InventoryOutput{format, title, false, std::nullopt, {}});
}

}  // namespace klima::report

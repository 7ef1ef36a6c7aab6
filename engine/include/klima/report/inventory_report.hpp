// Rendering an inventory for people (table) and for programs (CSV, JSON).
// Outputs are streamed: rows go to the output stream as they are produced, so
// that an inventory of any size costs the memory of one small buffer.
#pragma once

#include "klima/factors.hpp"
#include "klima/inventory.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace klima::report {

enum class Format { table, json, csv };

struct InventoryOutput {
    Format format = Format::table;
    std::string title;
    // When set, the output names the CHP allocation set its electricity and
    // district-heat factors were loaded with: the table in a closing line, JSON
    // in a top-level "chp_allocation" object (in CSV each such factor's source
    // says it already).
    std::optional<ChpAllocation> allocation;
};

// Writes `inv` to `out` as it goes: JSON lines carry their factors, sources and
// any fuel conversion (heating value, density). Throws klima::Error of kind io
// when `out` fails; what was written before stays written (a file that must
// stay whole is written with io::write_file_atomically).
void write_inventory(std::ostream& out, const InventoryResult& inv, const ReferenceData& ref,
                     const InventoryOutput& how);

// The same output as one string.
std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, const InventoryOutput& how);
inline std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, Format format,
                                    const std::string& title) {
    return render_inventory(inv, ref, InventoryOutput{format, title, std::nullopt});
}

}  // namespace klima::report

// The inventory as JSON (private to engine/src/report): every line with its
// factors, sources and any fuel conversion, written as it goes.
#pragma once

#include "output_buffer.hpp"

#include "klima/report/inventory_report.hpp"

namespace klima::report {

void write_json(OutputBuffer& out, const InventoryResult& inv, const InventoryLines& lines, const ReferenceData& ref,
                const InventoryOutput& how);

}  // namespace klima::report

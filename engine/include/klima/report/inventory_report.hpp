// Rendering an inventory for people (table) and for programs (CSV, JSON).
#pragma once

#include "klima/inventory.hpp"

#include <string>
#include <string_view>

namespace klima::report {

enum class Format { table, json, csv };

std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, Format format,
                             const std::string& title);

}  // namespace klima::report

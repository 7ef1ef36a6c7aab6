// The inventory as a table and as CSV, streamed row by row; JSON is in
// inventory_json.cpp.
#include "klima/report/inventory_report.hpp"

#include "inventory_json.hpp"
#include "output_buffer.hpp"
#include "text.hpp"

#include <set>
#include <sstream>

namespace klima::report {
namespace {

using text::append_csv_field;
using text::append_fixed;
using text::fixed;
using text::pad;
using units::in_tonnes;

void table_row(std::string& out, const std::string& label, const Total& t) {
    out += pad(label, 34, false);
    for (Gas g : kAllGases) out += pad(fixed(in_tonnes(t.gas_co2e[static_cast<int>(g)])), 12);
    out += pad(fixed(in_tonnes(t.co2e)), 13);
    out += pad(t.missing ? std::to_string(t.missing) : "", 9);
    out += '\n';
}

void write_table(OutputBuffer& buf, const InventoryResult& inv, const ReferenceData& ref, const InventoryOutput& how) {
    std::string& out = buf.text();
    out += how.title + " — inventory " + std::to_string(inv.year) + ", t CO2e (GWP-100 " + inv.gwp_set + ")\n\n";
    std::string head = pad("Sector / subsector", 34, false);
    for (Gas g : kAllGases) head += pad(std::string(to_string(g)) + (g == Gas::CO2e ? "*" : ""), 12);
    head += pad("Total", 13) + pad("missing", 9);
    const std::string rule(head.size(), '-');
    out += head + "\n" + rule + "\n";
    std::set<std::string> overridden;  // "sector/subsector" where a local override was applied
    int overrides = 0;
    for (const auto& l : inv.lines)
        for (const auto& g : l.gases)
            if (g.factor->override_layer) {
                overridden.insert(l.record.sector + "/" + l.record.subsector);
                ++overrides;
            }
    for (const auto& sector : ref.taxonomy.sectors()) {
        const auto it = inv.by_sector.find(sector);
        if (it == inv.by_sector.end()) continue;
        table_row(out, text::sector_label(ref.taxonomy, sector), it->second);
        for (const auto& s : ref.taxonomy.subsectors()) {
            if (s.sector != sector) continue;
            const auto sub = inv.by_subsector.find(sector + "/" + s.code);
            if (sub != inv.by_subsector.end())
                table_row(out, "  " + s.name_da + (overridden.count(sub->first) ? " [override]" : ""), sub->second);
        }
        buf.maybe_flush();
    }
    out += rule + "\n";
    table_row(out, "Territorial total incl. LULUCF", inv.territorial);
    table_row(out, "Territorial total excl. LULUCF", inv.territorial_excl_lulucf);
    table_row(out, "Reported apart (construction)", inv.reported_apart);
    int illustrative = 0, derived = 0;
    for (const auto& l : inv.lines)
        for (const auto& g : l.gases) {
            illustrative += g.factor->status() == FactorStatus::illustrative;
            derived += g.factor->status() == FactorStatus::derived;
        }
    out += "\n* factors published only as CO2-equivalent (e.g. F-gases, some grid factors).\n";
    out += std::to_string(inv.missing_cells()) +
           " activity value(s) missing: not included in the totals above, not zero.\n";
    out += std::to_string(illustrative) + " of the factors applied are labelled illustrative and " +
           std::to_string(derived) + " derived (interpolated or carried forward); see --format json for each source.\n";
    if (overrides > 0)
        out += std::to_string(overrides) +
               " of the factors applied are local overrides (rows marked [override]; see --format json for each).\n";
    if (how.allocation)
        out += "CHP allocation: " + std::string(to_string(*how.allocation)) + " — " +
               std::string(describe(*how.allocation)) + ".\n";
}

void write_csv(OutputBuffer& buf, const InventoryResult& inv) {
    std::string& out = buf.text();
    out +=
        "year,sector,subsector,carrier,quantity,unit,gas,factor,factor_unit,factor_status,gwp,t_gas,t_co2e,"
        "activity_source,factor_source\n";
    std::string prefix;
    for (const auto& l : inv.lines) {
        const auto& r = l.record;
        prefix.clear();
        prefix.append(std::to_string(r.year)).append(",").append(r.sector).append(",").append(r.subsector);
        prefix.append(",").append(r.carrier).append(",");
        if (l.missing()) {
            out += prefix;
            out += ",,,,,,,,missing,";
            append_csv_field(out, r.source);
            out += ",\n";
            buf.maybe_flush();
            continue;
        }
        const auto kind = units::kind_of(*r.amount);
        for (const auto& g : l.gases) {
            out += prefix;
            append_fixed(out, units::display_value(*r.amount), 3);
            out.append(",").append(units::display_unit(kind)).append(",").append(to_string(g.gas)).append(",");
            append_fixed(out, units::display_factor_value(g.factor->value), 6);
            out.append(",").append(units::display_factor_unit(kind)).append(",");
            out.append(to_string(g.factor->status())).append(g.factor->override_layer ? " override," : ",");
            out.append(text::general(g.gwp)).append(",");
            append_fixed(out, in_tonnes(g.mass), 6);
            out += ',';
            append_fixed(out, in_tonnes(g.co2e), 6);
            out += ',';
            append_csv_field(out, r.source);
            out += ',';
            append_csv_field(out, g.factor->source);
            out += '\n';
        }
        buf.maybe_flush();
    }
}

}  // namespace

void write_inventory(std::ostream& out, const InventoryResult& inv, const ReferenceData& ref,
                     const InventoryOutput& how) {
    OutputBuffer buf(out);
    switch (how.format) {
        case Format::table: write_table(buf, inv, ref, how); break;
        case Format::json: write_json(buf, inv, ref, how); break;
        case Format::csv: write_csv(buf, inv); break;
    }
    buf.flush();
}

std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, const InventoryOutput& how) {
    std::ostringstream out;
    write_inventory(out, inv, ref, how);
    return std::move(out).str();
}

}  // namespace klima::report

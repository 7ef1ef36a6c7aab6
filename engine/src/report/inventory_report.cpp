// The inventory as a table and as CSV, streamed row by row; JSON is in
// inventory_json.cpp.
#include "klima/report/inventory_report.hpp"

#include "inventory_json.hpp"
#include "output_buffer.hpp"
#include "render_by_format.hpp"
#include "text.hpp"

#include <optional>
#include <sstream>

namespace klima::report {
namespace {

using text::append_csv_field;
using text::append_fixed;
using text::fixed;
using text::pad;
using units::in_tonnes;

void table_row(std::string& out, const std::string& label, const Total& t, std::optional<double> share = {}) {
    out += pad(label, 34, false);
    for (Gas g : kAllGases) out += pad(fixed(in_tonnes(t.gas_co2e[static_cast<int>(g)])), 12);
    out += pad(fixed(in_tonnes(t.co2e)), 13);
    out += pad(share ? fixed(*share) : "", 8);
    out += pad(t.missing ? std::to_string(t.missing) : "", 9);
    out += '\n';
}

std::optional<double> share_of(const InventoryFigures& f, const std::string& sector) {
    const auto it = f.share_pct.find(sector);
    return it == f.share_pct.end() ? std::nullopt : std::optional<double>(it->second);
}

// "62458 inhabitants (data/koege/drivers.csv:8: <source>)"
std::string inhabitants_text(const Inhabitants& p) {
    return fixed(units::in_count(p.count), 0) + " inhabitants (" + klima::to_string(p.origin) + ": " + p.source + ")";
}

void write_table(OutputBuffer& buf, const InventoryResult& inv, const ReferenceData& ref, const InventoryOutput& how) {
    std::string& out = buf.text();
    out += how.title + " — inventory " + std::to_string(inv.year) + ", t CO2e (GWP-100 " + inv.gwp_set + ")\n\n";
    std::string head = pad("Sector / subsector", 34, false);
    for (Gas g : kAllGases) head += pad(std::string(to_string(g)) + (g == Gas::CO2e ? "*" : ""), 12);
    head += pad("Total", 13) + pad("%", 8) + pad("missing", 9);
    const std::string rule(head.size(), '-');
    out += head + "\n" + rule + "\n";
    const auto& overridden = inv.overridden_subsectors;  // "sector/subsector" where a local override was applied
    const int overrides = inv.override_factors;
    const auto figures = inventory_figures(inv, ref);
    for (const auto& sector : ref.taxonomy.sectors()) {
        const auto it = inv.by_sector.find(sector);
        if (it == inv.by_sector.end()) continue;
        table_row(out, text::sector_label(ref.taxonomy, sector), it->second, share_of(figures, sector));
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
    table_row(out, "Territorial total excl. LULUCF", inv.territorial_excl_lulucf,
              inv.territorial_excl_lulucf.co2e.value() != 0.0 ? std::optional<double>(100.0) : std::nullopt);
    table_row(out, "Reported apart (construction)", inv.reported_apart);
    if (how.inhabitants) {
        const double n = units::in_count(how.inhabitants->count);
        out += pad("Per inhabitant incl. LULUCF", 34, false) + pad("", 48) +
               pad(fixed(in_tonnes(inv.territorial.co2e) / n, 2), 13) + "\n";
        out += pad("Per inhabitant excl. LULUCF", 34, false) + pad("", 48) +
               pad(fixed(in_tonnes(inv.territorial_excl_lulucf.co2e) / n, 2), 13) + "\n";
    }
    out += "\n* factors published only as CO2-equivalent (e.g. F-gases, some grid factors).\n";
    out += "% : share of the territorial total excl. LULUCF.\n";
    if (how.inhabitants) out += "Per inhabitant: t CO2e for " + inhabitants_text(*how.inhabitants) + ".\n";
    out += std::to_string(inv.missing_cells()) +
           " activity value(s) missing: not included in the totals above, not zero.\n";
    out += fixed(in_tonnes(figures.illustrative_co2e)) + " t (" + fixed(figures.illustrative_pct) +
           " %) of the territorial total rests on illustrative factors, " + fixed(in_tonnes(figures.derived_co2e)) +
           " t (" + fixed(figures.derived_pct) + " %) on derived ones (interpolated or carried forward); " +
           std::to_string(figures.illustrative_factors) + " and " + std::to_string(figures.derived_factors) +
           " factors applied" + (how.detail_hint.empty() ? "" : "; see " + how.detail_hint + " for each source") +
           ".\n";
    if (overrides > 0)
        out += std::to_string(overrides) + " of the factors applied are local overrides (rows marked [override]" +
               (how.detail_hint.empty() ? "" : "; see " + how.detail_hint + " for each") + ").\n";
    if (how.name_allocation)
        out += "CHP allocation: " + std::string(to_string(ref.allocation)) + " — " +
               std::string(describe(ref.allocation)) + ".\n";
}

// The two closing columns of a CSV row: the sector's share and the row's
// tonnes per inhabitant (empty when unknown).
void append_figures(std::string& out, const std::optional<double>& share, std::optional<double> per_inhabitant) {
    out += ',';
    if (share) append_fixed(out, *share, 3);
    out += ',';
    if (per_inhabitant) append_fixed(out, *per_inhabitant, 9);
}

void write_csv(OutputBuffer& buf, const InventoryResult& inv, const InventoryLines& lines, const ReferenceData& ref,
               const InventoryOutput& how) {
    std::string& out = buf.text();
    out +=
        "year,sector,subsector,carrier,quantity,unit,gas,factor,factor_unit,factor_status,gwp,t_gas,t_co2e,"
        "activity_source,factor_source,sector_share_pct,t_co2e_per_inhabitant\n";
    const auto figures = inventory_figures(inv, ref);
    const double inhabitants = how.inhabitants ? units::in_count(how.inhabitants->count) : 0.0;
    std::string prefix;
    lines([&](const InventoryLine& l) {
        const auto& r = l.record;
        prefix.clear();
        prefix.append(std::to_string(r.year)).append(",").append(r.sector).append(",").append(r.subsector);
        prefix.append(",").append(r.carrier).append(",");
        if (l.missing()) {
            out += prefix;
            out += ",,,,,,,,missing,";
            append_csv_field(out, r.source);
            out += ',';
            append_figures(out, share_of(figures, r.sector), std::nullopt);
            out += '\n';
            buf.maybe_flush();
            return;
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
            append_figures(out, share_of(figures, r.sector),
                           inhabitants > 0 ? std::optional<double>(in_tonnes(g.co2e) / inhabitants) : std::nullopt);
            out += '\n';
        }
        buf.maybe_flush();
    });
}

}  // namespace

void write_inventory(std::ostream& out, const InventoryResult& inv, const ReferenceData& ref,
                     const InventoryOutput& how) {
    write_inventory(out, inv, held_lines(inv), ref, how);
}

void write_inventory(std::ostream& out, const InventoryResult& inv, const InventoryLines& lines,
                     const ReferenceData& ref, const InventoryOutput& how) {
    OutputBuffer buf(out);
    render_by_format<kInventoryFormats>(how.format, "the inventory",
                                        on<Format::table>([&] { write_table(buf, inv, ref, how); }),
                                        on<Format::json>([&] { write_json(buf, inv, lines, ref, how); }),
                                        on<Format::csv>([&] { write_csv(buf, inv, lines, ref, how); }));
    buf.flush();
}

std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, const InventoryOutput& how) {
    std::ostringstream out;
    write_inventory(out, inv, ref, how);
    return std::move(out).str();
}

}  // namespace klima::report

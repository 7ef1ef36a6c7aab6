#include "klima/report/inventory_report.hpp"

#include "text.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

namespace klima::report {
namespace {

using units::in_tonnes;

using text::csv_quote;
using text::fixed;
using text::pad;

constexpr std::array<Gas, 4> kGases = kAllGases;

std::string table_row(const std::string& label, const Total& t) {
    std::string row = pad(label, 34, false);
    for (Gas g : kGases) row += pad(fixed(in_tonnes(t.gas_co2e[static_cast<int>(g)])), 12);
    row += pad(fixed(in_tonnes(t.co2e)), 13);
    row += pad(t.missing ? std::to_string(t.missing) : "", 9);
    return row + "\n";
}

std::string render_table(const InventoryResult& inv, const ReferenceData& ref, const std::string& title) {
    std::ostringstream out;
    out << title << " — inventory " << inv.year << ", t CO2e (GWP-100 " << inv.gwp_set << ")\n\n";
    std::string head = pad("Sector / subsector", 34, false);
    for (Gas g : kGases) head += pad(std::string(to_string(g)) + (g == Gas::CO2e ? "*" : ""), 12);
    head += pad("Total", 13) + pad("missing", 9);
    out << head << "\n" << std::string(head.size(), '-') << "\n";
    for (const auto& sector : ref.taxonomy.sectors()) {
        const auto it = inv.by_sector.find(sector);
        if (it == inv.by_sector.end()) continue;
        out << table_row(text::sector_label(ref.taxonomy, sector), it->second);
        for (const auto& s : ref.taxonomy.subsectors()) {
            if (s.sector != sector) continue;
            const auto sub = inv.by_subsector.find(sector + "/" + s.code);
            if (sub != inv.by_subsector.end()) out << table_row("  " + s.name_da, sub->second);
        }
    }
    out << std::string(head.size(), '-') << "\n";
    out << table_row("Territorial total incl. LULUCF", inv.territorial);
    out << table_row("Territorial total excl. LULUCF", inv.territorial_excl_lulucf);
    out << table_row("Reported apart (construction)", inv.reported_apart);
    int illustrative = 0, derived = 0;
    for (const auto& l : inv.lines)
        for (const auto& g : l.gases) {
            illustrative += g.factor->status() == FactorStatus::illustrative;
            derived += g.factor->status() == FactorStatus::derived;
        }
    out << "\n* factors published only as CO2-equivalent (e.g. F-gases, some grid factors).\n";
    out << inv.missing_cells() << " activity value(s) missing: not included in the totals above, not zero.\n";
    out << illustrative << " of the factors applied are labelled illustrative and " << derived
        << " derived (interpolated or carried forward); see --format json for each source.\n";
    return out.str();
}

std::string render_csv(const InventoryResult& inv) {
    std::ostringstream out;
    out << "year,sector,subsector,carrier,quantity,unit,gas,factor,factor_unit,factor_status,gwp,t_gas,t_co2e,"
           "activity_source,factor_source\n";
    for (const auto& l : inv.lines) {
        const auto& r = l.record;
        const std::string prefix = std::to_string(r.year) + "," + r.sector + "," + r.subsector + "," + r.carrier + ",";
        if (l.missing()) {
            out << prefix << ",,,,,,,,missing," << csv_quote(r.source) << ",\n";
            continue;
        }
        const auto kind = units::kind_of(*r.amount);
        for (const auto& g : l.gases) {
            out << prefix << fixed(units::display_value(*r.amount), 3) << "," << units::display_unit(kind) << ","
                << to_string(g.gas) << "," << fixed(units::display_factor_value(g.factor->value), 6) << ","
                << units::display_factor_unit(kind) << "," << to_string(g.factor->status())
                << "," << g.gwp << "," << fixed(in_tonnes(g.mass), 6) << "," << fixed(in_tonnes(g.co2e), 6) << ","
                << csv_quote(r.source) << "," << csv_quote(g.factor->source) << "\n";
        }
    }
    return out.str();
}

nlohmann::json total_json(const Total& t) {
    nlohmann::json j;
    j["t_co2e"] = in_tonnes(t.co2e);
    for (Gas g : kGases) j["t_co2e_by_gas"][std::string(to_string(g))] = in_tonnes(t.gas_co2e[static_cast<int>(g)]);
    j["lines"] = t.lines;
    j["missing"] = t.missing;
    return j;
}

std::string render_json(const InventoryResult& inv, const ReferenceData& ref, const std::string& title) {
    nlohmann::json j;
    j["title"] = title;
    j["year"] = inv.year;
    j["gwp_set"] = inv.gwp_set;
    j["unit"] = "t CO2e";
    const auto& gwp = ref.gwp.require(inv.gwp_set);
    for (Gas g : {Gas::CH4, Gas::N2O})
        j["gwp"][std::string(to_string(g))] = {{"gwp100", gwp.gwp100[static_cast<int>(g)]},
                                               {"source", gwp.source[static_cast<int>(g)]}};
    j["totals"]["territorial"] = total_json(inv.territorial);
    j["totals"]["territorial_excl_lulucf"] = total_json(inv.territorial_excl_lulucf);
    j["totals"]["reported_apart"] = total_json(inv.reported_apart);
    j["totals"]["missing_cells"] = inv.missing_cells();
    for (const auto& [sector, t] : inv.by_sector) j["sectors"][sector] = total_json(t);
    for (const auto& [sub, t] : inv.by_subsector) j["subsectors"][sub] = total_json(t);
    j["lines"] = nlohmann::json::array();
    for (const auto& l : inv.lines) {
        const auto& r = l.record;
        nlohmann::json line{{"sector", r.sector},
                            {"subsector", r.subsector},
                            {"carrier", r.carrier},
                            {"gpc_ref", l.subsector->gpc_ref},
                            {"scope", l.subsector->scope},
                            {"activity_source", r.source},
                            {"origin", klima::to_string(r.origin)}};
        if (l.missing()) {
            line["quantity"] = nullptr;
            line["missing"] = true;
        } else {
            const auto kind = units::kind_of(*r.amount);
            line["quantity"] = units::display_value(*r.amount);
            line["unit"] = units::display_unit(kind);
            line["t_co2e"] = in_tonnes(l.co2e);
            for (const auto& g : l.gases) {
                const auto* f = g.factor;
                line["gases"].push_back({{"gas", to_string(g.gas)},
                                         {"t", in_tonnes(g.mass)},
                                         {"t_co2e", in_tonnes(g.co2e)},
                                         {"gwp100", g.gwp},
                                         {"factor",
                                          {{"value", units::display_factor_value(f->value)},
                                           {"unit", units::display_factor_unit(kind)},
                                           {"status", std::string(to_string(f->status()))},
                                           {"years", std::to_string(f->year_from) + "-" + std::to_string(f->year_to)},
                                           {"source", f->source},
                                           {"origin", klima::to_string(f->origin)}}}});
            }
        }
        j["lines"].push_back(std::move(line));
    }
    return j.dump(2) + "\n";
}

}  // namespace

std::string render_inventory(const InventoryResult& inv, const ReferenceData& ref, Format format,
                             const std::string& title) {
    switch (format) {
        case Format::table: return render_table(inv, ref, title);
        case Format::json: return render_json(inv, ref, title);
        case Format::csv: return render_csv(inv);
    }
    return {};
}

}  // namespace klima::report

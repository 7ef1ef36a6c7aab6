// The inventory as JSON, streamed line by line. The bytes are those klima
// wrote when it built the whole document as an nlohmann::json and dumped it
// (tests/golden holds them): so keys come in byte order, as in nlohmann's
// sorted objects, except "chp_allocation", which comes last.
#include "inventory_json.hpp"

#include "json_writer.hpp"

namespace klima::report {
namespace {

using units::in_tonnes;

std::string years_text(int from, int to) { return std::to_string(from) + "-" + std::to_string(to); }

void total(JsonWriter& w, const Total& t, std::optional<double> share = {}) {
    w.begin_object();
    w.key("lines").value(t.lines);
    w.key("missing").value(t.missing);
    if (share) w.key("share_pct").value(*share);
    w.key("t_co2e").value(in_tonnes(t.co2e));
    w.key("t_co2e_by_gas").begin_object();
    for (Gas g : {Gas::CH4, Gas::CO2, Gas::CO2e, Gas::N2O})  // byte order of the names
        w.key(to_string(g)).value(in_tonnes(t.gas_co2e[static_cast<int>(g)]));
    w.end_object();
    w.end_object();
}

void property(JsonWriter& w, const FuelProperty& p) {
    w.begin_object();
    w.key("origin").value(klima::to_string(p.origin));
    w.key("source").value(p.source);
    w.key("status").value(p.status);
    w.key("unit").value(p.unit);
    w.key("value").value(p.written);
    w.key("years").value(years_text(p.year_from, p.year_to));
    w.end_object();
}

void conversion(JsonWriter& w, const FuelConversion& c) {
    w.begin_object();
    if (c.density) property(w.key("density"), *c.density);
    w.key("energy_gj").value(units::in_gj(c.energy));
    w.key("formula").value(c.formula());
    property(w.key("heating_value"), *c.heating_value);
    w.key("unit").value(c.unit);
    w.end_object();
}

void gas(JsonWriter& w, const GasEmission& g, units::AmountKind kind) {
    const EmissionFactor& f = *g.factor;
    w.begin_object();
    w.key("factor").begin_object();
    w.key("origin").value(klima::to_string(f.origin));
    if (f.override_layer) w.key("override").value(true);  // a local override (io/factor_overrides.hpp)
    w.key("source").value(f.source);
    w.key("status").value(to_string(f.status()));
    w.key("unit").value(units::display_factor_unit(kind));
    w.key("value").value(units::display_factor_value(f.value));
    w.key("years").value(years_text(f.year_from, f.year_to));
    w.end_object();
    w.key("gas").value(to_string(g.gas));
    w.key("gwp100").value(g.gwp);
    w.key("t").value(in_tonnes(g.mass));
    w.key("t_co2e").value(in_tonnes(g.co2e));
    w.end_object();
}

void line(JsonWriter& w, const InventoryLine& l) {
    const ActivityRecord& r = l.record;
    w.begin_object();
    w.key("activity_source").value(r.source);
    w.key("carrier").value(r.carrier);
    if (l.conversion) conversion(w.key("conversion"), *l.conversion);
    const auto kind = l.missing() ? units::AmountKind::energy : units::kind_of(*r.amount);
    if (!l.gases.empty()) {
        w.key("gases").begin_array();
        for (const auto& g : l.gases) gas(w, g, kind);
        w.end_array();
    }
    w.key("gpc_ref").value(l.subsector->gpc_ref);
    if (l.missing()) w.key("missing").value(true);
    w.key("origin").value(klima::to_string(r.origin));
    if (l.missing()) w.key("quantity").null();
    else w.key("quantity").value(units::display_value(*r.amount));
    w.key("scope").value(l.subsector->scope);
    w.key("sector").value(r.sector);
    w.key("subsector").value(r.subsector);
    if (!l.missing()) {
        w.key("t_co2e").value(in_tonnes(l.co2e));
        w.key("unit").value(units::display_unit(kind));
    }
    w.end_object();
}

}  // namespace

void write_json(OutputBuffer& out, const InventoryResult& inv, const InventoryLines& lines, const ReferenceData& ref,
                const InventoryOutput& how) {
    JsonWriter w(out);
    w.begin_object();
    const auto figures = inventory_figures(inv, ref);
    w.key("factor_status").begin_object();
    w.key("derived").begin_object();
    w.key("factors").value(figures.derived_factors);
    w.key("pct_of_territorial").value(figures.derived_pct);
    w.key("t_co2e").value(in_tonnes(figures.derived_co2e));
    w.end_object();
    w.key("illustrative").begin_object();
    w.key("factors").value(figures.illustrative_factors);
    w.key("pct_of_territorial").value(figures.illustrative_pct);
    w.key("t_co2e").value(in_tonnes(figures.illustrative_co2e));
    w.end_object();
    w.end_object();
    const auto& gwp = ref.gwp.require(inv.gwp_set);
    w.key("gwp").begin_object();
    for (Gas g : {Gas::CH4, Gas::N2O}) {
        w.key(to_string(g)).begin_object();
        w.key("gwp100").value(gwp.gwp100[static_cast<int>(g)]);
        w.key("source").value(gwp.source[static_cast<int>(g)]);
        w.end_object();
    }
    w.end_object();
    w.key("gwp_set").value(inv.gwp_set);
    w.key("lines").begin_array();
    lines([&](const InventoryLine& l) { line(w, l); });
    w.end_array();
    if (how.inhabitants) {
        const double n = units::in_count(how.inhabitants->count);
        w.key("per_inhabitant").begin_object();
        w.key("inhabitants").value(n);
        w.key("origin").value(klima::to_string(how.inhabitants->origin));
        w.key("source").value(how.inhabitants->source);
        w.key("t_co2e_territorial").value(in_tonnes(inv.territorial.co2e) / n);
        w.key("t_co2e_territorial_excl_lulucf").value(in_tonnes(inv.territorial_excl_lulucf.co2e) / n);
        w.end_object();
    }
    if (!inv.by_sector.empty()) {
        w.key("sectors").begin_object();
        for (const auto& [sector, t] : inv.by_sector) {
            const auto share = figures.share_pct.find(sector);
            total(w.key(sector), t,
                  share == figures.share_pct.end() ? std::nullopt : std::optional<double>(share->second));
        }
        w.end_object();
    }
    if (!inv.by_subsector.empty()) {
        w.key("subsectors").begin_object();
        for (const auto& [sub, t] : inv.by_subsector) total(w.key(sub), t);
        w.end_object();
    }
    w.key("title").value(how.title);
    w.key("totals").begin_object();
    w.key("missing_cells").value(inv.missing_cells());
    total(w.key("reported_apart"), inv.reported_apart);
    total(w.key("territorial"), inv.territorial);
    total(w.key("territorial_excl_lulucf"), inv.territorial_excl_lulucf);
    w.end_object();
    w.key("unit").value("t CO2e");
    w.key("year").value(inv.year);
    if (how.name_allocation) {
        w.key("chp_allocation").begin_object();
        w.key("set").value(to_string(ref.allocation));
        w.key("description").value(describe(ref.allocation));
        w.end_object();
    }
    w.end_object();
    out.text() += '\n';
}

}  // namespace klima::report

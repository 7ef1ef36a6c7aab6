#include "klima/scope_total.hpp"

#include "klima/error.hpp"
#include "klima/sector_totals.hpp"

namespace klima {
namespace {

// The total and LULUCF from the territorial sectors (sector_totals: the sum the
// target path and the gap have always used, so every output gives the same bits).
ScopeTotal from_sectors(const SectorTotals& s, TargetScope scope) {
    ScopeTotal out;
    out.year = s.year;
    out.scope = scope;
    out.total = s.total(scope);
    out.construction = units::kilograms(0.0);
    // Out of the scope, LULUCF is shown apart even when it is 0 (a part, not a missing figure).
    if (scope == TargetScope::excl_lulucf)
        out.lulucf_apart = s.has(kLulucfSector) ? s.by_sector.at(kLulucfSector) : units::kilograms(0.0);
    return out;
}

}  // namespace

ScopeTotal scope_total(const Trajectory& t, int year, const Taxonomy& taxonomy, TargetScope scope) {
    auto out = from_sectors(sector_totals(t, year, taxonomy), scope);  // throws for an unknown row
    for (std::size_t i = 0; i < t.row_count(); ++i) {
        const auto& key = t.rows()[i];
        const auto slash = key.find('/');
        const Subsector* s =
            taxonomy.find(std::string_view(key).substr(0, slash), std::string_view(key).substr(slash + 1));
        if (!s->territorial) out.construction += t.at(i, year);
    }
    return out;
}

ScopeTotal scope_total(const InventoryResult& inv, const Taxonomy& taxonomy, TargetScope scope) {
    auto out = from_sectors(sector_totals(inv, taxonomy), scope);
    out.construction = inv.reported_apart.co2e;
    return out;
}

ScopeTotal measure_effect(const MeasureResult& m, int year, const Taxonomy& taxonomy, TargetScope scope) {
    if (m.effect.row_count() == 0 || !m.effect.has_year(year)) {
        ScopeTotal none = from_sectors(SectorTotals{year, {}, 0}, scope);
        return none;
    }
    return scope_total(m.effect, year, taxonomy, scope);
}

}  // namespace klima

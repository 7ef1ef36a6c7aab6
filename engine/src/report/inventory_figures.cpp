// The figures an officer reports beside an inventory's totals: sector shares
// and the tonnes resting on illustrative or derived factors (docs/reports.md).
#include "klima/report/inventory_report.hpp"

namespace klima::report {

InventoryFigures inventory_figures(const InventoryResult& inv, const ReferenceData& ref) {
    InventoryFigures f;
    const double excl = units::in_tonnes(inv.territorial_excl_lulucf.co2e);
    for (const auto& [sector, total] : inv.by_sector)
        if (ref.taxonomy.first_subsector(sector).territorial && excl != 0.0)
            f.share_pct[sector] = 100.0 * units::in_tonnes(total.co2e) / excl;
    for (const auto& l : inv.lines)
        for (const auto& g : l.gases) {
            const auto status = g.factor->status();
            const bool counted = l.subsector && l.subsector->territorial;
            if (status == FactorStatus::illustrative) {
                ++f.illustrative_factors;
                if (counted) f.illustrative_co2e += g.co2e;
            } else if (status == FactorStatus::derived) {
                ++f.derived_factors;
                if (counted) f.derived_co2e += g.co2e;
            }
        }
    if (const double all = units::in_tonnes(inv.territorial.co2e); all != 0.0) {
        f.illustrative_pct = 100.0 * units::in_tonnes(f.illustrative_co2e) / all;
        f.derived_pct = 100.0 * units::in_tonnes(f.derived_co2e) / all;
    }
    return f;
}

}  // namespace klima::report

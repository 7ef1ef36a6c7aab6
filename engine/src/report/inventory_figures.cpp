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
    // Counted as the lines were computed (InventoryResult), so that a streamed inventory has them too.
    const auto illustrative = static_cast<std::size_t>(FactorStatus::illustrative);
    const auto derived = static_cast<std::size_t>(FactorStatus::derived);
    f.illustrative_factors = inv.factors_by_status[illustrative];
    f.derived_factors = inv.factors_by_status[derived];
    f.illustrative_co2e = inv.territorial_co2e_by_status[illustrative];
    f.derived_co2e = inv.territorial_co2e_by_status[derived];
    if (const double all = units::in_tonnes(inv.territorial.co2e); all != 0.0) {
        f.illustrative_pct = 100.0 * units::in_tonnes(f.illustrative_co2e) / all;
        f.derived_pct = 100.0 * units::in_tonnes(f.derived_co2e) / all;
    }
    return f;
}

}  // namespace klima::report

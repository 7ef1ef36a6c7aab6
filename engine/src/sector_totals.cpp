#include "klima/sector_totals.hpp"

#include "klima/error.hpp"

namespace klima {

units::Mass SectorTotals::incl_lulucf() const {
    units::Mass sum = units::kilograms(0.0);
    for (const auto& [sector, m] : by_sector) sum += m;
    return sum;
}

units::Mass SectorTotals::excl_lulucf() const {
    const auto it = by_sector.find(kLulucfSector);
    return it == by_sector.end() ? incl_lulucf() : incl_lulucf() - it->second;
}

units::Mass SectorTotals::total(TargetScope scope) const {
    return scope == TargetScope::incl_lulucf ? incl_lulucf() : excl_lulucf();
}

namespace {
bool territorial_sector(const Taxonomy& taxonomy, const std::string& sector) {
    for (const auto& s : taxonomy.subsectors())
        if (s.sector == sector) return s.territorial;
    return false;
}
}  // namespace

SectorTotals sector_totals(const InventoryResult& inv, const Taxonomy& taxonomy) {
    SectorTotals t;
    t.year = inv.year;
    for (const auto& [sector, total] : inv.by_sector) {
        if (!territorial_sector(taxonomy, sector)) continue;
        t.by_sector[sector] = total.co2e;
        t.missing += total.missing;
    }
    return t;
}

SectorTotals sector_totals(const Trajectory& traj, int year, const Taxonomy& taxonomy) {
    SectorTotals t;
    t.year = year;
    for (std::size_t i = 0; i < traj.row_count(); ++i) {
        const auto& key = traj.rows()[i];
        const auto slash = key.find('/');
        const Subsector* s = slash == std::string::npos ? nullptr
                                                        : taxonomy.find(std::string_view(key).substr(0, slash),
                                                                        std::string_view(key).substr(slash + 1));
        if (!s)
            throw Error({"", 0, key}, "trajectory row '" + key + "' is not a sector/subsector of the taxonomy",
                        "use the codes of data/taxonomy/sectors.csv");
        if (!s->territorial) continue;
        auto [it, fresh] = t.by_sector.try_emplace(s->sector, units::kilograms(0.0));
        it->second += traj.at(i, year);
    }
    return t;
}

}  // namespace klima

#include "klima/scope_total.hpp"

#include "klima/error.hpp"
#include "klima/sector_totals.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

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

// A trajectory's rows resolved against the taxonomy once (each lookup is a linear search): a row
// adds to its territorial sector's slot, or to construction (slot -1). Slots are numbered in the
// sectors' sorted order, the order SectorTotals' std::map sums them in, so every total has the same
// bits as sector_totals + from_sectors.
struct ResolvedRows {
    std::vector<std::string> sectors;  // territorial sectors with a row, sorted
    std::vector<int> slot;             // per row: index into `sectors`, or -1 for a row reported apart
    int lulucf = -1;                   // index of kLulucfSector in `sectors`, or -1

    ResolvedRows(const Trajectory& t, const Taxonomy& taxonomy) {
        std::vector<const Subsector*> found(t.row_count());
        std::map<std::string, int> index;
        for (std::size_t i = 0; i < t.row_count(); ++i) {
            const auto& key = t.rows()[i];
            const auto slash = key.find('/');
            found[i] = slash == std::string::npos ? nullptr
                                                  : taxonomy.find(std::string_view(key).substr(0, slash),
                                                                  std::string_view(key).substr(slash + 1));
            if (!found[i])  // the error of sector_totals, word for word
                throw Error({"", 0, key}, "trajectory row '" + key + "' is not a sector/subsector of the taxonomy",
                            "use the codes of data/taxonomy/sectors.csv");
            if (found[i]->territorial) index.try_emplace(found[i]->sector, 0);
        }
        for (auto& [sector, n] : index) {
            n = static_cast<int>(sectors.size());
            if (sector == kLulucfSector) lulucf = n;
            sectors.push_back(sector);
        }
        slot.resize(t.row_count());
        for (std::size_t i = 0; i < t.row_count(); ++i)
            slot[i] = found[i]->territorial ? index.at(found[i]->sector) : -1;
    }

    // The year's total, summed as sector_totals (rows in order into their sector) and
    // SectorTotals::total (sectors in sorted order; excl. LULUCF as incl. minus LULUCF).
    ScopeTotal total(const Trajectory& t, int year, TargetScope scope, std::vector<units::Mass>& by_sector) const {
        by_sector.assign(sectors.size(), units::kilograms(0.0));
        ScopeTotal out;
        out.year = year;
        out.scope = scope;
        out.construction = units::kilograms(0.0);
        for (std::size_t i = 0; i < slot.size(); ++i) {
            if (slot[i] >= 0) by_sector[static_cast<std::size_t>(slot[i])] += t.at(i, year);
            else out.construction += t.at(i, year);
        }
        units::Mass incl = units::kilograms(0.0);
        for (const auto& m : by_sector) incl += m;
        const auto lulucf_t = lulucf >= 0 ? by_sector[static_cast<std::size_t>(lulucf)] : units::kilograms(0.0);
        out.total = scope == TargetScope::excl_lulucf && lulucf >= 0 ? incl - lulucf_t : incl;
        // Out of the scope, LULUCF is shown apart even when it is 0 (a part, not a missing figure).
        if (scope == TargetScope::excl_lulucf) out.lulucf_apart = lulucf_t;
        return out;
    }
};

}  // namespace

ScopeTotal scope_total(const Trajectory& t, int year, const Taxonomy& taxonomy, TargetScope scope) {
    std::vector<units::Mass> by_sector;
    return ResolvedRows(t, taxonomy).total(t, year, scope, by_sector);
}

std::vector<ScopeTotal> scope_totals(const Trajectory& t, int from, int to, const Taxonomy& taxonomy,
                                     TargetScope scope) {
    std::vector<ScopeTotal> out(static_cast<std::size_t>(std::max(0, to - from + 1)));
    // As scope_total year by year: nothing is resolved (nor thrown) unless some year of the range is in `t`.
    if (t.row_count() == 0 || from > t.last_year() || to < t.first_year()) return out;
    const ResolvedRows rows(t, taxonomy);
    std::vector<units::Mass> by_sector;
    for (int y = from; y <= to; ++y)
        if (t.has_year(y)) out[static_cast<std::size_t>(y - from)] = rows.total(t, y, scope, by_sector);
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

// Attribution of an inventory change to activity and factors, and the
// recalculation of every year. Formulas: docs/method.md, section "Store".
#include "klima/store/version_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace klima::store {

ReferenceData with_factors(const ReferenceData& base, FactorLibrary factors) {
    ReferenceData out;
    out.taxonomy = base.taxonomy;
    out.carriers = base.carriers;
    out.gwp = base.gwp;
    out.fuel_properties = base.fuel_properties;  // fuels in litres, m3 and tonnes become energy as from a file
    out.factors = std::move(factors);
    return out;
}

ReferenceData reference_for(const Store& store, const Version& v, const ReferenceData& base) {
    ReferenceData out;
    if (store.factor_set_of(v)) {
        out = with_factors(base, store.factors(v));
    } else {
        FactorLibrary bundled = base.factors;
        bundled.lay_over(store.overrides_of(v));
        out = with_factors(base, std::move(bundled));
    }
    out.allocation = v.allocation;
    return out;
}

std::vector<VersionTouch> touched_between(const Store& store, int v1, int v2) {
    std::vector<VersionTouch> out;
    const int from = std::min(v1, v2), to = std::max(v1, v2);
    for (const auto& v : store.versions())
        if (v.id > from && v.id <= to)
            out.push_back({v, v.kind == VersionKind::activity ? store.years_imported(v.id)
                              : v.kind == VersionKind::status ? store.status_years_imported(v.id)
                                                              : std::vector<int>{}});
    return out;
}

namespace {

struct Cell {
    std::optional<units::Mass> co2e;
    int missing = 0;
    units::Mass value() const { return co2e.value_or(units::kilograms(0.0)); }
};

using Cells = std::map<std::string, Cell>;  // sector (or "territorial") -> total

Cell cell_of(const Total& t) {
    Cell c;
    c.missing = t.missing;
    if (t.lines > t.missing) c.co2e = t.co2e;
    return c;
}

Cells cells_of(const InventoryResult& inv) {
    Cells out;
    for (const auto& [sector, t] : inv.by_sector) out[sector] = cell_of(t);
    if (inv.territorial.lines > 0) out["territorial"] = cell_of(inv.territorial);
    return out;
}

bool has_year(const ActivitySet& a, int year) {
    return std::any_of(a.begin(), a.end(), [&](const ActivityRecord& r) { return r.year == year; });
}

// The totals of one year under one combination; no records that year: empty.
Cells evaluate(const ActivitySet& a, const ReferenceData& ref, int year, const std::string& gwp) {
    if (!has_year(a, year)) return {};
    return cells_of(compute_inventory(a, year, ref, gwp));
}

std::optional<Cells> try_evaluate(const ActivitySet& a, const ReferenceData& ref, int year, const std::string& gwp) {
    try {
        return evaluate(a, ref, year, gwp);
    } catch (const Error&) {
        return std::nullopt;  // a crossed combination may lack a factor; the split is then not defined
    }
}

units::Mass at(const Cells& c, const std::string& key) {
    const auto it = c.find(key);
    return it == c.end() ? units::kilograms(0.0) : it->second.value();
}

}  // namespace

std::vector<SectorChange> attribute_change(const ActivitySet& a1, const FactorLibrary& f1, const ActivitySet& a2,
                                           const FactorLibrary& f2, const ReferenceData& base,
                                           const std::string& gwp_set) {
    const auto r1 = with_factors(base, f1);
    const auto r2 = with_factors(base, f2);
    std::set<int> years;
    for (int y : years_in(a1)) years.insert(y);
    for (int y : years_in(a2)) years.insert(y);

    std::vector<SectorChange> out;
    for (int year : years) {
        const Cells c11 = evaluate(a1, r1, year, gwp_set);
        const Cells c22 = evaluate(a2, r2, year, gwp_set);
        const auto c21 = try_evaluate(a2, r1, year, gwp_set);
        const auto c12 = try_evaluate(a1, r2, year, gwp_set);
        std::set<std::string> keys;
        for (const auto* c : {&c11, &c22})
            for (const auto& [k, v] : *c) keys.insert(k);
        // Sectors first in name order, the territorial total last.
        std::vector<std::string> order(keys.begin(), keys.end());
        std::stable_partition(order.begin(), order.end(), [](const std::string& k) { return k != "territorial"; });
        for (const auto& key : order) {
            SectorChange ch;
            ch.year = year;
            ch.sector = key;
            if (const auto it = c11.find(key); it != c11.end()) {
                ch.before = it->second.co2e;
                ch.missing_before = it->second.missing;
            }
            if (const auto it = c22.find(key); it != c22.end()) {
                ch.after = it->second.co2e;
                ch.missing_after = it->second.missing;
            }
            ch.change = at(c22, key) - at(c11, key);
            if (c21 && c12) {
                // Shapley split: each effect averaged over both orders of applying the two changes.
                ch.activity_effect = 0.5 * ((at(*c21, key) - at(c11, key)) + (at(c22, key) - at(*c12, key)));
                ch.factor_effect = 0.5 * ((at(*c12, key) - at(c11, key)) + (at(c22, key) - at(*c21, key)));
            }
            out.push_back(std::move(ch));
        }
    }
    return out;
}

Recalculation recalculate(Store& store, const ReferenceData& base, const std::string& gwp_set) {
    const auto cur = store.current();
    if (!cur) throw Error({store.path(), 0, ""}, "the store is empty", "import activity data and factors first");
    const auto activity = store.activity(*cur);
    const auto ref = reference_for(store, *cur, base);

    Recalculation out;
    out.version = cur->id;
    out.allocation = ref.allocation;
    out.years = years_in(activity);
    std::vector<InventoryResult> results;
    for (int year : out.years) results.push_back(compute_inventory(activity, year, ref, gwp_set));
    store.save_inventories(cur->id, gwp_set, results);

    out.previous = store.last_computed_before(cur->id, gwp_set);
    std::map<std::tuple<int, bool, std::string>, RestatedTotal> merged;
    if (out.previous)
        for (const auto& t : store.inventories(*out.previous, gwp_set))
            merged[{t.year, !t.is_sector, t.name}] = {t.year, t.name, t.is_sector, t.co2e, std::nullopt, t.missing, 0};
    for (const auto& t : store.inventories(cur->id, gwp_set)) {
        auto& m = merged[{t.year, !t.is_sector, t.name}];
        m.year = t.year;
        m.name = t.name;
        m.is_sector = t.is_sector;
        m.after = t.co2e;
        m.missing = t.missing;
    }
    for (auto& [key, t] : merged) out.totals.push_back(std::move(t));
    return out;
}

}  // namespace klima::store

// One inventory year against another, split into activity and factor effect
// (klima/store/year_compare.hpp).
#include "klima/store/year_compare.hpp"

#include "klima/inventory.hpp"

#include <map>
#include <set>

namespace klima::store {
namespace {

struct Cell {
    std::optional<units::Mass> co2e;
    int missing = 0;
    units::Mass value() const { return co2e.value_or(units::kilograms(0.0)); }
};

using Cells = std::map<std::string, Cell>;  // "energi", "energi/el", "territorial"

Cell cell_of(const Total& t) {
    Cell c;
    c.missing = t.missing;
    if (t.lines > t.missing) c.co2e = t.co2e;
    return c;
}

// `records` of `from_year` computed as if they were of `as_year`: the activity of one year
// under the factors (and fuel properties) of another.
Cells evaluate(const ActivitySet& records, int from_year, int as_year, const ReferenceData& ref,
               const std::string& gwp) {
    ActivitySet moved;
    for (const auto& r : records) {
        if (r.year != from_year) continue;
        moved.push_back(r);
        moved.back().year = as_year;
    }
    const auto inv = compute_inventory(std::move(moved), as_year, ref, gwp);
    Cells out;
    for (const auto& [sector, t] : inv.by_sector) out[sector] = cell_of(t);
    for (const auto& [sub, t] : inv.by_subsector) out[sub] = cell_of(t);
    if (inv.territorial.lines > 0) out["territorial"] = cell_of(inv.territorial);
    return out;
}

std::optional<Cells> try_evaluate(const ActivitySet& records, int from_year, int as_year, const ReferenceData& ref,
                                  const std::string& gwp) {
    try {
        return evaluate(records, from_year, as_year, ref, gwp);
    } catch (const Error&) {
        return std::nullopt;  // a carrier of one year without a factor in the other: no split
    }
}

units::Mass at(const Cells& c, const std::string& key) {
    const auto it = c.find(key);
    return it == c.end() ? units::kilograms(0.0) : it->second.value();
}

}  // namespace

std::vector<YearChange> compare_years(const ActivitySet& y1_records, int y1, const ActivitySet& y2_records, int y2,
                                      const ReferenceData& ref, const std::string& gwp_set) {
    const Cells c11 = evaluate(y1_records, y1, y1, ref, gwp_set);
    const Cells c22 = evaluate(y2_records, y2, y2, ref, gwp_set);
    const auto c21 = try_evaluate(y2_records, y2, y1, ref, gwp_set);  // A2 under F1
    const auto c12 = try_evaluate(y1_records, y1, y2, ref, gwp_set);  // A1 under F2
    std::set<std::string> keys;
    for (const auto* c : {&c11, &c22})
        for (const auto& [k, v] : *c) keys.insert(k);
    keys.erase("territorial");
    std::vector<std::string> order(keys.begin(), keys.end());  // "energi" sorts before "energi/el"
    order.push_back("territorial");

    std::vector<YearChange> out;
    for (const auto& key : order) {
        YearChange ch;
        ch.key = key;
        ch.is_subsector = key.find('/') != std::string::npos;
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
            ch.activity_effect = 0.5 * ((at(*c21, key) - at(c11, key)) + (at(c22, key) - at(*c12, key)));
            ch.factor_effect = 0.5 * ((at(*c12, key) - at(c11, key)) + (at(c22, key) - at(*c21, key)));
        }
        out.push_back(std::move(ch));
    }
    return out;
}

}  // namespace klima::store

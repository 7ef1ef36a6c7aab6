#include "klima/factors.hpp"
#include "klima/horizon.hpp"
#include "klima/join.hpp"

#include <algorithm>
#include <limits>

namespace klima {

std::string_view to_string(Gas g) {
    switch (g) {
        case Gas::CO2: return "CO2";
        case Gas::CH4: return "CH4";
        case Gas::N2O: return "N2O";
        case Gas::CO2e: return "CO2e";
    }
    return "?";
}

std::optional<Gas> parse_gas(std::string_view s) {
    for (Gas g : kAllGases)
        if (to_string(g) == s) return g;
    return std::nullopt;
}

std::string_view to_string(FactorStatus s) {
    switch (s) {
        case FactorStatus::official: return "official";
        case FactorStatus::derived: return "derived";
        case FactorStatus::illustrative: return "illustrative";
    }
    return "?";
}

std::optional<FactorStatus> parse_factor_status(std::string_view s) {
    for (auto v : {FactorStatus::official, FactorStatus::derived, FactorStatus::illustrative})
        if (to_string(v) == s) return v;
    return std::nullopt;
}

std::string_view to_string(CarrierKind k) {
    switch (k) {
        case CarrierKind::fuel: return "fuel";
        case CarrierKind::electricity: return "electricity";
        case CarrierKind::district_heat: return "district_heat";
        case CarrierKind::non_energy: return "non_energy";
    }
    return "?";
}

std::optional<CarrierKind> parse_carrier_kind(std::string_view s) {
    for (auto k : {CarrierKind::fuel, CarrierKind::electricity, CarrierKind::district_heat, CarrierKind::non_energy})
        if (to_string(k) == s) return k;
    return std::nullopt;
}

std::string_view to_string(ChpAllocation a) {
    switch (a) {
        case ChpAllocation::declared: return "declared";
        case ChpAllocation::pct125: return "125";
        case ChpAllocation::pct200: return "200";
        case ChpAllocation::energy: return "energy";
    }
    return "?";
}

std::optional<ChpAllocation> parse_chp_allocation(std::string_view s) {
    for (auto a : kAllChpAllocations)
        if (to_string(a) == s) return a;
    return std::nullopt;
}

std::string_view describe(ChpAllocation a) {
    switch (a) {
        case ChpAllocation::declared:
            return "electricity 125 % method, district heat 200 % method (as the Danish declarations publish them)";
        case ChpAllocation::pct125: return "electricity and district heat both by the 125 % method";
        case ChpAllocation::pct200: return "electricity and district heat both by the 200 % method";
        case ChpAllocation::energy: return "electricity and district heat both by energy content";
    }
    return "?";
}

void CarrierTable::add(Carrier c) {
    if (find(c.code)) throw Error({}, "duplicate carrier '" + c.code + "'", "keep one row per carrier code");
    carriers_.push_back(std::move(c));
}

const Carrier* CarrierTable::find(std::string_view code) const {
    for (const auto& c : carriers_)
        if (c.code == code) return &c;
    return nullptr;
}

const Carrier& CarrierTable::require(std::string_view code, const Location& where) const {
    if (const auto* c = find(code)) return *c;
    const std::string list = join(carriers_, ", ", [](const Carrier& c) { return c.code; });
    Location at = where;
    at.field = "carrier";
    throw Error(at, "unknown carrier '" + std::string(code) + "'",
                "use one of " + list + ", or add it to data/factors/carriers.csv");
}

void FactorLibrary::add(EmissionFactor f) {
    if (f.year_from > f.year_to)
        throw Error(f.origin,
                    "year_from " + std::to_string(f.year_from) + " is after year_to " + std::to_string(f.year_to),
                    "swap the two years");
    auto& rows = by_carrier_[f.carrier];
    for (const auto& r : rows) {
        if (r.override_layer == f.override_layer && r.subsector == f.subsector && r.gas == f.gas &&
            r.year_from <= f.year_to && f.year_from <= r.year_to) {
            throw Error(f.origin,
                        "factor for " + f.carrier + (f.subsector.empty() ? "" : "/" + f.subsector) + " " +
                            std::string(to_string(f.gas)) + " overlaps the years of " + to_string(r.origin),
                        "make year ranges of the same carrier, subsector and gas disjoint");
        }
    }
    rows.push_back(std::move(f));
    ++count_;
}

std::vector<const EmissionFactor*> FactorLibrary::lookup(std::string_view carrier, std::string_view subsector,
                                                         int year) const {
    std::vector<const EmissionFactor*> out;
    const auto it = by_carrier_.find(std::string(carrier));
    if (it == by_carrier_.end()) return out;
    // [layer][gas]: layer 0 the reference rows, 1 the overrides
    std::array<std::array<const EmissionFactor*, 4>, 2> specific{}, generic{};
    bool overridden = false;
    for (const auto& r : it->second) {
        if (year < r.year_from || year > r.year_to) continue;
        const auto g = static_cast<std::size_t>(r.gas);
        const auto layer = static_cast<std::size_t>(r.override_layer);
        if (r.subsector == subsector) specific[layer][g] = &r;
        else if (r.subsector.empty()) generic[layer][g] = &r;
        else continue;
        overridden = overridden || r.override_layer;
    }
    // An override of a gas replaces the reference rows of that gas; one given as CO2e replaces them all.
    const auto co2e = static_cast<std::size_t>(Gas::CO2e);
    const bool only_overrides = overridden && (specific[1][co2e] || generic[1][co2e]);
    for (std::size_t g = 0; g < 4; ++g) {
        for (std::size_t layer : {std::size_t{1}, std::size_t{0}}) {
            if (layer == 0 && only_overrides) break;
            const EmissionFactor* f = specific[layer][g] ? specific[layer][g] : generic[layer][g];
            if (f) {
                out.push_back(f);
                break;
            }
        }
    }
    return out;
}

std::pair<int, int> FactorLibrary::same_rows(std::string_view carrier, std::string_view subsector, int year) const {
    std::pair<int, int> span{std::numeric_limits<int>::min(), std::numeric_limits<int>::max()};
    const auto it = by_carrier_.find(std::string(carrier));
    if (it == by_carrier_.end()) return span;
    for (const auto& r : it->second)
        if (r.subsector.empty() || r.subsector == subsector)  // the rows lookup looks at
            keep_same_cover(span, r.year_from, r.year_to, year);
    return span;
}

void FactorLibrary::lay_over(const FactorLibrary& overrides) {
    for (const EmissionFactor* f : overrides.all()) {
        EmissionFactor copy = *f;
        copy.override_layer = true;
        add(std::move(copy));
    }
}

std::vector<const EmissionFactor*> FactorLibrary::all() const {
    std::vector<const EmissionFactor*> out;
    for (const auto& [carrier, rows] : by_carrier_)
        for (const auto& r : rows) out.push_back(&r);
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return std::tie(a->carrier, a->subsector, a->gas, a->year_from) <
               std::tie(b->carrier, b->subsector, b->gas, b->year_from);
    });
    return out;
}

GwpSet& GwpTable::upsert(const std::string& name) {
    for (auto& s : sets_)
        if (s.name == name) return s;
    GwpSet s;
    s.name = name;
    s.gwp100[static_cast<int>(Gas::CO2)] = 1.0;
    s.gwp100[static_cast<int>(Gas::CO2e)] = 1.0;
    s.source[static_cast<int>(Gas::CO2e)] = "already CO2-equivalent";
    sets_.push_back(std::move(s));
    return sets_.back();
}

const GwpSet& GwpTable::require(std::string_view name) const {
    for (const auto& s : sets_)
        if (s.name == name) return s;
    const std::string list = join(sets_, ", ", [](const GwpSet& s) { return s.name; });
    throw Error({"", 0, "gwp"}, "unknown GWP set '" + std::string(name) + "'", "use one of " + list);
}

}  // namespace klima

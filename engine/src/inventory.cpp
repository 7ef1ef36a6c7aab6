#include "klima/inventory.hpp"
#include "klima/join.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>

namespace klima {

void Total::add(const InventoryLine& l) {
    ++lines;
    if (l.missing()) ++missing;
    else co2e += l.co2e;
    for (const auto& g : l.gases) gas_co2e[static_cast<std::size_t>(g.gas)] += g.co2e;
}

namespace {

// `Records` is ActivitySet (each line takes its record) or const ActivitySet (each line copies it).
template <class Records>
InventoryResult compute(Records& records, int year, const ReferenceData& ref, const std::string& gwp_set) {
    const GwpSet& gwp = ref.gwp.require(gwp_set);
    InventoryResult out;
    out.year = year;
    out.gwp_set = gwp.name;

    // Reserved once: a line cannot be moved without a copy (Boost.Units quantities have no noexcept
    // move), so a growing vector would copy every line each time it doubles.
    out.lines.reserve(static_cast<std::size_t>(
        std::count_if(records.begin(), records.end(), [&](const ActivityRecord& r) { return r.year == year; })));
    for (auto& given : records) {
        if (given.year != year) continue;
        ref.validate(given);
        InventoryLine line;
        if constexpr (std::is_const_v<Records>) line.record = given;
        else line.record = std::move(given);  // its year stays, for years_in below
        const ActivityRecord& r = line.record;
        line.subsector = ref.taxonomy.find(r.sector, r.subsector);
        if (r.amount) {
            const auto factors = ref.factors.lookup(r.carrier, r.subsector, year);
            if (factors.empty())
                throw Error(r.origin,
                            "no emission factor for carrier '" + r.carrier + "' in " + r.subsector + " for " +
                                std::to_string(year),
                            "add a row for " + r.carrier + " covering " + std::to_string(year) + " to data/factors/");
            for (const EmissionFactor* f : factors) {
                GasEmission e{f->gas, {}, {}, f, gwp.gwp100[static_cast<int>(f->gas)]};
                try {
                    e.mass = units::emission(ref.amount_for(r, *f, line.conversion), f->value);
                } catch (const Error& err) {
                    if (err.where().field == "quantity") throw Error(r.at("quantity"), err.problem(), err.fix());
                    throw Error(r.at("unit"), err.problem() + " (factor at " + to_string(f->origin) + ")", err.fix());
                }
                e.co2e = gwp.co2e(f->gas, e.mass);
                if (!std::isfinite(e.co2e.value()) || !std::isfinite((line.co2e + e.co2e).value()))
                    throw Error(r.at("quantity"),
                                "the emission of " + std::string(to_string(f->gas)) +
                                    " is too large to compute (factor at " + to_string(f->origin) + ")",
                                "check the quantity and its unit");
                line.co2e += e.co2e;
                out.by_gas_mass[f->gas] += e.mass;
                out.by_gas_co2e[f->gas] += e.co2e;
                line.gases.push_back(e);
            }
            // When every factor took the converted energy, the line's amount is
            // that energy, so that the amount and the factors are shown in
            // matching units; the volume or mass as read stays in the conversion.
            bool all_converted = line.conversion.has_value();
            for (const auto& g : line.gases)
                all_converted = all_converted && units::factor_kind(g.factor->value) == units::AmountKind::energy;
            if (all_converted) line.record.amount = line.conversion->energy;
        }
        out.lines.push_back(std::move(line));
    }

    if (out.lines.empty()) {
        const std::string present = join(years_in(records), ", ", [](int y) { return std::to_string(y); });
        throw Error({"", 0, "year"}, "no activity records for " + std::to_string(year),
                    present.empty() ? "the data holds no records" : "choose one of the years present: " + present);
    }

    // Every sum is checked too: two large lines may overflow together.
    units::Mass running;
    for (const auto& l : out.lines) {
        running += units::kilograms(std::abs(l.co2e.value()));
        if (!std::isfinite(running.value()))
            throw Error(l.record.at("quantity"), "the total is too large to compute once this line is added",
                        "check the quantities and their units");
    }
    for (const auto& l : out.lines) {
        out.by_sector[l.record.sector].add(l);
        out.by_subsector[l.record.sector + "/" + l.record.subsector].add(l);
        if (l.subsector->territorial) {
            out.territorial.add(l);
            if (!ref.taxonomy.is_lulucf(l.record.sector)) out.territorial_excl_lulucf.add(l);
        } else {
            out.reported_apart.add(l);
        }
    }
    return out;
}

}  // namespace

InventoryResult compute_inventory(const ActivitySet& records, int year, const ReferenceData& ref,
                                  const std::string& gwp_set) {
    return compute(records, year, ref, gwp_set);
}

InventoryResult compute_inventory(ActivitySet&& records, int year, const ReferenceData& ref,
                                  const std::string& gwp_set) {
    auto out = compute(records, year, ref, gwp_set);
    ActivitySet().swap(records);  // what the lines did not take: only its memory
    return out;
}

}  // namespace klima

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

InventoryLines held_lines(const InventoryResult& inv) {
    return [&inv](const InventoryLineVisitor& visit) {
        for (const auto& l : inv.lines) visit(l);
    };
}

InventoryBuilder::InventoryBuilder(int year, const ReferenceData& ref, const std::string& gwp_set, bool keep_lines)
    : ref_(ref), gwp_(ref.gwp.require(gwp_set)), keep_(keep_lines) {
    out_.year = year;
    out_.gwp_set = gwp_.name;
}

const InventoryLine& InventoryBuilder::add(ActivityRecord&& given) {
    const int year = out_.year;
    ref_.validate(given);
    InventoryLine line;
    line.record = std::move(given);  // its year stays, for years_in in compute_inventory
    const ActivityRecord& r = line.record;
    line.subsector = ref_.taxonomy.find(r.sector, r.subsector);
    if (r.amount) {
        const auto factors = ref_.factors.lookup(r.carrier, r.subsector, year);
        if (factors.empty())
            throw Error(
                r.origin,
                "no emission factor for carrier '" + r.carrier + "' in " + r.subsector + " for " + std::to_string(year),
                "add a row for " + r.carrier + " covering " + std::to_string(year) + " to data/factors/");
        for (const EmissionFactor* f : factors) {
            GasEmission e{f->gas, {}, {}, f, gwp_.gwp100[static_cast<int>(f->gas)]};
            try {
                e.mass = units::emission(ref_.amount_for(r, *f, line.conversion), f->value);
            } catch (const Error& err) {
                if (err.where().field == "quantity") throw Error(r.at("quantity"), err.problem(), err.fix());
                throw Error(r.at("unit"), err.problem() + " (factor at " + to_string(f->origin) + ")", err.fix());
            }
            e.co2e = gwp_.co2e(f->gas, e.mass);
            if (!std::isfinite(e.co2e.value()) || !std::isfinite((line.co2e + e.co2e).value()))
                throw Error(r.at("quantity"),
                            "the emission of " + std::string(to_string(f->gas)) +
                                " is too large to compute (factor at " + to_string(f->origin) + ")",
                            "check the quantity and its unit");
            line.co2e += e.co2e;
            out_.by_gas_mass[f->gas] += e.mass;
            out_.by_gas_co2e[f->gas] += e.co2e;
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
    ++added_;
    // Every sum is checked too: two large lines may overflow together.
    running_ += units::kilograms(std::abs(line.co2e.value()));
    if (!overflow_ && !std::isfinite(running_.value())) overflow_ = line.record.at("quantity");
    out_.by_sector[line.record.sector].add(line);
    out_.by_subsector[line.record.sector + "/" + line.record.subsector].add(line);
    if (line.subsector->territorial) {
        out_.territorial.add(line);
        if (!ref_.taxonomy.is_lulucf(line.record.sector)) out_.territorial_excl_lulucf.add(line);
    } else {
        out_.reported_apart.add(line);
    }
    for (const auto& g : line.gases) {
        const auto status = static_cast<std::size_t>(g.factor->status());
        ++out_.factors_by_status[status];
        if (line.subsector->territorial) out_.territorial_co2e_by_status[status] += g.co2e;
        if (g.factor->override_layer) {
            out_.overridden_subsectors.insert(line.record.sector + "/" + line.record.subsector);
            ++out_.override_factors;
        }
    }
    if (keep_) {
        out_.lines.push_back(std::move(line));
        return out_.lines.back();
    }
    line_ = std::move(line);
    return line_;
}

InventoryResult InventoryBuilder::finish() && {
    if (added_ == 0)
        throw Error({"", 0, "year"}, "no activity records for " + std::to_string(out_.year),
                    "the data holds no records");
    if (overflow_)
        throw Error(*overflow_, "the total is too large to compute once this line is added",
                    "check the quantities and their units");
    return std::move(out_);
}

namespace {

// `Records` is ActivitySet (each line takes its record) or const ActivitySet (each line copies it).
template <class Records>
InventoryResult compute(Records& records, int year, const ReferenceData& ref, const std::string& gwp_set) {
    InventoryBuilder builder(year, ref, gwp_set, true);
    builder.reserve(static_cast<std::size_t>(
        std::count_if(records.begin(), records.end(), [&](const ActivityRecord& r) { return r.year == year; })));
    bool any = false;
    for (auto& given : records) {
        if (given.year != year) continue;
        any = true;
        if constexpr (std::is_const_v<Records>) builder.add(ActivityRecord(given));
        else builder.add(std::move(given));
    }
    if (!any) {
        const std::string present = join(years_in(records), ", ", [](int y) { return std::to_string(y); });
        throw Error({"", 0, "year"}, "no activity records for " + std::to_string(year),
                    present.empty() ? "the data holds no records" : "choose one of the years present: " + present);
    }
    return std::move(builder).finish();
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

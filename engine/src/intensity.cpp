#include "klima/intensity.hpp"

#include <algorithm>

namespace klima {

namespace {

// The terms of record `r` (its amount of `kind`) in `year`, one a looked-up factor row.
std::vector<IntensityTable::Term> terms_in(const ReferenceData& ref, const GwpSet& gwp, const ActivityRecord& r,
                                           units::AmountKind kind, int year) {
    const auto factors = ref.factors.lookup(r.carrier, r.subsector, year);
    if (factors.empty())
        throw Error(
            r.origin,
            "no emission factor for carrier '" + r.carrier + "' in " + r.subsector + " for " + std::to_string(year),
            "add a row for " + r.carrier + " covering " + std::to_string(year) + " to data/factors/");
    ActivityRecord one;
    one.year = year;
    one.carrier = r.carrier;
    one.unit = r.unit;
    one.amount = units::amount_of(kind, 1.0);
    std::optional<FuelConversion> conversion;
    std::vector<IntensityTable::Term> out;
    for (const EmissionFactor* f : factors) {
        try {
            out.push_back(
                {f, units::in_kg(gwp.co2e(f->gas, units::emission(ref.amount_for(one, *f, conversion), f->value)))});
        } catch (const Error& err) {
            Location at = r.origin;
            at.field = err.where().field == "quantity" ? "quantity" : "unit";
            throw Error(at, err.problem() + " (" + f->origin.file + ":" + std::to_string(f->origin.line) + ")",
                        err.fix());
        }
    }
    return out;
}

// kg CO2e per SI unit of `kind` (J, m, kg, m², count, m³) in `year`. Every
// conversion is linear, so the emission of one SI unit, converted as
// compute_inventory converts it, is the coefficient.
double kg_per_si(const ReferenceData& ref, const GwpSet& gwp, const ActivityRecord& r, units::AmountKind kind,
                 int year) {
    units::Mass per_unit{};
    for (const auto& t : terms_in(ref, gwp, r, kind, year)) per_unit += units::kilograms(t.kg_per_si);
    return units::in_kg(per_unit);
}

}  // namespace

IntensitySeries::IntensitySeries(const ReferenceData& ref, const GwpSet& gwp) : ref_(&ref), gwp_(&gwp) {}

// The key holds the unit as written: a normal cubic metre of gas may carry
// another heating value than a cubic metre.
std::size_t IntensitySeries::intern(const ActivityRecord& r) {
    key_.assign(r.subsector);
    key_.push_back('\n');
    key_.append(r.carrier);
    key_.push_back('\n');
    key_.append(r.unit);
    const auto [it, added] = keys_.try_emplace(key_, spans_.size());
    if (added) spans_.emplace_back();
    return it->second;
}

// A coefficient depends on the year only through the factor rows lookup finds
// and the fuel properties amount_for converts with (the GWP set is the run's):
// where both are the same rows, so is every bit of it.
units::Mass IntensitySeries::co2e(std::size_t key, const ActivityRecord& r, int year) {
    if (!r.amount) return units::kilograms(0.0);
    const auto kind = units::kind_of(*r.amount);
    Span& span = spans_[key][static_cast<std::size_t>(kind)];
    if (year < span.first || year > span.last) {
        const double coefficient = kg_per_si(*ref_, *gwp_, r, kind, year);  // throws before anything is kept
        const auto factors = ref_->factors.same_rows(r.carrier, r.subsector, year);
        const auto properties = ref_->fuel_properties.same_rows(r.carrier, year);
        span.kg_per_si = coefficient;
        span.first = std::max(factors.first, properties.first);
        span.last = std::min(factors.second, properties.second);
    }
    return units::kilograms(units::si_value(*r.amount) * span.kg_per_si);
}

IntensityTable::IntensityTable(const ReferenceData& ref, const GwpSet& gwp, int year)
    : ref_(&ref), gwp_(&gwp), year_(year), series_(ref, gwp) {}

std::vector<IntensityTable::Term> IntensityTable::terms(const ActivityRecord& r) const {
    return terms_in(*ref_, *gwp_, r, units::kind_of(*r.amount), year_);
}

units::Mass IntensityTable::co2e(const ActivityRecord& r) { return series_.co2e(series_.intern(r), r, year_); }

units::MassPerEnergy energy_intensity(const ReferenceData& ref, const std::string& gwp_set, const std::string& carrier,
                                      const std::string& subsector, int year) {
    ActivityRecord probe;  // no table for one key: what IntensitySeries::co2e computes for it
    probe.year = year;
    probe.subsector = subsector;
    probe.carrier = carrier;
    probe.amount = units::megawatt_hours(1.0);
    const double kg = units::si_value(*probe.amount) *
                      kg_per_si(ref, ref.gwp.require(gwp_set), probe, units::AmountKind::energy, year);
    return units::kilograms(kg) / units::megawatt_hours(1.0);
}

}  // namespace klima

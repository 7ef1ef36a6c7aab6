#include "klima/intensity.hpp"

namespace klima {

namespace {

units::Amount unit_amount(units::AmountKind kind) { return units::amount_of(kind, 1.0); }

}  // namespace

IntensityTable::IntensityTable(const ReferenceData& ref, const GwpSet& gwp, int year)
    : ref_(&ref), gwp_(&gwp), year_(year) {}

// kg CO2e per SI unit of `kind` (J, m, kg, m², count, m³). Every conversion
// is linear, so the emission of one SI unit, converted as compute_inventory
// converts it, is the coefficient. The key holds the unit as written: a
// normal cubic metre of gas may carry another heating value than a cubic metre.
double IntensityTable::coefficient(const ActivityRecord& r, units::AmountKind kind) {
    key_.assign(r.subsector);
    key_.push_back('\n');
    key_.append(r.carrier);
    key_.push_back('\n');
    key_.append(r.unit);
    auto& entry = cache_[key_];
    const auto k = static_cast<std::size_t>(kind);
    if (entry.known[k]) return entry.kg_per_si[k];
    units::Mass per_unit{};
    for (const Term& t : terms_of(r, kind)) per_unit += units::kilograms(t.kg_per_si);
    entry.kg_per_si[k] = units::in_kg(per_unit);
    entry.known[k] = true;
    return entry.kg_per_si[k];
}

std::vector<IntensityTable::Term> IntensityTable::terms_of(const ActivityRecord& r, units::AmountKind kind) const {
    const auto factors = ref_->factors.lookup(r.carrier, r.subsector, year_);
    if (factors.empty())
        throw Error(
            r.origin,
            "no emission factor for carrier '" + r.carrier + "' in " + r.subsector + " for " + std::to_string(year_),
            "add a row for " + r.carrier + " covering " + std::to_string(year_) + " to data/factors/");
    ActivityRecord one;
    one.year = year_;
    one.carrier = r.carrier;
    one.unit = r.unit;
    one.amount = unit_amount(kind);
    std::optional<FuelConversion> conversion;
    std::vector<Term> out;
    for (const EmissionFactor* f : factors) {
        try {
            out.push_back({f, units::in_kg(gwp_->co2e(
                                  f->gas, units::emission(ref_->amount_for(one, *f, conversion), f->value)))});
        } catch (const Error& err) {
            Location at = r.origin;
            at.field = err.where().field == "quantity" ? "quantity" : "unit";
            throw Error(at, err.problem() + " (" + f->origin.file + ":" + std::to_string(f->origin.line) + ")",
                        err.fix());
        }
    }
    return out;
}

std::vector<IntensityTable::Term> IntensityTable::terms(const ActivityRecord& r) const {
    return terms_of(r, units::kind_of(*r.amount));
}

units::Mass IntensityTable::co2e(const ActivityRecord& r) {
    if (!r.amount) return units::kilograms(0.0);
    return units::kilograms(units::si_value(*r.amount) * coefficient(r, units::kind_of(*r.amount)));
}

units::MassPerEnergy energy_intensity(const ReferenceData& ref, const std::string& gwp_set, const std::string& carrier,
                                      const std::string& subsector, int year) {
    IntensityTable table(ref, ref.gwp.require(gwp_set), year);
    ActivityRecord probe;
    probe.year = year;
    probe.subsector = subsector;
    probe.carrier = carrier;
    probe.amount = units::megawatt_hours(1.0);
    return table.co2e(probe) / units::megawatt_hours(1.0);
}

}  // namespace klima

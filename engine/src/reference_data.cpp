#include "klima/reference_data.hpp"
#include "klima/join.hpp"

namespace klima {
namespace {

// A volume or mass of fuel where the subsector takes energy: fine when every
// factor of the carrier there is per that kind (no conversion needed) or the
// fuel's properties turn it into energy.
bool fuel_as_energy(const ReferenceData& ref, const ActivityRecord& r, const Subsector& sub, units::AmountKind kind) {
    if (kind != units::AmountKind::volume && kind != units::AmountKind::mass) return false;
    if (!sub.accepts_kind(units::AmountKind::energy)) return false;
    if (ref.fuel_properties.can_convert(r.carrier, r.unit, r.year)) return true;
    if (r.unit.empty() && kind == units::AmountKind::volume &&
        (ref.fuel_properties.can_convert(r.carrier, "m3", r.year) ||
         ref.fuel_properties.can_convert(r.carrier, "Nm3", r.year)))
        return true;
    if (r.unit.empty() && kind == units::AmountKind::mass && ref.fuel_properties.can_convert(r.carrier, "t", r.year))
        return true;
    const auto factors = ref.factors.lookup(r.carrier, r.subsector, r.year);
    if (factors.empty()) return false;
    for (const auto* f : factors)
        if (units::factor_kind(f->value) != kind) return false;
    return true;
}

}  // namespace

void ReferenceData::validate(const ActivityRecord& r) const {
    const Subsector* found = nullptr;
    const Carrier* carrier = nullptr;
    try {
        found = &taxonomy.require(r.sector, r.subsector, r.origin);
        carrier = &carriers.require(r.carrier, r.origin);
    } catch (const Error& e) {  // the field of a JSON record is a path below the record's own
        throw Error(r.at(e.where().field), e.problem(), e.fix());
    }
    const Subsector& sub = *found;
    if (!r.amount) return;  // missing is allowed; it is counted, never zeroed
    const auto kind = units::kind_of(*r.amount);
    if (!sub.accepts_kind(kind) && !fuel_as_energy(*this, r, sub, kind)) {
        const std::string ok = join(sub.accepts, " or ", units::to_string);
        const bool physical = kind == units::AmountKind::volume || kind == units::AmountKind::mass;
        if (physical && carrier->kind == CarrierKind::fuel && sub.accepts_kind(units::AmountKind::energy)) {
            const auto e = fuel_properties.unit_error(r.carrier, r.unit.empty() ? "this unit" : r.unit, r.year);
            throw Error(r.at("unit"), e.problem(), e.fix());
        }
        throw Error(r.at("unit"),
                    "subsector " + r.sector + "/" + r.subsector + " takes " + ok + ", not " +
                        std::string(units::to_string(kind)),
                    "give the quantity in a unit of " + ok);
    }
    if (units::display_value(*r.amount) < 0.0)
        throw Error(r.at("quantity"), "negative quantity",
                    "activity data is never negative; removals come from negative factors");
}

units::Amount ReferenceData::amount_for(const ActivityRecord& r, const EmissionFactor& f,
                                        std::optional<FuelConversion>& conversion) const {
    const auto kind = units::kind_of(*r.amount);
    const bool physical = kind == units::AmountKind::volume || kind == units::AmountKind::mass;
    if (!physical || units::factor_kind(f.value) != units::AmountKind::energy) return *r.amount;
    if (!conversion) conversion = fuel_properties.to_energy(r.carrier, *r.amount, r.unit, r.year);
    return conversion->energy;
}

}  // namespace klima

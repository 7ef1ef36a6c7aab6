#include "klima/reference_data.hpp"
#include "klima/join.hpp"

namespace klima {

void ReferenceData::validate(const ActivityRecord& r) const {
    const Subsector* found = nullptr;
    try {
        found = &taxonomy.require(r.sector, r.subsector, r.origin);
        carriers.require(r.carrier, r.origin);
    } catch (const Error& e) {  // the field of a JSON record is a path below the record's own
        throw Error(r.at(e.where().field), e.problem(), e.fix());
    }
    const Subsector& sub = *found;
    if (!r.amount) return;  // missing is allowed; it is counted, never zeroed
    const auto kind = units::kind_of(*r.amount);
    if (!sub.accepts_kind(kind)) {
        const std::string ok = join(sub.accepts, " or ", units::to_string);
        throw Error(r.at("unit"), "subsector " + r.sector + "/" + r.subsector + " takes " + ok + ", not " +
                                      std::string(units::to_string(kind)),
                    "give the quantity in a unit of " + ok);
    }
    if (units::display_value(*r.amount) < 0.0)
        throw Error(r.at("quantity"), "negative quantity",
                    "activity data is never negative; removals come from negative factors");
}

}  // namespace klima

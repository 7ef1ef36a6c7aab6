#include "klima/reference_data.hpp"
#include "klima/join.hpp"

namespace klima {

void ReferenceData::validate(const ActivityRecord& r) const {
    const Subsector& sub = taxonomy.require(r.sector, r.subsector, r.origin);
    carriers.require(r.carrier, r.origin);
    if (!r.amount) return;  // missing is allowed; it is counted, never zeroed
    const auto kind = units::kind_of(*r.amount);
    Location at = r.origin;
    at.field = "unit";
    if (!sub.accepts_kind(kind)) {
        const std::string ok = join(sub.accepts, " or ", units::to_string);
        throw Error(at, "subsector " + r.sector + "/" + r.subsector + " takes " + ok + ", not " +
                            std::string(units::to_string(kind)),
                    "give the quantity in a unit of " + ok);
    }
    if (units::display_value(*r.amount) < 0.0) {
        at.field = "quantity";
        throw Error(at, "negative quantity", "activity data is never negative; removals come from negative factors");
    }
}

}  // namespace klima

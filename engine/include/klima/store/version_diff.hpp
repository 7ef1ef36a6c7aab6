// Comparing two inventory versions and restating them: how much of a change
// per sector and year comes from new activity data and how much from revised
// emission factors, and the recalculation of every year (the base year
// included) after a factor revision, as the GHG Protocol asks.
#pragma once

#include "klima/reference_data.hpp"
#include "klima/store/store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima::store {

// `base` with its emission factors replaced by `factors` (taxonomy, carriers,
// GWP sets and fuel properties stay those of `base`).
ReferenceData with_factors(const ReferenceData& base, FactorLibrary factors);

// What version `v` of `store` is computed with: `base` with the version's factor set (its own,
// else the newest in the store, else — a store made before schema 5 from activity alone —
// `base`'s own factors) and its overrides laid over it; `allocation` is the version's.
ReferenceData reference_for(const Store& store, const Version& v, const ReferenceData& base);

// A version after an earlier one and the years its activity or status import held (empty for factors).
struct VersionTouch {
    Version version;
    std::vector<int> years;
};
// Every version in (v1, v2] (or (v2, v1] when v2 < v1), oldest first.
std::vector<VersionTouch> touched_between(const Store& store, int v1, int v2);

// Totals of a (year, sector) under version 1 (A1, F1) and version 2 (A2, F2).
// `sector` is a sector code, or "territorial" for the territorial total.
struct SectorChange {
    int year = 0;
    std::string sector;
    std::optional<units::Mass> before, after;  // nullopt: no line there, or every line missing
    int missing_before = 0, missing_after = 0;
    units::Mass change;  // after − before, a side without a value counting as 0
    // The symmetric (Shapley) split of `change`; the two add up to it.
    // nullopt when a crossed combination (A2 with F1, or A1 with F2) cannot be
    // computed, e.g. F1 has no factor for a carrier that only A2 uses.
    std::optional<units::Mass> activity_effect, factor_effect;
};

std::vector<SectorChange> attribute_change(const ActivitySet& a1, const FactorLibrary& f1, const ActivitySet& a2,
                                           const FactorLibrary& f2, const ReferenceData& base,
                                           const std::string& gwp_set);

struct VersionComparison {
    store::Version before, after;
    std::vector<store::SectorChange> changes;
    std::vector<store::VersionTouch> touched;  // the versions between, with the years each imported
};

struct RestatedTotal {
    int year = 0;
    std::string name;  // sector code, or territorial / territorial_excl_lulucf / reported_apart
    bool is_sector = true;
    std::optional<units::Mass> before, after;  // before: as last computed for an earlier version
    int missing_before = 0, missing = 0;       // lines missing in `before` and in `after`
};

struct Recalculation {
    int version = 0;                                     // the version restated (the current one)
    std::optional<int> previous;                         // the earlier version it is compared with, if any was computed
    std::vector<int> years;                              // every year recomputed; the first is the base year
    ChpAllocation allocation = ChpAllocation::declared;  // of the factor set it was computed with
    std::vector<RestatedTotal> totals;
};

// Recompute every year of the current version with its factor set, store the
// results against that version, and compare with the last earlier version
// that was computed under the same GWP set.
Recalculation recalculate(Store& store, const ReferenceData& base, const std::string& gwp_set);

}  // namespace klima::store

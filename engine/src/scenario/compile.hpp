// Internal to the scenario engine: a scenario's activity and measures
// compiled once into interned keys and op templates (canonical order), so
// that each year only scales sizes by the phase-in share.
#pragma once

#include "plan.hpp"

#include "klima/activity.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"

#include <map>
#include <string>
#include <vector>

namespace klima::plan {

struct Template {
    std::size_t player = 0, effect = 0;
    Op::Kind kind = Op::Kind::scale;
    std::vector<std::size_t> src;
    std::vector<double> mult;
    std::size_t target = kNone;
    const EffectSize* size = nullptr;  // activity ops
    double back = 1.0;                 // move_amount: source SI per service SI
    double fwd = 1.0;                  // move_amount: target SI per service SI
    double factor = 0.0;               // factor_scale: reduction; factor_set: kg CO2e per SI unit
    std::string rows;                  // what it selects, for errors: "energi/individuel_opvarmning naturgas"
    std::string missing_row;           // a selected row whose launch-year value is missing ("" when none)
    units::AmountKind amount_kind = units::AmountKind::energy;  // of fixed-size removals
    Location at;                                                // the effect in the scenario file

    // The op of a year with phase-in share `phase` (> 0). value 0 means nothing to do.
    Op instantiate(units::Ratio phase) const;
    // The same into `op`, every field overwritten (its vectors' capacity reused).
    void instantiate(units::Ratio phase, Op& op) const;
    // Share-sized ops (scale, move_share, factor_scale): the share at full effect; else 0.
    double full_share() const;
};

struct Plan {
    std::vector<Key> keys;
    std::vector<Template> templates;  // canonical order: stage, measure id, effect index
    std::vector<std::size_t> rank;    // measure index → position in id order
    // The trends BAU holds (spec.trends, in file order; `player` the trend's
    // index): share switches applied to BAU itself, before any measure.
    std::vector<Template> trends;
    // Keys the launch year lacks (or leaves empty), carried from the latest
    // earlier inventory year that holds them.
    struct Carried {
        std::size_t key = 0;
        int from_year = 0;
    };
    std::vector<Carried> carried;
    int launch_missing = 0;  // launch-year values missing and not carried (left out, never zero)
};

// The carriers and factors of the rows with factors of their own (land use,
// construction), added to `ref` (a copy of the reference data) when it lacks
// the carrier: what compile and the intensity tables need for those rows.
void add_own_factors(const ScenarioSpec& spec, ReferenceData& ref);
// Whether add_own_factors would add anything to `ref`: a row of a measure's own whose carrier `ref`
// lacks. Without one the run reads `ref` as it is, and no copy is needed.
bool brings_own_factors(const ScenarioSpec& spec, const ReferenceData& ref);

// BAU of a year with its trends: each trend's template applied to `bau` (the
// driver-scaled amounts) with the share still to come after the launch year,
// (s(y) − s(L)) / (1 − s(L)) (docs/method.md, "BAU with trends"). Nothing
// changes in the launch year or for a plan without trends.
void apply_trends(const Plan& plan, const ScenarioSpec& spec, int launch, int year, std::vector<double>& bau);

// `rows` maps "sector/subsector" to its trajectory row. The keys start from
// the activity of `launch_year` (rows it lacks carried from earlier years
// back to spec.base_year). `ref` must already
// hold the measures' own carriers and factors. Throws klima::Error at the
// effect for unknown codes, rows that cannot take the effect's units, or
// conversions that do not fit.
Plan compile(const ScenarioSpec& spec, const ActivitySet& activity, const ReferenceData& ref,
             const std::map<std::string, std::size_t>& rows, int launch_year);

}  // namespace klima::plan

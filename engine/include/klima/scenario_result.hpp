// What a scenario run produces, and what reports read: BAU and scenario
// trajectories and each measure's contribution, cost and metadata.
// Contributions sum exactly to bau − scenario (order-free attribution).
#pragma once

#include "klima/trajectory.hpp"
#include "klima/units.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima {

struct MeasureResult {
    std::string id;     // unique within the scenario, e.g. "elbusser"
    std::string type;   // "effects", or the preset it came from, e.g. "electric_buses"
    std::string name;   // human name (Danish in the bundled scenarios)
    std::string theme;  // empty when the plan gives none
    std::string owner;  // responsible unit; empty when the plan does not say (DK2020 check flags it)
    int start_year = 0;
    int full_effect_year = 0;                           // phase-in complete
    Trajectory effect;                                  // avoided emissions per row and year (positive = reduction)
    units::Money cost;                                  // total cost over the horizon, DKK
    std::optional<units::MoneyPerMass> cost_per_tonne;  // none when nothing is avoided
    std::map<int, units::Mass> realised;                // realised effect reported per year (may be empty)
    // The effect per year, all rows, of the plan as adopted: projected from
    // the base year, the whole phase-in counted. Progress against the plan
    // and cost per tonne use it; `effect` holds only what is left to come
    // after the launch year. Equal to effect's totals when the run launches
    // from the base year.
    std::map<int, units::Mass> planned;
};

// What a year of a scenario's trajectories is.
enum class YearKind {
    actual,        // an inventory of that year
    interpolated,  // between two inventory years, linear per row
    projected,     // after the launch year: drivers, factor paths and measures
};
std::string_view to_string(YearKind k);

// Where a scenario's history comes from (docs/scenarios.md, "History"): an activity file (or the
// store), or the Energi- og CO2-regnskab's sector totals for one municipality (data/national/),
// which every output names.
struct ScenarioHistory {
    enum class Kind { activity, national };
    Kind kind = Kind::activity;
    std::string municipality_code;  // national: the kommunekode, "0253"
    std::string source;             // national: "Energi- og CO2-regnskabet, Energistyrelsen / klimaregnskabet.dk"
    std::string vintage;            // national: the vintage read, "2026-05-18"
    bool national() const { return kind == Kind::national; }
};

struct ScenarioResult {
    std::string name;
    std::string municipality;  // e.g. "koege"
    int base_year = 0;         // first year of the trajectories (the scenario's base year)
    int launch_year = 0;       // the inventory year the projection starts from (docs/method.md)
    std::string gwp_set;
    ScenarioHistory history;  // copied from the spec
    // base_year..2050, t CO2e per row. Up to the launch year both hold the
    // history (inventories, interpolated between them) and are equal; from
    // it on, the projections. Measure effects are zero before the launch year.
    Trajectory bau;
    Trajectory scenario;               // same shape
    std::vector<YearKind> year_kinds;  // one per year base_year..last year
    // Whether BAU holds trends, and which (id, name, status, source), in the trends file's order.
    struct TrendInfo {
        std::string id, name, status, source;
    };
    bool bau_with_trends = false;
    std::vector<TrendInfo> trends;
    std::string_view bau_kind() const { return bau_with_trends ? "with trends" : "frozen"; }
    YearKind kind_of(int year) const;  // throws klima::Error outside the trajectories
    std::vector<MeasureResult> measures;
    // Activity values missing in the base-year inventory (left out of its
    // total, never zero), and in the launch year without an earlier value to
    // carry (left out of BAU and scenario alike, so both are understated).
    int base_year_missing = 0;
    int launch_year_missing = 0;
    // Rows the launch-year inventory lacks (or leaves empty), carried into
    // the projection from the latest earlier inventory that has them.
    struct CarriedRow {
        std::string row;  // "sector/subsector"
        std::string carrier;
        int from_year = 0;
    };
    std::vector<CarriedRow> carried;
    // Where the measures' shares are estimated (sampled Shapley values: no
    // closed form, and all coalitions cost more than the work budget allows,
    // docs/method.md); empty when every share is exact. Each measure's share
    // of that row and year is within `bound` of its exact Shapley value (99 %
    // confidence), and the shares still sum to BAU − scenario exactly.
    struct EstimatedRow {
        std::string row;  // "sector/subsector"
        int year = 0;
        std::size_t measures = 0;  // the most interacting measures in one game of the row
        units::Mass bound{};
    };
    std::vector<EstimatedRow> estimated;
};

// Measures summed by theme, themes in the order they first appear; measures
// without a theme form one group with an empty name.
struct ThemeResult {
    std::string theme;
    std::vector<std::size_t> measures;  // indices into ScenarioResult::measures
    Trajectory effect;                  // sum of the measures' effects
    units::Money cost;
    units::Mass planned_cumulative;  // Σ of the measures' planned effects, all years
};
std::vector<ThemeResult> themes_of(const ScenarioResult& r);
// The years as runs of one kind: 2017 actual, 2018–2022 interpolated, …
struct YearSpan {
    YearKind kind = YearKind::projected;
    int from = 0, to = 0;
};
std::vector<YearSpan> year_spans(const ScenarioResult& r);
// Σ of a measure's planned effect over all years (the plan as adopted).
units::Mass planned_cumulative(const MeasureResult& m);
// Cost per tonne avoided: none when nothing is avoided.
std::optional<units::MoneyPerMass> cost_per_tonne(units::Money cost, units::Mass avoided);
// Whether any measure names a theme (then tables and charts group by theme).
bool names_themes(const std::vector<ThemeResult>& themes);

}  // namespace klima

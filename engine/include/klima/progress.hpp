// The DK2020 progress table of a reporting year: per sector the reference,
// base and latest inventory, changes, BAU and target in 2030, the planned
// effect of the measures and the remaining gap; per measure planned against
// realised effect and a status. Totals with and without LULUCF.
#pragma once

#include "klima/error.hpp"
#include "klima/gap.hpp"
#include "klima/scenario_result.hpp"
#include "klima/scope_total.hpp"
#include "klima/sector_totals.hpp"
#include "klima/targets.hpp"

#include <optional>
#include <string>
#include <vector>

namespace klima {

inline constexpr int kMilestoneYear = 2030;

struct ProgressRow {
    std::string key;  // sector code, or "total_incl_lulucf" / "total_excl_lulucf"
    std::string name_da, name_en;
    std::optional<units::Mass> reference, base, latest;               // none: no inventory (never a zero)
    std::optional<units::Ratio> change_vs_reference, change_vs_base;  // (latest − x) / |x|
    units::Mass bau_milestone;                                        // BAU in 2030
    std::optional<units::Mass> target_milestone;                      // the target path (or a sector's share) in 2030
    units::Mass planned_effect;                                       // Σ measure effects in 2030 = BAU − scenario
    std::optional<units::Mass> remaining_gap;                         // BAU − planned − target
};

enum class MeasureStatus { not_started, no_report, on_track, behind };
std::string_view to_string(MeasureStatus s);
// Realised ≥ 90 % of planned counts as on track.
inline constexpr double kOnTrackShare = 0.9;

struct MeasureProgress {
    std::string id, name, owner, theme;
    int start_year = 0, full_effect_year = 0;
    units::Mass planned;                  // effect planned in the reporting year (the plan as adopted)
    std::optional<units::Mass> realised;  // as reported; none when not reported
    units::Mass planned_milestone;        // the plan as adopted in 2030: compared with, never shown as the effect
    // The measure's effect in 2030: the order-free (Shapley) share in the targets' scope, and
    // what it avoids outside it (measure_effect, scope_total.hpp). The one effect every
    // section of the report shows (MACC, portfolio, themes, sectors).
    ScopeTotal effect_milestone;
    MeasureStatus status = MeasureStatus::no_report;
};

struct ProgressTable {
    int report_year = 0, reference_year = 0, base_year = 0;
    std::optional<int> latest_year;  // latest inventory year ≤ report year
    int milestone_year = kMilestoneYear;
    TargetScope scope = TargetScope::incl_lulucf;
    std::vector<ProgressRow> sectors;  // territorial sectors, taxonomy order
    ProgressRow total_incl_lulucf, total_excl_lulucf;
    std::vector<MeasureProgress> measures;
    // The measures' effects in 2030 (effect_milestone) summed by theme (order of
    // first appearance); empty when no measure names a theme.
    struct Theme {
        std::string theme;
        std::size_t measures = 0;
        ScopeTotal effect_milestone;
    };
    std::vector<Theme> themes;
};

// A measure's realised effect in a year as reported by the municipality.
struct RealisedEffect {
    std::string measure;  // MeasureResult::id
    int year = 0;
    units::Mass effect;  // avoided emissions, t CO2e
    std::string source;
    Location origin;  // file and line
};

// Records each realised effect on its measure. Throws klima::Error at the
// effect's origin for an unknown measure id or a second value for the same
// measure and year.
void record_realised(ScenarioResult& result, const std::vector<RealisedEffect>& effects);

// `inventories`: territorial sector totals of each year that has an
// inventory. The base year falls back to the BAU trajectory when it has none.
ProgressTable build_progress(const ScenarioResult& result, const TargetSet& targets, const TargetPath& path,
                             const GapAnalysis& gap, const Taxonomy& taxonomy,
                             const std::vector<SectorTotals>& inventories, int report_year);

// (x − from) / |from|; none when `from` is zero.
std::optional<units::Ratio> relative_change(units::Mass from, units::Mass to);

}  // namespace klima

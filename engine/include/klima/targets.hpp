// DK2020 targets of a municipality as data: a reference year, interim
// targets (a reduction in % against a stated year), and the neutrality year.
// From them: the linear target path and the cumulative carbon budget.
#pragma once

#include "klima/horizon.hpp"

#include "klima/units.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace klima {

// Which total a target is set on: the territorial total with or without LULUCF.
enum class TargetScope { incl_lulucf, excl_lulucf };
std::string_view to_string(TargetScope s);

struct InterimTarget {
    int year = 0;            // e.g. 2030
    units::Ratio reduction;  // 0.46 for "−46 %"
    int against_year = 0;    // the year the reduction is measured from (1990, 2017, …)
    std::string source;      // a citation, or text starting with "illustrative"
};

struct TargetSet {
    std::string municipality;       // "koege"
    std::string municipality_code;  // the four-digit kommunekode ("0259"); "" when the file names none
    std::string name;               // the plan, human readable
    TargetScope scope = TargetScope::incl_lulucf;
    int reference_year = 0;              // where the target path starts
    std::vector<InterimTarget> interim;  // sorted by year
    int neutrality_year = 0;             // net zero in the scope; 2050 at the latest
    std::string neutrality_source;
    // Scope totals a plan states for years the activity data does not cover
    // (e.g. a 1990 level), each with its source.
    std::map<int, units::Mass> stated_emissions;
    std::map<int, std::string> stated_sources;
    std::string file;  // where it was read, for error messages
};

// Scope totals by year that a target path can be anchored on.
using EmissionsByYear = std::map<int, units::Mass>;

class TargetPath {
public:
    // Anchors (year, level) strictly increasing in year; linear in between,
    // 0 after the last anchor up to `last_year`.
    TargetPath(std::vector<std::pair<int, units::Mass>> anchors, int last_year);

    int first_year() const { return anchors_.front().first; }
    int last_year() const { return last_year_; }
    bool has_year(int y) const { return y >= first_year() && y <= last_year_; }
    units::Mass at(int year) const;  // throws klima::Error outside first..last
    const std::vector<std::pair<int, units::Mass>>& anchors() const { return anchors_; }
    // Sum of the path over from..to inclusive (the cumulative budget).
    units::Mass cumulative(int from, int to) const;

private:
    std::vector<std::pair<int, units::Mass>> anchors_;
    int last_year_;
};

// The path through (reference year, E_ref), each interim target
// (year, E_against × (1 − reduction)) and (neutrality year, 0). Throws
// klima::Error naming the targets file and JSON path when an emissions level
// the path needs is unknown.
TargetPath target_path(const TargetSet& targets, const EmissionsByYear& known, int last_year = kLastYear);

// The "municipality" of the national targets (data/targets/national.json):
// they may be applied to any municipality, the DK2020 convention.
inline constexpr const char* kNationalTargets = "danmark";

// Where targets and a scenario meet: throws klima::Error (input) naming the
// targets file's "/municipality" and both municipalities when `targets` are
// another municipality's than `municipality`, the scenario's (read from
// `scenario_file`), and not the national targets. A Køge report must not be
// measured against Ballerup's −85 %.
void require_same_municipality(const TargetSet& targets, const std::string& municipality,
                               const std::string& scenario_file);

// A year's emission level: `known` (inventories) first, else what the plan states.
std::optional<units::Mass> emissions_in(const TargetSet& targets, const EmissionsByYear& known, int year);

}  // namespace klima

// A scenario's history from the Energi- og CO2-regnskab (data/national/): one municipality's
// sector totals as activity-like records the scenario engine projects, and the check that a plan
// on such a history asks only for what sector totals can give. Knows nothing of file formats or
// command-line flags (docs/national.md, "A plan from the national figures").
#pragma once

#include "klima/activity.hpp"
#include "klima/national/national_data.hpp"
#include "klima/scenario.hpp"

#include <string>
#include <string_view>

namespace klima::national {

// The taxonomy rows and carriers a national history uses (data/taxonomy/sectors.csv,
// data/factors/carriers.csv, non_energy.csv): a sector total ≥ 0 is `regnskab_co2e` (factor
// 1 t/t), a negative one (a net sink, Læsø's landbrug) is `regnskab_optag` with the amount
// removed (factor −1 t/t), since activity is never negative.
inline constexpr std::string_view kReportedCarrier = "regnskab_co2e";
inline constexpr std::string_view kRemovalCarrier = "regnskab_optag";
std::string_view history_sector(Sector s);     // "industri" → "industriprocesser"; the others as they are
std::string_view history_subsector(Sector s);  // "energi_regnskab", …

// The records of municipality `code` (a kommunekode) for every year of `data`: one per sector and
// year, in t CO2e, status official, source the regnskab and its vintage; each names `file` (the
// emissions CSV) for errors. Throws klima::Error (kind input) at `at` for a code not in the data.
ActivitySet history_records(const NationalData& data, const std::string& code, const std::string& file,
                            const Location& at);

// Throws klima::Error (kind input) at the measure's JSON path for a measure a national history
// cannot carry: a switch, shift or addition (they need fuel rows), a reduction or factor change
// naming a subsector or carrier of fuel rows, a factor change to a new value, and a share acting on
// a sector that is a net sink in the launch year (`history` holds the records, `launch` that year).
void check_measures_on_sector_totals(const ScenarioSpec& spec, const ActivitySet& history, int launch);

// Throws klima::Error (kind input) at the first trend's file and JSON path: every trend is a switch of
// fuel rows, which sector totals do not have, so on a national history it would change nothing
// while the outputs said "BAU with trends".
void check_trends_on_sector_totals(const std::vector<Trend>& trends);

}  // namespace klima::national

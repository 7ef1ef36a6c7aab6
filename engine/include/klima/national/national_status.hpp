// The status of every municipality from the regnskab's figures (national_data.hpp): totals,
// per inhabitant, derived population, change since the first year; three 2030 forecasts, the
// year the linear trend reaches zero, a Carbon-Law path, a grandfathered share of a national
// budget and the year it runs out, the municipality's own target where data/targets/ holds one,
// a residual-bootstrap Monte Carlo of the linear forecast, ranks; the national sums beside the
// national inventory. Every formula is in docs/method.md, "National monitor". Knows nothing of
// output formats (klima/national/national_report.hpp) or of where the targets were read.
#pragma once

#include "klima/draws.hpp"
#include "klima/executor.hpp"
#include "klima/national/national_data.hpp"
#include "klima/progress.hpp"
#include "klima/targets.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace klima::national {

// Least squares line through (year, total): value(y) = at_mean + per_year · (y − mean_year).
struct LinearTrend {
    double mean_year = 0;
    units::Mass at_mean;   // the mean of the totals
    units::Mass per_year;  // the slope, t CO2e a year (negative: falling)
    units::Mass at(double year) const { return at_mean + per_year * (year - mean_year); }
};
// Throws klima::Error (internal) for fewer than two points or years all equal.
LinearTrend fit_linear(const std::vector<int>& years, const std::vector<units::Mass>& totals);

// Holt's linear exponential smoothing: level ℓ₀ = y₀, trend b₀ = y₁ − y₀; then
// ℓₜ = α·yₜ + (1 − α)(ℓₜ₋₁ + bₜ₋₁), bₜ = β(ℓₜ − ℓₜ₋₁) + (1 − β)·bₜ₋₁; forecast h years on ℓ_T + h·b_T.
units::Mass holt_forecast(const std::vector<units::Mass>& totals, double alpha, double beta, int h);

enum class Forecast { linear, smoothed, cautious };
inline constexpr std::array<Forecast, 3> kForecasts = {Forecast::linear, Forecast::smoothed, Forecast::cautious};
std::string_view code(Forecast f);  // "linear", "smoothed", "cautious"

// The choices of a national run. Defaults are the documented ones (docs/method.md).
struct NationalParams {
    int forecast_year = kMilestoneYear;
    double holt_alpha = 0.5, holt_beta = 0.3;
    int recent_years = 3;             // the cautious forecast's recent trend: OLS over the last N years
    double carbon_law_rate = 0.1172;  // −11.72 % a year (Carbon Law, as Klimatkollen uses it)
    // The national budget from `budget_from` on. Default: illustrative, derived from the global
    // 1.5 °C (50 %) budget of 200 Gt CO2 from 2024 (Forster et al. 2024, ESSD 16:2625) times
    // Denmark's population share 5.96 M / 8.16 bn = 0.073 % → 146 Mt (docs/method.md).
    units::Mass national_budget = units::tonnes(146e6);
    int budget_from = 2024;
    std::string budget_source =
        "illustrative: 200 Gt CO2 global 1.5 °C budget from 2024 (Forster et al. 2024, ESSD 16:2625) × Denmark's "
        "population share 0.073 % = 146 Mt; a CO2 budget applied to CO2e, no deduction for aviation and shipping";
    std::string budget_source_da =
        "illustrativt: globalt CO2-budget for 1,5 °C på 200 Gt fra 2024 (Forster et al. 2024, ESSD 16:2625) × Danmarks "
        "andel af verdens befolkning 0,073 % = 146 Mt; et CO2-budget brugt på CO2e, uden fradrag for luft- og "
        "skibsfart";
    int draws = kDefaultDraws;          // Monte Carlo draws per municipality
    std::uint64_t seed = kDefaultSeed;  // draw i of municipality m depends on (seed, m, i) only, not on threads
    int threads = 0;                    // 0: the hardware's count
};

// The municipality's own target as data/targets/ holds it, measured on the regnskab's total.
struct TargetCheck {
    bool on_file = false;            // false: "no target on file"
    std::string file, plan;          // the targets file and the plan's name
    int year = 0;                    // the target year checked (the first interim target after the data)
    units::Ratio reduction;          // against `against_year`
    int against_year = 0;            // as the plan states it
    int base_year_used = 0;          // the data year the level is measured on: against_year when the data has it,
                                     // else the first data year (stated in every output)
    units::Mass level;               // (1 − reduction) × total(base_year_used)
    std::array<bool, 3> on_track{};  // by kForecasts: forecast(year) ≤ level
    double probability = 0;          // share of Monte Carlo draws of the linear forecast at `year` ≤ level
};

struct MunicipalityStatus {
    std::size_t index = 0;                     // into NationalData::municipalities
    std::vector<units::Count> population;      // derived, by NationalData::years
    units::Mass change;                        // total(last) − total(first)
    std::optional<units::Ratio> change_share;  // change ÷ total(first); none when total(first) ≤ 0
    LinearTrend trend;
    std::array<units::Mass, 3> forecast{};  // at NationalParams::forecast_year, by kForecasts
    std::optional<int> zero_year;           // the first whole year the linear trend is ≤ 0; none: never
    units::Mass carbon_law;                 // the Carbon-Law path at the forecast year
    units::Ratio budget_share;              // Σ own totals ÷ Σ all totals over the data's years
    units::Mass budget;                     // budget_share × national budget
    std::optional<int> budget_runout;       // the year the summed linear forecast passes the budget; none: not by 2100
    TargetCheck target;
    std::array<units::Mass, 3> mc{};         // p5, p50, p95 of the linear forecast's bootstrap
    int rank_region = 0, region_size = 0;    // by latest per inhabitant, lowest first
    int rank_similar = 0, similar_size = 0;  // among the ≤ 21 nearest in population
};

struct NationalSummary {
    std::vector<units::Mass> total;                              // by year: Σ samlet
    std::vector<std::array<units::Mass, kSectorCount>> sectors;  // by year and sector
    std::array<units::Mass, 3> forecast{};                       // Σ by kForecasts
    int inventory_year = 2022;
    units::Mass inventory = units::tonnes(44e6);
    std::string inventory_source =
        "Danmarks Statistik: 44 Mt CO2e in 2022, without biomass CO2 and LULUCF (41 % below 1990)";
    std::string boundary_note =
        "The regnskab is territorial scope 1+2 per municipality and counts land use (landbrug incl. soils); the "
        "national inventory leaves out LULUCF and counts energy and transport not assigned to a municipality "
        "(e.g. international transport, the energy sector's own use). The gap is not explained line by line.";
    std::string inventory_source_da =
        "Danmarks Statistik: 44 mio. t CO2e i 2022 uden CO2 fra biomasse og LULUCF (41 % under 1990)";
    std::string boundary_note_da =
        "Regnskabet er territorialt scope 1+2 pr. kommune og medregner arealanvendelse (landbrug inkl. jorde); den "
        "nationale opgørelse udelader LULUCF og medregner energi og transport, der ikke er henført til en kommune "
        "(fx international transport, energisektorens egetforbrug). Forskellen er ikke forklaret linje for linje.";
    int with_target = 0;
    std::array<int, 3> on_track{};          // of with_target, by kForecasts
    std::array<int, 3> below_carbon_law{};  // of all, forecast ≤ the Carbon-Law path, by kForecasts
};

struct NationalStatus {
    NationalData data;
    NationalParams params;
    std::vector<MunicipalityStatus> municipalities;  // by data.municipalities
    NationalSummary national;
};

// Targets with a municipality_code among `targets` are matched to their municipality; others are
// ignored. Throws klima::Error (usage, Subject::request) for draws < 1 or > 100,000, threads < 0.
// Safe to call concurrently (it shares nothing); runs the Monte Carlo on params.threads threads.
NationalStatus compute_status(NationalData data, const std::vector<TargetSet>& targets, const NationalParams& params);
// The same with the bootstrap on `executor` (a pool shared with other runs, one municipality a
// task) instead of a pool of params.threads; the result does not depend on it.
NationalStatus compute_status(NationalData data, const std::vector<TargetSet>& targets, const NationalParams& params,
                              Executor& executor);

// Every *.json of `dir` (data/targets/) that names a municipality_code, read with io::load_targets
// (whose errors pass on); none when `dir` is not a directory.
std::vector<TargetSet> load_coded_targets(const std::string& dir);

// The forecast of `f` for one municipality at `year` (≥ the last data year), floored as documented.
units::Mass forecast_at(const NationalData& data, std::size_t m, Forecast f, const NationalParams& p, int year);

}  // namespace klima::national

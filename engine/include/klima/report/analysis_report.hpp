// The analyses' outcomes as a table (text), JSON or CSV: what `klima scenario
// macc`, `scenario mc` and `scenario solve` print (keys in docs/analysis.md).
// Renders only; the outcomes come from klima/analysis/.
#pragma once

#include "klima/analysis/abatement.hpp"
#include "klima/analysis/monte_carlo.hpp"
#include "klima/analysis/solve.hpp"
#include "klima/report/format.hpp"

#include <string>

namespace klima::report {

// A format outside a renderer's list throws Error (usage) before anything is rendered.

// The MACC and the portfolio.
inline constexpr std::array kAbatementFormats{Format::table, Format::json, Format::csv};
std::string render_abatement(const analysis::AbatementOutcome& outcome, Format format);
// Percentiles per year, the chance of each target and the inputs' influence.
inline constexpr std::array kMonteCarloFormats{Format::table, Format::json, Format::csv};
std::string render_monte_carlo(const analysis::MonteCarloOutcome& outcome, Format format);
// The scale that meets the target path.
inline constexpr std::array kSolveFormats{Format::table, Format::json, Format::csv};
std::string render_solve(const analysis::SolveOutcome& outcome, Format format);

}  // namespace klima::report

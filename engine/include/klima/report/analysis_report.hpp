// The analyses' outcomes as a table (text), JSON or CSV: what `klima scenario
// macc`, `scenario mc` and `scenario solve` print (keys in docs/analysis.md).
// Renders only; the outcomes come from klima/analysis/.
#pragma once

#include "klima/analysis/abatement.hpp"
#include "klima/analysis/monte_carlo.hpp"
#include "klima/analysis/solve.hpp"
#include "klima/report/inventory_report.hpp"

#include <string>

namespace klima::report {

// The MACC and the portfolio.
std::string render_abatement(const analysis::AbatementOutcome& outcome, Format format);
// Percentiles per year, the chance of each target and the inputs' influence.
std::string render_monte_carlo(const analysis::MonteCarloOutcome& outcome, Format format);
// The scale that meets the target path.
std::string render_solve(const analysis::SolveOutcome& outcome, Format format);

}  // namespace klima::report

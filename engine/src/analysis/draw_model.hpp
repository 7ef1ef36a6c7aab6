// Internal to the Monte Carlo facade: a scenario compiled once for many draws
// of its uncertain inputs, so that a draw touches only doubles. Every kind of
// input enters the projection of the plan compiled with the base inputs
// (docs/analysis.md, "Monte Carlo"):
//  - activity m: each matching key's launch-year amount × m;
//  - driver growth m: the index v'(y)/v'(launch), v'(y) = v(b)(1 + m(v(y)/v(b) − 1));
//  - measure size m: each op's full-effect share × m in its remaining phase, then its value × m;
//  - factor m: each intensity is a sum of one term per factor row looked up
//    (IntensityTable::terms), each term × the product of the inputs matching its row.
// It gives the in-scope totals of launch..end without history or
// attribution; apply_draw + run_scenario stay the reference (tests compare
// the two), and the caller falls back to them for a draw the model declines.
// Knows nothing of percentiles, targets or random numbers.
#pragma once

#include "uncertainty.hpp"

#include "../scenario/plan.hpp"

#include "klima/targets.hpp"
#include "klima/trajectory.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace klima::analysis {

class DrawModel {
public:
    // Compiles `base` (a scenario that run_scenario runs from `launch_year`)
    // for the `inputs`, totals in `scope`. Throws what run_scenario throws for
    // the same inputs (compiling the plan, looking up factors).
    DrawModel(const Inputs& base, const std::vector<UncertainInput>& inputs, int launch_year, TargetScope scope);

    int first_year() const { return launch_; }
    int last_year() const { return end_; }
    std::size_t years() const { return static_cast<std::size_t>(end_ - launch_ + 1); }

    // One thread's working memory: made once per thread, reused by every draw.
    struct Scratch {
        std::vector<double> base, measure, product, amount, bau, intensity, after;
        std::vector<std::vector<double>> index;  // per driver, per year launch..end
        std::vector<plan::Op> ops;               // per template, its sources and targets; value set per draw
    };
    Scratch scratch() const;

    // One draw (`values`, one multiplier per input): the in-scope BAU and
    // scenario totals of the years launch..end into `bau` and `scenario`
    // (each of size years()). No heap allocation. False, leaving the outputs
    // partly written, when the draw needs the full run: an op removes more
    // than its rows hold or acts on a row whose launch value is missing, a
    // row is written whose factor the model did not find, or a total is not
    // finite. The full run then fails with its own error (or gives the totals).
    // Const: threads may evaluate at once, each with its own scratch.
    bool evaluate(const std::vector<double>& values, Scratch& scratch, std::vector<units::Mass>& bau,
                  std::vector<units::Mass>& scenario) const;

    // The in-scope total of a year of a full run's trajectory (same rows as evaluate).
    units::Mass in_scope(const Trajectory& t, int year) const;

private:
    struct KeyInfo {
        double base = 0.0;  // launch-year amount, SI
        std::size_t driver = 0;
        bool in_scope = false;
        std::vector<std::size_t> activity;  // activity inputs matching the key
    };
    struct TemplateInfo {
        plan::Op::Kind kind = plan::Op::Kind::scale;
        std::size_t player = 0;
        double full_share = 0.0;  // share-sized ops at m = 1
        double unit = 0.0;        // the op's value at phase 1 and m = 1 (move_amount: the service)
        double back = 1.0, fwd = 1.0;
        bool refuses = false;  // a removal whose rows are missing or empty: the full run throws
    };
    struct Step {  // a template with phase left in a year (now − done > 0)
        std::size_t t = 0;
        double rem = 0.0, done = 0.0;  // the measure's uptake still to come, and its share in the launch year
        double phase = 0.0;            // plan::remaining_phase, for an op whose phase does not depend on the draw
        bool declines = false;  // acting, the op needs the full run: it refuses, or writes a key without an intensity
    };
    struct Term {
        double kg_per_si = 0.0;
        std::size_t set = 0;  // product of factor inputs (0: none)
    };
    struct KeyYear {  // a key's intensity in a year: constant + Σ term × product
        double constant = 0.0;
        std::size_t first = 0, last = 0;  // its terms in terms_
        bool known = true;
    };

    int launch_ = 0, end_ = 0;
    std::size_t inputs_ = 0;
    std::vector<KeyInfo> keys_;
    std::vector<std::size_t> key_driver_;  // per key, its driver (as keys_, packed for the loop over years)
    std::vector<char> key_in_scope_;       // per key, whether its row is in the targets' scope
    std::vector<TemplateInfo> templates_;
    std::vector<plan::Op> ops_;                      // per template, value 0
    std::vector<std::vector<plan::Op>> trend_ops_;   // per year from the launch, the trends' ops on BAU
    std::vector<std::vector<std::size_t>> measure_;  // per measure, its measure inputs
    std::vector<std::size_t> driver_input_;          // per driver, the input deciding its growth (or none)
    std::vector<std::vector<double>> driver_index_;  // per driver, per year: the base index
    std::vector<double> driver_first_;               // per driver: v(b)
    std::vector<std::vector<double>> driver_value_;  // per driver, per year launch..end: v(y)
    std::vector<std::vector<double>> now_;           // per year, per measure: its phase-in share
    std::vector<double> done_;                       // per measure: its share in the launch year
    std::vector<std::vector<Step>> steps_;           // per year, the templates with phase left
    std::vector<std::vector<std::size_t>> sets_;     // per factor set, its inputs (set 0 empty)
    std::vector<std::vector<KeyYear>> intensity_;    // per year, per key
    std::vector<Term> terms_;
    std::vector<char> row_in_scope_;  // per trajectory row
};

}  // namespace klima::analysis

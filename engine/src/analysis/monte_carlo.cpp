// analysis::monte_carlo: draws in blocks taken by whichever thread is free, each draw's totals stored by its index.
#include "klima/analysis/monte_carlo.hpp"

#include "draw_generator.hpp"
#include "draw_model.hpp"
#include "statistics.hpp"
#include "uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>

namespace klima::analysis {
namespace {

Spread spread(const std::vector<double>& t) {
    const double n = static_cast<double>(t.size());
    const double mean = std::accumulate(t.begin(), t.end(), 0.0) / n;
    double ss = 0.0;
    for (double x : t) ss += (x - mean) * (x - mean);
    const double sd = t.size() > 1 ? std::sqrt(ss / (n - 1)) : 0.0;
    std::vector<double> values = t;  // reordered by the selection; t stays in draw order for the influence
    const auto q = stats::quantiles(values, {0.05, 0.5, 0.95});
    return {units::tonnes(mean), units::tonnes(sd), units::tonnes(q[0]), units::tonnes(q[1]), units::tonnes(q[2])};
}

// splitmix64 (Steele, Lea and Flood 2014): the seed of draw i from (seed, i).
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace

void check_draw_settings(int draws, int threads) {
    if (draws < 1 || draws > kMaxDraws)
        throw Error({"", 0, "draws"}, std::to_string(draws) + " draws", "give 1 to 100000 draws, e.g. 10000",
                    ErrorKind::usage)
            .about(Subject::request);
    if (threads < 1 || threads > kMaxThreads)
        throw Error({"", 0, "threads"}, std::to_string(threads) + " threads", "give 1 to 64 threads, e.g. 2",
                    ErrorKind::usage)
            .about(Subject::request);
}

MonteCarloOutcome monte_carlo(const PlanInputs& in, int launch_year, const PlanTargets& targets,
                              const MonteCarloSettings& request, Executor& executor) {
    const int stripes = executor.workers();
    check_draw_settings(request.draws, stripes);
    const auto& spec = in.spec;
    const Inputs base{spec, *in.activity, *in.drivers, *in.ref};
    const auto gathered =
        gather_uncertainty(spec, base.activity, base.drivers, base.ref, launch_year, request.uncertainty_file);
    const auto& inputs = gathered.inputs;

    MonteCarloOutcome o;
    o.inputs = static_cast<int>(inputs.size());
    for (std::size_t k = 0; k < inputs.size(); ++k) o.drawn.push_back({inputs[k].label, gathered.from[k]});
    o.scenario_name = spec.name;
    o.draws = request.draws;
    o.seed = request.seed;
    o.launch_year = launch_year;
    o.scope = targets.targets.scope;
    // A draw is evaluated on the plan compiled once (analysis/draw_model.hpp); a draw the model
    // declines (an overdrawn row, a missing factor) is run in full, which names the error.
    const DrawModel model(base, inputs, o.launch_year, o.scope);
    const int first = o.launch_year, last = spec.end_year, nyears = last - first + 1;
    const auto n = static_cast<std::size_t>(request.draws);
    std::vector<std::vector<double>> bau(nyears, std::vector<double>(n)), scen = bau;
    std::vector<std::vector<double>> drawn(inputs.size(), std::vector<double>(n));

    // Blocks of kChunk consecutive draws, taken by whichever thread is free: threads taking every other
    // draw wrote neighbouring doubles of the same cache lines (each write evicted the other's line), and
    // one block a thread left the whole run waiting for the slower thread when another process shared
    // its core. A draw's seed is its index, so the draws are the same however they are split.
    constexpr std::size_t kChunk = 256;
    const int chunks = static_cast<int>((n + kChunk - 1) / kChunk);
    std::vector<std::exception_ptr> failed(static_cast<std::size_t>(chunks));
    auto work = [&](int chunk) {
        try {
            auto scratch = model.scratch();
            std::vector<double> values(inputs.size());
            std::vector<units::Mass> b(model.years()), s(model.years());
            const auto from = static_cast<std::size_t>(chunk) * kChunk;
            const auto to = std::min(n, from + kChunk);
            for (std::size_t i = from; i < to; ++i) {
                DrawGenerator rng(mix(request.seed ^ mix(i)));  // std::mt19937_64's numbers, seeded as they are used
                for (std::size_t k = 0; k < inputs.size(); ++k) {
                    values[k] = multiplier_at(inputs[k].dist, rng());
                    drawn[k][i] = values[k];
                }
                if (!model.evaluate(values, scratch, b, s)) {
                    const auto drawn_in = apply_draw(base, inputs, values);
                    ScenarioResult r;
                    try {
                        r = klima::run_scenario(drawn_in.spec, drawn_in.activity, drawn_in.drivers,
                                                drawn_in.reference(base), RunOptions{false});
                    } catch (const Error& e) {
                        throw Error(e.where(), "in Monte Carlo draw " + std::to_string(i) + ": " + e.problem(),
                                    "narrow the distributions so that no draw overdraws a row; " + e.fix());
                    }
                    for (int y = first; y <= last; ++y) {
                        b[static_cast<std::size_t>(y - first)] = model.in_scope(r.bau, y);
                        s[static_cast<std::size_t>(y - first)] = model.in_scope(r.scenario, y);
                    }
                }
                for (std::size_t k = 0; k < model.years(); ++k) {
                    bau[k][i] = units::in_tonnes(b[k]);
                    scen[k][i] = units::in_tonnes(s[k]);
                    if (!std::isfinite(bau[k][i]) ||
                        !std::isfinite(scen[k][i]))  // a computed number is finite or refused
                        throw Error({request.uncertainty_file ? request.uncertainty_file->path : spec.file, 0, "dist"},
                                    "in Monte Carlo draw " + std::to_string(i) + " the total of " +
                                        std::to_string(first + static_cast<int>(k)) +
                                        " is not a finite number: a drawn multiplier is too large",
                                    "narrow the distributions (multipliers near 1: a share such as pct 10 or "
                                    "normal 0.1)");
                }
            }
        } catch (...) {
            failed[static_cast<std::size_t>(chunk)] = std::current_exception();
        }
    };
    executor.run(chunks, work);
    for (const auto& e : failed)
        if (e) std::rethrow_exception(e);

    // The spreads select the quantiles of each year's draws: a task a year and series on the same executor.
    o.years.resize(static_cast<std::size_t>(nyears));
    std::vector<std::exception_ptr> unsorted(static_cast<std::size_t>(2 * nyears));
    executor.run(2 * nyears, [&](int task) {
        try {
            const auto k = static_cast<std::size_t>(task / 2);
            auto& year = o.years[k];
            year.year = first + static_cast<int>(k);
            if (task % 2 == 0) year.bau = spread(bau[k]);
            else year.scenario = spread(scen[k]);
        } catch (...) {  // bad_alloc: a task must not throw
            unsorted[static_cast<std::size_t>(task)] = std::current_exception();
        }
    });
    for (const auto& e : unsorted)
        if (e) std::rethrow_exception(e);
    std::vector<int> target_years;
    for (const auto& t : targets.targets.interim) target_years.push_back(t.year);
    target_years.push_back(targets.targets.neutrality_year);
    for (int y : target_years) {
        if (y <= first || y > last || !targets.path.has_year(y)) continue;
        const auto& s = scen[static_cast<std::size_t>(y - first)];
        const double level = units::in_tonnes(targets.path.at(y));
        const double met = static_cast<double>(std::count_if(s.begin(), s.end(), [&](double x) { return x <= level; }));
        o.targets.push_back({y, targets.path.at(y), units::ratio(met / static_cast<double>(n))});
    }
    if (!o.targets.empty()) {
        const auto& s = scen[static_cast<std::size_t>(o.targets.front().year - first)];
        // The scenario's ranks once; each input's ranks and correlation a task on the executor (a serial
        // tail of 85 inputs × two sorts of 10,000 draws kept a second thread from saving anything).
        const auto rs = stats::ranks(s);
        std::vector<double> rho(inputs.size());
        std::vector<std::exception_ptr> unranked(inputs.size());
        executor.run(static_cast<int>(inputs.size()), [&](int task) {
            const auto k = static_cast<std::size_t>(task);
            try {
                rho[k] = stats::spearman(drawn[k], rs);
            } catch (...) {  // bad_alloc: a task must not throw
                unranked[k] = std::current_exception();
            }
        });
        for (const auto& e : unranked)
            if (e) std::rethrow_exception(e);
        for (std::size_t k = 0; k < inputs.size(); ++k) o.influence.push_back({inputs[k].label, rho[k]});
        std::stable_sort(o.influence.begin(), o.influence.end(), [](const auto& a, const auto& b) {
            return std::abs(a.rank_correlation) > std::abs(b.rank_correlation);
        });
    }
    return o;
}

bool has_uncertainty(const PlanInputs& in) { return carries_uncertainty(in.spec, *in.activity, *in.drivers, *in.ref); }

}  // namespace klima::analysis

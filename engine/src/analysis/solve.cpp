// analysis::solve: the scale of one measure, or of all together, that
// meets the target path in a year. Bracketed root finding (Boost.Math TOMS 748,
// Alefeld, Potra and Shi 1995, ACM TOMS 21(3):327–344) on
// g(s) = scenario(s) − target, the scenario run without attribution.
#include "klima/analysis/solve.hpp"

#include "scale.hpp"

#include "klima/join.hpp"

#include <boost/math/tools/toms748_solve.hpp>

#include <cstdint>

namespace klima::analysis {
namespace {

// The scenario's total in the year and scope with the measures `which` scaled by s.
class Evaluator {
public:
    Evaluator(const PlanInputs& loaded, std::vector<std::size_t> which, TargetScope scope, int year)
        : loaded_(loaded), which_(std::move(which)), scope_(scope), year_(year) {}

    ScenarioResult run(double s) {
        std::vector<units::Ratio> scale(loaded_.spec.measures.size(), units::ratio(1.0));
        for (std::size_t j : which_) scale[j] = units::ratio(s);
        const auto& r = loaded_;
        ++runs;
        return klima::run_scenario(scaled(r.spec, scale), *r.activity, *r.drivers, *r.ref, RunOptions{false});
    }
    units::Mass total(const ScenarioResult& result) const {
        return scope_total(result.scenario, year_, scope_, loaded_.ref->taxonomy);
    }
    units::Mass operator()(double s) { return total(run(s)); }
    // Whether the scaled measures can run (no row overdrawn); the last
    // refusal's problem is kept in `refused`.
    bool feasible(double s) {
        try {
            run(s);
            return true;
        } catch (const Error& e) {
            refused = e.problem();
            return false;
        }
    }

    int runs = 0;
    std::string refused;  // the problem of the last infeasible run (the overdraw: measure, row, year)

private:
    const PlanInputs& loaded_;
    std::vector<std::size_t> which_;
    TargetScope scope_;
    int year_;
};

std::vector<std::size_t> chosen_measures(const ScenarioSpec& spec, const std::optional<std::string>& id) {
    std::vector<std::size_t> which;
    std::vector<std::string> ids;
    for (std::size_t j = 0; j < spec.measures.size(); ++j) {
        ids.push_back(spec.measures[j].id);
        if (!id || spec.measures[j].id == *id) which.push_back(j);
    }
    if (id && which.empty())
        throw Error({"", 0, "measure"}, "the scenario has no measure '" + *id + "'", "choose one of " + join(ids, ", "),
                    ErrorKind::usage)
            .about(Subject::request);
    if (which.empty())
        throw Error({spec.file, 0, "/measures"}, "the scenario has no measures to scale",
                    "add a measure to the scenario");
    return which;
}

// The largest feasible scale in [1, cap] when `cap` overdraws a row: bisection
// on whether the run succeeds, to 1e-4 of the scale. `why`: the overdraw just
// above it (the refusal at the bisection's upper end).
double overdraw_limit(Evaluator& f, double cap, std::string& why) {
    double lo = 1.0, hi = cap;
    why = f.refused;  // the refusal at cap
    while (hi - lo > 1e-4 * hi) {
        const double mid = 0.5 * (lo + hi);
        if (f.feasible(mid)) {
            lo = mid;
        } else {
            hi = mid;
            why = f.refused;
        }
    }
    return lo;
}

}  // namespace

void check_solve_measure(const ScenarioSpec& spec, const std::optional<std::string>& measure) {
    chosen_measures(spec, measure);
}

SolveOutcome solve(const PlanInputs& loaded, const ScenarioResult& planned, const PlanTargets& targets,
                   const SolveSettings& request) {
    const auto& spec = loaded.spec;
    const auto which = chosen_measures(spec, request.measure);

    SolveOutcome o;
    o.scenario_name = spec.name;
    o.year = request.year;
    o.scope = targets.targets.scope;
    o.measure = request.measure;
    for (std::size_t j : which) {
        ScaledMeasure m{spec.measures[j].id, spec.measures[j].name, std::nullopt};
        for (const auto& e : spec.measures[j].effects) {
            std::visit(
                [&](const auto& x) {
                    if constexpr (!std::is_same_v<std::decay_t<decltype(x)>, FactorChange>)
                        if (!m.uptake && x.size.uptake) m.uptake = x.size.uptake;
                },
                e);
        }
        o.scaled.push_back(std::move(m));
    }

    Evaluator f(loaded, which, o.scope, o.year);
    o.launch_year = planned.launch_year;
    require_projected_year(o.year, o.launch_year, spec.end_year, targets.path);
    o.bau = scope_total(planned.bau, o.year, o.scope, loaded.ref->taxonomy);
    o.target = targets.path.at(o.year);
    o.at_plan = f.total(planned);
    o.without = f(0.0);

    const auto tonnes_above = [&](double s) { return units::in_tonnes(f(s) - o.target); };
    double lo = 0.0, hi = 1.0, g_lo = units::in_tonnes(o.without - o.target),
           g_hi = units::in_tonnes(o.at_plan - o.target);
    // The largest scale is reported whether or not the plan meets the path: the share cap (or the limit),
    // lowered to where a larger scale would overdraw a row.
    const double cap = share_cap(spec, which, units::ratio(kMaxScale)).value();
    o.limited_by = cap < kMaxScale ? ScaleLimit::share : ScaleLimit::limit;
    if (o.limited_by == ScaleLimit::share) o.limited_by_what = share_limiter(spec, which);
    double top = cap;
    if (!f.feasible(top)) {
        top = overdraw_limit(f, cap, o.limited_by_what);
        o.limited_by = ScaleLimit::overdraw;
    }
    o.max_scale = units::ratio(top);
    if (g_lo <= 0.0) {  // met without the measures
        o.met = true;
        o.scale = units::ratio(0.0);
        o.at_scale = o.without;
    } else if (g_hi > 0.0) {  // the plan is not enough: how far can it grow?
        lo = 1.0;
        g_lo = g_hi;
        hi = top;
        g_hi = tonnes_above(top);
        if (g_hi > 0.0) {
            o.scale = o.max_scale;
            o.at_scale = o.target + units::tonnes(g_hi);
        }
    }
    if (!o.met && g_hi <= 0.0) {
        o.met = true;
        if (g_hi == 0.0) {
            o.scale = units::ratio(hi);
        } else {
            std::uintmax_t iterations = 100;
            const auto root = boost::math::tools::toms748_solve(
                tonnes_above, lo, hi, g_lo, g_hi, boost::math::tools::eps_tolerance<double>(40), iterations);
            o.scale = units::ratio(root.second);  // the end of the bracket on or under the path
        }
        o.at_scale = f(o.scale.value());
    }
    o.remaining_gap = o.at_scale - o.target;
    o.runs = 1 + f.runs;  // the planned run (scale 1) and the trials
    return o;
}

}  // namespace klima::analysis

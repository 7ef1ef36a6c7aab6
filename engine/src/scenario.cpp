#include "klima/scenario.hpp"

#include "klima/intensity.hpp"
#include "klima/join.hpp"
#include "scenario/compile.hpp"
#include "scenario/year_run.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace klima {

namespace {

// What every projection of one scenario shares, whatever its launch year.
struct Setup {
    const ScenarioSpec& spec;
    const ActivitySet& activity;
    const Drivers& drivers;
    const ReferenceData& ref;
    const GwpSet& gwp;
    const std::vector<std::string>& row_keys;
    const std::map<std::string, std::size_t>& rows;
};

// `out` with its trajectories shaped base..end, all zero, and the measures'
// metadata.
ScenarioResult empty_result(const Setup& s) {
    ScenarioResult out;
    out.name = s.spec.name;
    out.municipality = s.spec.municipality;
    out.base_year = s.spec.base_year;
    out.gwp_set = s.gwp.name;
    out.history = s.spec.history;
    out.bau_with_trends = !s.spec.trends.empty();
    for (const auto& t : s.spec.trends) out.trends.push_back({t.id, t.name, t.status, t.source});
    out.bau = Trajectory(s.row_keys, s.spec.base_year, s.spec.end_year);
    out.scenario = out.bau;
    out.measures.reserve(s.spec.measures.size());  // MeasureResult's move may throw: no reallocation's copies
    for (const auto& m : s.spec.measures) {
        MeasureResult mr;
        mr.id = m.id;
        mr.type = m.type;
        mr.name = m.name;
        mr.owner = m.owner;
        mr.theme = m.theme;
        mr.start_year = m.phase.start_year;
        mr.full_effect_year = m.phase.full_effect_year;
        mr.effect = out.bau;
        mr.cost = m.cost;
        out.measures.push_back(std::move(mr));
    }
    return out;
}

// BAU, scenario and (when `attribute`) each measure's share for the years
// launch..end, from the plan compiled at `launch`: rows scaled by their
// driver's index from the launch year, measures acting with what is left of
// their phase-in. `intensities` is the run's, over s.ref and s.gwp.
void project(const Setup& s, const plan::Plan& plan, int launch, IntensitySeries& intensities, ScenarioResult& out,
             const RunOptions& options = {}) {
    const bool attribute = options.attribution;
    const auto& spec = s.spec;
    const std::size_t nkeys = plan.keys.size();
    std::vector<ActivityRecord> probes(nkeys);
    std::vector<std::size_t> intensity_keys(nkeys);
    for (std::size_t k = 0; k < nkeys; ++k) {
        const auto& key = plan.keys[k];
        probes[k].sector = key.sector;
        probes[k].subsector = key.subsector;
        probes[k].carrier = key.carrier;
        probes[k].amount = units::amount_of(key.kind, 1.0);
        probes[k].origin = key.origin;
        intensity_keys[k] = intensities.intern(probes[k]);
    }
    const std::size_t n = spec.measures.size();
    std::vector<double> bau(nkeys), intensity(nkeys);
    std::vector<plan::YearRun::KeyShares> attributed;
    std::vector<units::Ratio> now(n), done(n);
    for (std::size_t j = 0; j < n; ++j) done[j] = spec.measures[j].phase.share(launch);
    plan::WorkBudget budget;  // one for the whole run: no plan attributes for longer than it allows
    // One YearRun for every year: its buffers are reused.
    plan::YearRun run(plan, spec, budget);
    for (int year = launch; year <= spec.end_year; ++year) {
        for (std::size_t j = 0; j < n; ++j) now[j] = year == launch ? done[j] : spec.measures[j].phase.share(year);
        run.ops(year, now, done);

        std::map<Driver, double> index;
        for (std::size_t k = 0; k < nkeys; ++k) {
            const Driver d = plan.keys[k].driver;
            if (!index.count(d)) index[d] = s.drivers.index(d, launch, year).value();
            bau[k] = plan.keys[k].base * index[d];
        }
        plan::apply_trends(plan, spec, launch, year, bau);
        for (std::size_t k = 0; k < nkeys; ++k) {
            probes[k].year = year;
            const bool needed = !plan.keys[k].created || run.written(k);
            intensity[k] = needed ? units::in_kg(intensities.co2e(intensity_keys[k], probes[k], year)) : 0.0;
        }
        const auto scenario = run.scenario(bau, !options.take_what_is_there);
        const auto after = run.intensities_after(intensity);

        if (attribute) run.attribute_all(bau, intensity, attributed);
        std::map<std::size_t, plan::Estimate> estimated;  // per row of the trajectories
        for (std::size_t k = 0; k < nkeys; ++k) {
            const std::size_t row = plan.keys[k].row;
            out.bau.add(row, year, units::kilograms(bau[k] * intensity[k]));
            out.scenario.add(row, year, units::kilograms(scenario[k] * after[k]));
            if (!attribute) continue;
            const auto& share = attributed[k].share;
            for (std::size_t j = 0; j < n; ++j)
                if (share[j] != 0.0) out.measures[j].effect.add(row, year, units::kilograms(share[j]));
            if (attributed[k].method == plan::Method::estimated) {
                auto& slot = estimated[row];  // a row's keys: their bounds add up
                slot.bound += attributed[k].estimate.bound;
                slot.measures = std::max(slot.measures, attributed[k].estimate.measures);
            }
        }
        for (const auto& [row, e] : estimated)
            out.estimated.push_back({s.row_keys[row], year, e.measures, units::kilograms(e.bound)});
    }
}

// The inventories of the years base..launch−1 into BAU and scenario alike
// (`out` already holds the launch year), and the years between two
// inventories interpolated linearly per row. Returns the missing base-year
// values. `intensities` is the run's, over s.ref and s.gwp.
int fill_history(const Setup& s, const std::vector<int>& inventory_years, int launch, IntensitySeries& intensities,
                 ScenarioResult& out) {
    const int base = s.spec.base_year;
    out.year_kinds.assign(static_cast<std::size_t>(s.spec.end_year - base + 1), YearKind::projected);
    auto kind = [&](int y) -> YearKind& { return out.year_kinds[static_cast<std::size_t>(y - base)]; };
    kind(launch) = YearKind::actual;
    int base_missing = 0;
    std::vector<int> actual;
    for (int y : inventory_years) {
        if (y < base || y >= launch) continue;
        actual.push_back(y);
        kind(y) = YearKind::actual;
        for (const auto& r : s.activity) {
            if (r.year != y) continue;
            if (!r.amount) {
                base_missing += y == base;
                continue;
            }
            const std::size_t row = s.rows.at(r.sector + "/" + r.subsector);
            const auto m = intensities.co2e(intensities.intern(r), r, y);
            out.bau.add(row, y, m);
            out.scenario.add(row, y, m);
        }
    }
    actual.push_back(launch);
    for (std::size_t i = 0; i + 1 < actual.size(); ++i) {
        const int a = actual[i], b = actual[i + 1];
        for (int y = a + 1; y < b; ++y) {
            kind(y) = YearKind::interpolated;
            const double t = static_cast<double>(y - a) / (b - a);
            for (std::size_t row = 0; row < s.row_keys.size(); ++row) {
                const auto m = out.bau.at(row, a) + t * (out.bau.at(row, b) - out.bau.at(row, a));
                out.bau.set(row, y, m);
                out.scenario.set(row, y, m);
            }
        }
    }
    return base_missing;
}

// The launch year: the one asked for, or the latest inventory year.
int launch_year_of(const ScenarioSpec& spec, const std::vector<int>& inventory_years) {
    std::vector<int> usable;
    for (int y : inventory_years)
        if (y >= spec.base_year && y < spec.end_year) usable.push_back(y);
    const auto years = [&] {
        std::vector<std::string> t;
        for (int y : usable) t.push_back(std::to_string(y));
        return join(t, ", ");
    };
    if (!spec.launch_year) return usable.back();
    const int y = *spec.launch_year;
    if (std::find(usable.begin(), usable.end(), y) == usable.end())
        throw Error({spec.activity_file, 0, "year"},
                    "the projection cannot start from " + std::to_string(y) +
                        ": the activity data has no inventory for that year between the base year " +
                        std::to_string(spec.base_year) + " and " + std::to_string(spec.end_year),
                    "start from one of the inventory years " + years());
    return y;
}

}  // namespace

ScenarioResult run_scenario(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& base_ref) {
    return run_scenario(spec, activity, drivers, base_ref, RunOptions{});
}

ScenarioResult run_scenario(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& base_ref, const RunOptions& options) {
    if (spec.end_year <= spec.base_year)
        throw Error({spec.file, 0, "/base_year"}, "the base year must lie before " + std::to_string(spec.end_year),
                    "choose the inventory year the projection starts from");
    if (!drivers.covers(spec.base_year, spec.end_year))
        throw Error(
            {spec.drivers_file, 0, "year"},
            "the drivers must cover every year " + std::to_string(spec.base_year) + "–" + std::to_string(spec.end_year),
            "add the missing years to the drivers file");

    // The reference data with the measures' own rows laid over it: a copy only when a measure brings
    // a carrier the data lacks (a whole ReferenceData copied and freed for every run was 2 % of a
    // workbench request).
    std::optional<ReferenceData> with_own;
    if (plan::brings_own_factors(spec, base_ref)) {
        with_own.emplace(base_ref);
        plan::add_own_factors(spec, *with_own);
    }
    const ReferenceData& ref = with_own ? *with_own : base_ref;
    const GwpSet* gwp_found = nullptr;
    try {
        gwp_found = &ref.gwp.require(spec.gwp_set);
    } catch (const Error& e) {
        throw Error({spec.file, 0, "/gwp_set"}, e.problem(), e.fix());
    }
    std::vector<std::string> row_keys;
    std::map<std::string, std::size_t> rows;
    for (const auto& sub : ref.taxonomy.subsectors()) {
        rows[sub.sector + "/" + sub.code] = row_keys.size();
        row_keys.push_back(sub.sector + "/" + sub.code);
    }
    const auto defaults = default_driver_mapping();
    for (const auto& [key, driver] : spec.driver_mapping)
        if (!rows.count(key) && !defaults.count(key))  // a key the file added, misspelt
            throw Error({spec.file, 0, "/bau_scaling/" + key},
                        "'" + key + "' is not a sector/subsector of the taxonomy",
                        "use one of " + join(row_keys, ", "));

    const auto inventory_years = years_in(activity);
    if (std::find(inventory_years.begin(), inventory_years.end(), spec.base_year) == inventory_years.end())
        throw Error({spec.activity_file, 0, "year"},
                    "no activity records for the base year " + std::to_string(spec.base_year),
                    "set base_year to a year the activity file holds");
    const int launch = launch_year_of(spec, inventory_years);
    for (const auto& r : activity)
        if (r.year >= spec.base_year && r.year <= launch) ref.validate(r);

    Setup s{spec, activity, drivers, ref, *gwp_found, row_keys, rows};

    ScenarioResult out = empty_result(s);
    out.launch_year = launch;
    const plan::Plan plan = plan::compile(spec, activity, ref, rows, launch);
    IntensitySeries intensities(ref, *gwp_found);  // one for every year of both projections and the history
    project(s, plan, launch, intensities, out, options);
    out.base_year_missing = fill_history(s, inventory_years, launch, intensities, out);
    out.launch_year_missing = plan.launch_missing;
    if (launch == spec.base_year) out.base_year_missing = plan.launch_missing;
    for (const auto& c : plan.carried) {
        const auto& key = plan.keys[c.key];
        out.carried.push_back({row_keys[key.row], key.carrier, c.from_year});
    }

    if (!options.attribution) return out;
    // The plan as adopted (projected from the base year) for progress and cost per tonne.
    ScenarioResult adopted;
    if (launch != spec.base_year) {
        adopted = empty_result(s);
        project(s, plan::compile(spec, activity, ref, rows, spec.base_year), spec.base_year, intensities, adopted,
                options);
    }
    const ScenarioResult& as_adopted = launch == spec.base_year ? out : adopted;
    for (std::size_t j = 0; j < out.measures.size(); ++j) {
        auto& mr = out.measures[j];
        const auto& effect = as_adopted.measures[j].effect;
        for (int y = spec.base_year; y <= spec.end_year; ++y) mr.planned[y] = effect.total(y);
        mr.cost_per_tonne = cost_per_tonne(mr.cost, effect.cumulative(spec.base_year, spec.end_year));
    }
    return out;
}

}  // namespace klima

#include "klima/api/scenario.hpp"

#include "scenario_steps.hpp"

#include "klima/intensity.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/factor_overrides.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"
#include "klima/taxonomy_codes.hpp"

#include <algorithm>

namespace klima::api {

ActivitySet newest_activity_by_year(const std::string& store_path) {
    const store::Store db(store_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    // The store keeps years (schema 5): the current version's activity is, year by year, that of
    // the newest import holding the year, in year order.
    const auto cur = db.current();
    if (!cur || !cur->activity_from)
        throw Error({store_path, 0, ""}, "the store holds no activity data",
                    "import an activity file into the store first", ErrorKind::store);
    return db.activity(*cur);
}

namespace detail {

ScenarioOutcome load(const ScenarioRequest& request) {
    ScenarioOutcome o;
    o.ref = io::load_reference_data(request.data_dir, request.allocation);
    if (request.factor_overrides)
        io::apply_factor_overrides(o.ref, io::load_factor_overrides(*request.factor_overrides, o.ref));
    auto& run = o.run;
    run.spec = request.scenario_json ? io::parse_scenario(*request.scenario_json, request.scenario_file)
                                     : io::load_scenario(request.scenario_file);
    if (request.from_year) run.spec.launch_year = request.from_year;
    if (request.store) {
        const store::Store db(*request.store, store::Open::read_only);
        if (const auto current = db.current(); current && current->factors_from)
            o.ref = store::with_factors(o.ref, db.factors(*current));
        run.activity = newest_activity_by_year(*request.store);
        for (const auto& r : run.activity) o.ref.validate(r);
        run.spec.activity_file = *request.store;
    } else {
        run.activity = io::load_activity(run.spec.activity_file, &o.ref);
    }
    run.drivers = io::load_drivers(run.spec.drivers_file);
    return o;
}

void run(ScenarioOutcome& o) {
    auto& run = o.run;
    run.result = klima::run_scenario(run.spec, run.activity, run.drivers, o.ref);
    for (int y = run.spec.base_year; y <= run.spec.end_year; ++y) {
        using namespace codes;
        if (!o.ref.factors.lookup(kElectricity, kElectricitySub, y).empty())
            run.electricity_factor[y] = energy_intensity(o.ref, run.spec.gwp_set, kElectricity, kElectricitySub, y);
        if (!o.ref.factors.lookup(kDistrictHeat, kDistrictHeatSub, y).empty())
            run.district_heat_factor[y] = energy_intensity(o.ref, run.spec.gwp_set, kDistrictHeat, kDistrictHeatSub, y);
    }
}

}  // namespace detail

ScenarioOutcome run_scenario(const ScenarioRequest& request) {
    auto o = detail::load(request);
    detail::run(o);
    return o;
}

}  // namespace klima::api

#include "klima/api/scenario.hpp"

#include "scenario_steps.hpp"

#include "klima/intensity.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"
#include "klima/taxonomy_codes.hpp"

#include <algorithm>
#include <set>

namespace klima::api {

ActivitySet newest_activity_by_year(const std::string& store_path) {
    const store::Store db(store_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    auto versions = db.versions();
    std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
    std::set<int> taken;
    ActivitySet out;
    for (const auto& v : versions) {
        if (v.kind != store::VersionKind::activity) continue;
        const auto records = db.activity(v);
        std::set<int> here;
        for (const auto& r : records)
            if (!taken.count(r.year)) {
                here.insert(r.year);
                out.push_back(r);
            }
        taken.insert(here.begin(), here.end());
    }
    if (out.empty())
        throw Error({store_path, 0, ""}, "the store holds no activity data",
                    "import an activity file into the store first", ErrorKind::store);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    return out;
}

namespace detail {

ScenarioOutcome load(const ScenarioRequest& request) {
    ScenarioOutcome o;
    o.ref = io::load_reference_data(request.data_dir, request.allocation);
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

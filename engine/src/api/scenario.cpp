#include "klima/api/scenario.hpp"

#include "scenario_steps.hpp"

#include "../inputs/store_activity.hpp"

#include "klima/input_file_cache.hpp"
#include "klima/intensity.hpp"
#include "klima/io/uncertainty_file.hpp"
#include "klima/store/store.hpp"
#include "klima/taxonomy_codes.hpp"

namespace klima::api {

ActivitySet newest_activity_by_year(const std::string& store_path) {
    const store::Store db(store_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    return inputs::newest_activity_by_year(db, store_path);
}

namespace detail {

PlanRequest plan_request(const ScenarioRequest& request) {
    PlanRequest r;
    r.scenario_file = request.scenario_file;
    r.scenario_json = request.scenario_json;
    r.scenario_spec = request.scenario_spec;
    r.data_dir = request.data_dir;
    r.allocation = request.allocation;
    r.from_year = request.from_year;
    r.factor_overrides = request.factor_overrides;
    return r;
}

std::unique_ptr<InputSource> source_for(const ScenarioRequest& request) {
    std::unique_ptr<InputSource> source;
    if (request.store_pool) source = std::make_unique<StoreSource>(request.store_pool);
    else if (request.store) source = std::make_unique<StoreSource>(*request.store);
    else source = std::make_unique<FileSource>();
    if (request.input_files) {
        // The activity is kept only when it is the scenario's file checked against data_dir's reference data.
        const bool activity_from_files = !request.store_pool && !request.store && !request.factor_overrides;
        source = std::make_unique<CachedFileSource>(std::move(source), request.input_files, activity_from_files,
                                                    request.data_dir);
    }
    if (request.reference_cache)
        return std::make_unique<CachedReferenceSource>(std::move(source), request.reference_cache);
    return source;
}

void tell_store_not_read(const ScenarioRequest& request, const PlanInputs& in) {
    if (!request.store || !in.spec.history.national() || !request.notice) return;
    request.notice("the national history of " + in.spec.history.municipality_code + " is read from " +
                   request.data_dir + "/national/ (vintage " + in.spec.history.vintage + "), not from the store " +
                   *request.store + ": neither its activity nor its factors are used");
}

PlanInputs load(const ScenarioRequest& request) {
    auto in = load_plan(plan_request(request), *source_for(request));
    tell_store_not_read(request, in);
    return in;
}

PlanInputs load_with_targets(const ScenarioRequest& request, const std::optional<std::string>& targets_file) {
    auto r = plan_request(request);
    r.with_targets = true;
    r.targets_file = targets_file;
    auto in = load_plan(r, *source_for(request));
    tell_store_not_read(request, in);
    return in;
}

std::optional<UncertaintyFile> uncertainty_file(const std::optional<std::string>& path, const PlanInputs& in) {
    if (!path) return std::nullopt;
    return io::load_uncertainty(*path, in.spec.measures);
}

ScenarioResult run(const PlanInputs& in, const RunOptions& options) {
    return klima::run_scenario(in.spec, *in.activity, *in.drivers, *in.ref, options);
}

ScenarioOutcome outcome(PlanInputs&& in, ScenarioResult&& result) {
    ScenarioOutcome o;
    o.ref = std::move(in.ref);
    auto& run = o.run;
    run.spec = std::move(in.spec);
    run.activity = *in.activity;  // the run holds its own (ScenarioRun); the kept set stays as it is
    run.drivers = *in.drivers;
    run.result = std::move(result);
    const auto& ref = *o.ref;
    for (int y = run.spec.base_year; y <= run.spec.end_year; ++y) {
        using namespace codes;
        if (!ref.factors.lookup(kElectricity, kElectricitySub, y).empty())
            run.electricity_factor[y] = energy_intensity(ref, run.spec.gwp_set, kElectricity, kElectricitySub, y);
        if (!ref.factors.lookup(kDistrictHeat, kDistrictHeatSub, y).empty())
            run.district_heat_factor[y] = energy_intensity(ref, run.spec.gwp_set, kDistrictHeat, kDistrictHeatSub, y);
    }
    return o;
}

}  // namespace detail

ScenarioOutcome run_scenario(const ScenarioRequest& request) {
    auto in = detail::load_with_targets(request, std::nullopt);  // the scenario's own targets, for their scope
    const auto scope = in.targets ? in.targets->scope : kDefaultScope;
    auto result = detail::run(in);
    auto o = detail::outcome(std::move(in), std::move(result));
    o.scope = scope;
    return o;
}

}  // namespace klima::api

// load_plan and the two input sources: the data files (FileSource) and the
// inventory store (StoreSource, activity and factors in one read snapshot).
#include "klima/plan_inputs.hpp"

#include "store_activity.hpp"

#include "klima/io/data_files.hpp"
#include "klima/io/factor_overrides.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/io/targets_file.hpp"
#include "klima/io/trends_file.hpp"
#include "klima/national/national_history.hpp"
#include "klima/store/read_pool.hpp"
#include "klima/store/repository.hpp"
#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"

#include <algorithm>
#include <set>

namespace klima {

std::shared_ptr<const ReferenceData> FileSource::reference_data(const std::string& data_dir, ChpAllocation allocation) {
    return std::make_shared<const ReferenceData>(io::load_reference_data(data_dir, allocation));
}

std::shared_ptr<const ReferenceData> ReferenceCache::get(const std::string& data_dir, ChpAllocation allocation,
                                                         InputSource& source) {
    const std::lock_guard lock(mutex_);
    auto& slot = kept_[std::make_pair(data_dir, allocation)];
    if (!slot) slot = source.reference_data(data_dir, allocation);
    return slot;
}

ScenarioSpec FileSource::scenario(const std::string& file) { return io::load_scenario(file); }

std::shared_ptr<const ActivitySet> FileSource::activity(ScenarioSpec& spec, std::shared_ptr<const ReferenceData>& ref) {
    return std::make_shared<const ActivitySet>(io::load_activity(spec.activity_file, ref.get()));
}

std::shared_ptr<const Drivers> FileSource::drivers(const std::string& file) {
    return std::make_shared<const Drivers>(io::load_drivers(file));
}

std::shared_ptr<const TargetSet> FileSource::targets(const std::string& file) {
    return std::make_shared<const TargetSet>(io::load_targets(file));
}

national::NationalData InputSource::national_figures(const std::string& dir) { return national::load_national(dir); }
std::shared_ptr<const std::vector<Trend>> InputSource::trends(const std::string& file) {
    return std::make_shared<const std::vector<Trend>>(io::load_trends(file));
}

StoreSource::StoreSource(std::shared_ptr<store::ReadPool> pool) : path_(pool->path()), pool_(std::move(pool)) {}

std::shared_ptr<const ActivitySet> StoreSource::activity(ScenarioSpec& spec,
                                                         std::shared_ptr<const ReferenceData>& ref) {
    std::optional<store::ReadPool::Lease> lease;  // the pool's connection, given back when done
    std::unique_ptr<store::Repository> opened;    // or one opened for this read
    if (pool_) lease.emplace(pool_->lend());
    else opened = store::open_repository(path_);
    const store::Repository* db = pool_ ? &**lease : opened.get();
    const auto snapshot = db->read_snapshot();  // factors and activity from one store state
    if (const auto current = db->current(); current && current->factors_from) {
        // A copy with the store's factors: `ref` may be a kept object, which is never changed.
        auto own = store::with_factors(*ref, db->factors(*current));
        own.allocation = current->allocation;  // what the stored factor set was read for
        ref = std::make_shared<const ReferenceData>(std::move(own));
    }
    auto activity = inputs::newest_activity_by_year(*db, path_);
    for (const auto& r : activity) ref->validate(r);
    spec.activity_file = path_;
    return std::make_shared<const ActivitySet>(std::move(activity));
}

namespace inputs {

ActivitySet newest_activity_by_year(const store::Repository& db, const std::string& store_path) {
    // The store keeps years (schema 5): the current version's activity is, year by year, that of
    // the newest import holding the year, in year order.
    const auto cur = db.current();
    if (!cur || !cur->activity_from)
        throw Error({store_path, 0, ""}, "the store holds no activity data",
                    "import an activity file into the store first", ErrorKind::store);
    return db.activity(*cur);
}

}  // namespace inputs

PlanInputs load_plan(const PlanRequest& request, InputSource& source) {
    PlanInputs in;
    in.ref = source.reference_data(request.data_dir, request.allocation);
    if (request.factor_overrides) {
        // Laid over this plan's own copy: the source's object may be kept and shared (copy-on-write).
        auto own = std::make_shared<ReferenceData>(*in.ref);
        io::apply_factor_overrides(*own, io::load_factor_overrides(*request.factor_overrides, *own));
        in.ref = std::move(own);
    }
    if (request.scenario_spec) in.spec = *request.scenario_spec;
    else if (request.scenario_json) in.spec = io::parse_scenario(*request.scenario_json, request.scenario_file);
    else in.spec = source.scenario(request.scenario_file);
    if (request.from_year) in.spec.launch_year = request.from_year;
    if (in.spec.history.national()) {
        const std::string dir = request.data_dir + "/national";
        const auto figures = source.national_figures(dir);
        in.spec.activity_file = dir + "/municipal-emissions-2018-2023.csv";
        in.spec.history.source = figures.source;
        in.spec.history.vintage = figures.vintage;
        in.activity = std::make_shared<const ActivitySet>(national::history_records(
            figures, in.spec.history.municipality_code, in.spec.activity_file, {in.spec.file, 0, "/history/national"}));
        for (const auto& r : *in.activity) in.ref->validate(r);
        const auto years = years_in(*in.activity);
        national::check_measures_on_sector_totals(in.spec, *in.activity, in.spec.launch_year.value_or(years.back()));
    } else {
        in.activity = source.activity(in.spec, in.ref);
    }
    in.drivers = source.drivers(in.spec.drivers_file);
    if (in.spec.trends_file) in.spec.trends = *source.trends(*in.spec.trends_file);  // the spec holds its own
    if (in.spec.history.national()) national::check_trends_on_sector_totals(in.spec.trends);
    in.targets_file = request.targets_file ? request.targets_file : in.spec.targets_file;
    if (request.with_targets && in.targets_file) {
        in.targets = source.targets(*in.targets_file);
        require_same_municipality(*in.targets, in.spec.municipality, in.spec.file);
    }
    return in;
}

const TargetSet& require_targets(const PlanInputs& in) {
    if (!in.targets)
        throw Error({in.spec.file, 0, "/targets"}, "the scenario names no targets file",
                    "add \"targets\": \"../data/targets/" + in.spec.municipality + ".json\" to the scenario");
    return *in.targets;
}

}  // namespace klima

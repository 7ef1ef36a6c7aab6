// Everything one run of a plan needs, loaded once into one value (PlanInputs),
// and what supplies it: an InputSource, with the data files (FileSource) and
// the inventory store (StoreSource) as its implementations. The facades load a
// plan once through a source and hand the same value to the run and to every
// analysis; a test replaces the source to count or fake the reads (as ninja's
// DiskInterface). Knows nothing of command-line flags or HTTP.
#pragma once

#include "klima/activity.hpp"
#include "klima/drivers.hpp"
#include "klima/national/national_data.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"
#include "klima/targets.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace klima {

namespace store {
class ReadPool;  // klima/store/read_pool.hpp
}

// What one plan is loaded from: the scenario (a file, or its text), the data
// directory, and where the activity comes from.
struct PlanRequest {
    std::string scenario_file;  // a scenario JSON file; paths inside it are relative to it
    // The scenario's JSON text, when it does not come from a file (the web
    // server's edited scenario): scenario_file then only names it in errors
    // and anchors the relative paths inside it, and is not read.
    std::optional<std::string> scenario_json;
    // `scenario_json` already parsed (io::parse_scenario with scenario_file): copied instead of parsed again.
    std::shared_ptr<const ScenarioSpec> scenario_spec;
    std::string data_dir;  // taxonomy, carriers, factors, GWP sets
    ChpAllocation allocation = ChpAllocation::declared;
    // The inventory year the projection starts from; none: the scenario
    // file's from_year, else the latest inventory year (docs/method.md).
    std::optional<int> from_year;
    // A CSV of local factor overrides laid over the reference factors (io/factor_overrides.hpp).
    std::optional<std::string> factor_overrides;
    // Also read the targets file: `targets_file`, else the one the scenario names.
    bool with_targets = false;
    std::optional<std::string> targets_file;
};

// The reference data, activity, drivers and targets are shared with whatever keeps them (the
// workbench's caches) or held by this plan alone (the files read for one command), and never
// changed once here: a plan that changes one (factor overrides, a store's factor set) holds its
// own copy, made before the change (copy-on-write). Readers take them as `*in.ref`, `in.ref->…`.
struct PlanInputs {
    std::shared_ptr<const ReferenceData>
        ref;            // allocation applied; a store's current factor set when read from a store
    ScenarioSpec spec;  // launch_year set when the request or the file gives one
    std::shared_ptr<const ActivitySet> activity;
    std::shared_ptr<const Drivers> drivers;
    // Loaded when the request asks for targets and a file is named; none otherwise.
    std::shared_ptr<const TargetSet> targets;
    std::optional<std::string> targets_file;  // the file `targets` came from (or would have)
};

// What supplies a plan's inputs. Each method reads one input once; load_plan
// calls each at most once a plan. The returned objects are const: a source
// may hand the same object to many plans (a cache), so no caller changes one
// (it copies it first). Implementations own nothing the returned values refer
// to. One object is used by one thread at a time.
class InputSource {
public:
    virtual ~InputSource() = default;
    // The data directory's taxonomy, carriers, factors, GWP sets and fuel properties.
    virtual std::shared_ptr<const ReferenceData> reference_data(const std::string& data_dir,
                                                                ChpAllocation allocation) = 0;
    // A scenario file (paths inside it resolved against it).
    virtual ScenarioSpec scenario(const std::string& file) = 0;
    // The plan's activity, each record checked against `ref`. A store may replace
    // `ref` by a copy with its factors (its current factor set, read in the same snapshot as the
    // activity; the object `ref` held is not changed) and sets spec.activity_file to its path,
    // which errors then name.
    virtual std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec,
                                                        std::shared_ptr<const ReferenceData>& ref) = 0;
    virtual std::shared_ptr<const Drivers> drivers(const std::string& file) = 0;
    virtual std::shared_ptr<const TargetSet> targets(const std::string& file) = 0;
    // The regnskab's figures in `dir` (data/national/), for a scenario with a national history;
    // read from the files unless a source replaces it.
    virtual national::NationalData national_figures(const std::string& dir);
    // The trends file a scenario names (io::load_trends unless overridden).
    virtual std::shared_ptr<const std::vector<Trend>> trends(const std::string& file);
};

// The data files as they are on disk: the activity file the scenario names.
// Every call reads the file and returns an object of its own.
class FileSource : public InputSource {
public:
    std::shared_ptr<const ReferenceData> reference_data(const std::string& data_dir, ChpAllocation allocation) override;
    ScenarioSpec scenario(const std::string& file) override;
    std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec, std::shared_ptr<const ReferenceData>& ref) override;
    std::shared_ptr<const Drivers> drivers(const std::string& file) override;
    std::shared_ptr<const TargetSet> targets(const std::string& file) override;
};

// The activity and the current factor set of an inventory store, read inside
// one read transaction (one snapshot); the rest from files as FileSource. For
// each year, the records of the newest activity version holding it.
class StoreSource : public FileSource {
public:
    // Opens the store at `store_path` for each plan's read.
    explicit StoreSource(std::string store_path) : path_(std::move(store_path)) {}
    // Reads through a connection lent by `pool` (shared between threads, each source using its
    // own lease; klima/store/read_pool.hpp): a long-running process opens the store once.
    explicit StoreSource(std::shared_ptr<store::ReadPool> pool);
    // Throws klima::Error (kind store) for a store without activity, or no longer at its path.
    std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec, std::shared_ptr<const ReferenceData>& ref) override;

private:
    std::string path_;
    std::shared_ptr<store::ReadPool> pool_;  // none: open path_ each time
};

// The reference data of each (data directory, CHP allocation), read once through the first
// source that asks and kept: a long-running process (the workbench) reads data/ once instead of
// on every request, so a change to data/ takes effect only when the process starts again. Safe
// to share between threads: the first caller of a key reads it under the lock, the others wait
// for it. A read that throws is not kept (the next caller reads again).
class ReferenceCache {
public:
    // The kept reference data of (data_dir, allocation), read through `source` if none is kept:
    // the one object every caller of the key shares (const; a caller that would change it copies
    // it), alive while a caller holds it.
    std::shared_ptr<const ReferenceData> get(const std::string& data_dir, ChpAllocation allocation,
                                             InputSource& source);

private:
    std::mutex mutex_;
    std::map<std::pair<std::string, ChpAllocation>, std::shared_ptr<const ReferenceData>> kept_;
};

// A source whose reference data comes from a ReferenceCache and everything else from `inner`
// (the data files or the store), so each request's activity, a store's own factor set and the
// factor overrides are still read every time, and laid over a copy of the kept data.
class CachedReferenceSource : public InputSource {
public:
    CachedReferenceSource(std::unique_ptr<InputSource> inner, std::shared_ptr<ReferenceCache> cache)
        : inner_(std::move(inner)), cache_(std::move(cache)) {}
    std::shared_ptr<const ReferenceData> reference_data(const std::string& data_dir,
                                                        ChpAllocation allocation) override {
        return cache_->get(data_dir, allocation, *inner_);
    }
    ScenarioSpec scenario(const std::string& file) override { return inner_->scenario(file); }
    std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec,
                                                std::shared_ptr<const ReferenceData>& ref) override {
        return inner_->activity(spec, ref);
    }
    std::shared_ptr<const Drivers> drivers(const std::string& file) override { return inner_->drivers(file); }
    std::shared_ptr<const TargetSet> targets(const std::string& file) override { return inner_->targets(file); }
    national::NationalData national_figures(const std::string& dir) override { return inner_->national_figures(dir); }
    std::shared_ptr<const std::vector<Trend>> trends(const std::string& file) override { return inner_->trends(file); }

private:
    std::unique_ptr<InputSource> inner_;
    std::shared_ptr<ReferenceCache> cache_;
};

// The plan's inputs, each read once through `source`. A scenario with "history": {"national": CODE}
// takes its activity from the regnskab's sector totals in `data_dir`/national (whatever the source's
// activity) and is checked to have only measures sector totals carry (national_history.hpp). Throws klima::Error
// (kind input, io or store) naming the file and JSON path or line at fault.
// With `with_targets` and no targets file named anywhere, `targets` stays
// none: the analyses that need them say so (require_targets).
PlanInputs load_plan(const PlanRequest& request, InputSource& source);

// The targets of loaded inputs; throws klima::Error naming the scenario file's
// "/targets" when none were loaded (no file named).
const TargetSet& require_targets(const PlanInputs& inputs);

}  // namespace klima

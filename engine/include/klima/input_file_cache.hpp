// The parsed input files of a long-running process (the workbench), kept per path and read
// again when the file on disk changes: a request reads the activity, drivers, targets and
// trends it names through the cache instead of parsing them each time. Knows nothing of HTTP.
#pragma once

#include "klima/plan_inputs.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace klima {

// What says a file on disk is the one read before: its size, modification time (ns), inode and
// device. An edit, or a file renamed over it, changes one of them; an edit that keeps the size
// within the same nanosecond of mtime is not seen (no file system gives that in practice).
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    bool operator==(const FileStamp&) const = default;
};
// None when the file cannot be stat'ed (the reader then names the error).
std::optional<FileStamp> stamp_of(const std::string& path);

// Parsed files by path, each with the stamp it had before it was read. Safe to share between
// threads: the lock is held only to look up and to keep, so two requests may read the same new
// file at once (both get the same value) but none waits for another's parse. Every call returns
// the kept object itself, shared and const (a caller that would change it copies it first), alive
// while a caller holds it, also after it is dropped from the cache. A read that throws is not kept. At most kMaxKept
// files of each kind are kept; past that the kind's kept files are dropped, so a caller naming ever new files bounds
// the memory.
class InputFileCache {
public:
    static constexpr std::size_t kMaxKept = 32;

    std::shared_ptr<const Drivers> drivers(const std::string& file, InputSource& inner);
    std::shared_ptr<const TargetSet> targets(const std::string& file, InputSource& inner);
    std::shared_ptr<const std::vector<Trend>> trends(const std::string& file, InputSource& inner);
    // The activity file spec.activity_file, checked against `ref`, read through `inner`. Kept per
    // (file, data directory): the checks use only the data directory's taxonomy, carriers and
    // fuel properties, so the caller must pass the `ref` read from `data_dir` unchanged but for
    // its factors (no store, no other reference data laid over it).
    std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec, std::shared_ptr<const ReferenceData>& ref,
                                                const std::string& data_dir, InputSource& inner);

    template <class T>
    struct Kept {
        FileStamp stamp;
        std::shared_ptr<const T> value;
    };

private:
    template <class T, class Read>
    std::shared_ptr<const T> get(std::map<std::string, Kept<T>>& kept, const std::string& key, const std::string& file,
                                 Read read);

    std::mutex mutex_;
    std::map<std::string, Kept<Drivers>> drivers_;
    std::map<std::string, Kept<TargetSet>> targets_;
    std::map<std::string, Kept<std::vector<Trend>>> trends_;
    std::map<std::string, Kept<ActivitySet>> activity_;
};

// A source whose drivers, targets and trends (and, with `activity_from_files`, the activity
// file) come through an InputFileCache, everything else from `inner`. `activity_from_files`
// only for a source reading the scenario's activity file with the data directory's reference
// data (not a store, no factor overrides): see InputFileCache::activity.
class CachedFileSource : public InputSource {
public:
    // `data_dir`: the directory the plan's reference data is read from, the kept activity's key.
    // It is given here, not taken from a reference_data call: a CachedReferenceSource over this
    // one answers that call itself once it holds the data.
    CachedFileSource(std::unique_ptr<InputSource> inner, std::shared_ptr<InputFileCache> cache,
                     bool activity_from_files, std::string data_dir)
        : inner_(std::move(inner)),
          cache_(std::move(cache)),
          activity_from_files_(activity_from_files),
          data_dir_(std::move(data_dir)) {}
    std::shared_ptr<const ReferenceData> reference_data(const std::string& data_dir,
                                                        ChpAllocation allocation) override {
        return inner_->reference_data(data_dir, allocation);
    }
    ScenarioSpec scenario(const std::string& file) override { return inner_->scenario(file); }
    std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec,
                                                std::shared_ptr<const ReferenceData>& ref) override {
        if (activity_from_files_) return cache_->activity(spec, ref, data_dir_, *inner_);
        return inner_->activity(spec, ref);
    }
    std::shared_ptr<const Drivers> drivers(const std::string& file) override { return cache_->drivers(file, *inner_); }
    std::shared_ptr<const TargetSet> targets(const std::string& file) override {
        return cache_->targets(file, *inner_);
    }
    national::NationalData national_figures(const std::string& dir) override { return inner_->national_figures(dir); }
    std::shared_ptr<const std::vector<Trend>> trends(const std::string& file) override {
        return cache_->trends(file, *inner_);
    }

private:
    std::unique_ptr<InputSource> inner_;
    std::shared_ptr<InputFileCache> cache_;
    bool activity_from_files_;
    std::string data_dir_;
};

}  // namespace klima

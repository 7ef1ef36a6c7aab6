#include "klima/input_file_cache.hpp"

#include <sys/stat.h>

namespace klima {

std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uintmax_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                     static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev)};
}

template <class T, class Read>
std::shared_ptr<const T> InputFileCache::get(std::map<std::string, Kept<T>>& kept, const std::string& key,
                                             const std::string& file, Read read) {
    // Stamped before the read: an edit during the read leaves a stamp older than the file,
    // which the next request sees and reads again.
    const auto stamp = stamp_of(file);
    if (!stamp) return read();  // not there or not readable: the reader's own error (a read that returns is not kept)
    std::shared_ptr<const T> hit;
    {
        const std::lock_guard lock(mutex_);
        if (const auto it = kept.find(key); it != kept.end() && it->second.stamp == *stamp) hit = it->second.value;
    }
    if (hit) return hit;  // the kept object itself: shared, not copied
    auto value = read();  // throws: nothing kept
    {
        const std::lock_guard lock(mutex_);
        if (kept.size() >= kMaxKept && !kept.count(key)) kept.clear();
        kept[key] = Kept<T>{*stamp, value};
    }
    return value;
}

std::shared_ptr<const Drivers> InputFileCache::drivers(const std::string& file, InputSource& inner) {
    return get(drivers_, file, file, [&] { return inner.drivers(file); });
}

std::shared_ptr<const TargetSet> InputFileCache::targets(const std::string& file, InputSource& inner) {
    return get(targets_, file, file, [&] { return inner.targets(file); });
}

std::shared_ptr<const std::vector<Trend>> InputFileCache::trends(const std::string& file, InputSource& inner) {
    return get(trends_, file, file, [&] { return inner.trends(file); });
}

std::shared_ptr<const ActivitySet> InputFileCache::activity(ScenarioSpec& spec,
                                                            std::shared_ptr<const ReferenceData>& ref,
                                                            const std::string& data_dir, InputSource& inner) {
    const auto file = spec.activity_file;
    return get(activity_, file + '\n' + data_dir, file, [&] { return inner.activity(spec, ref); });
}

}  // namespace klima

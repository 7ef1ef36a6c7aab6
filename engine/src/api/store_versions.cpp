#include "klima/api/store_versions.hpp"

#include "klima/api/store_import.hpp"

#include <algorithm>

namespace klima::api {

store::VersionComparison compare_store_versions(const std::string& store_path, int v1, int v2,
                                                const ReferenceData& base, const std::string& gwp_set) {
    const store::Store db(store_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    const auto a = db.version(v1), b = db.version(v2);
    store::VersionComparison out;
    out.before = a;
    out.after = b;
    const auto ra = store::reference_for(db, a, base), rb = store::reference_for(db, b, base);
    out.changes = store::attribute_change(db.activity(a), ra.factors, db.activity(b), rb.factors, base, gwp_set);
    out.touched = store::touched_between(db, v1, v2);
    return out;
}

std::vector<store::SectorChange> compare_versions(const std::string& store_path, int v1, int v2,
                                                  const ReferenceData& base, const std::string& gwp_set) {
    return compare_store_versions(store_path, v1, v2, base, gwp_set).changes;
}

store::YearComparison compare_store_years(const std::string& store_path, int y1, int y2, std::optional<int> version,
                                          const ReferenceData& base, const std::string& gwp_set) {
    const store::Store db(store_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    store::YearComparison out;
    if (version) {
        out.version = db.version(*version);
    } else {
        const auto cur = db.current();
        if (!cur)
            throw Error({store_path, 0, ""}, "the store holds no versions", "import data into it first")
                .about(Subject::store_contents);
        out.version = *cur;
    }
    const auto years = db.years(out.version);
    for (int y : {y1, y2}) {
        if (std::none_of(years.begin(), years.end(), [&](const auto& p) { return p.first == y; })) {
            std::string list;
            for (const auto& [year, from] : years) list += (list.empty() ? "" : ", ") + std::to_string(year);
            throw Error({store_path, 0, "year"},
                        "version " + std::to_string(out.version.id) + " has no activity for " + std::to_string(y),
                        list.empty() ? "import an activity file first" : "compare two of the years it holds: " + list)
                .about(Subject::store_contents);
        }
        for (const auto& [year, from] : years)
            if (year == y) out.read_from.push_back(from);
    }
    out.y1 = y1;
    out.y2 = y2;
    const auto ref = store::reference_for(db, out.version, base);
    out.allocation = ref.allocation;
    try {
        out.changes =
            store::compare_years(db.activity(out.version, y1), y1, db.activity(out.version, y2), y2, ref, gwp_set);
    } catch (const Error& e) {
        throw e.located({store_path, 0, ""});
    }
    return out;
}

store::Recalculation recalculate_store(const std::string& store_path, const ReferenceData& base,
                                       const std::string& gwp_set) {
    store::Store db(store_path, store::Open::existing);
    return store::recalculate(db, base, gwp_set);
}

store::Recalculation recalculate_store(const std::string& store_path, const ReferenceData& base,
                                       const std::string& gwp_set, const std::string& data_dir,
                                       std::optional<ChpAllocation> allocation) {
    store::Store db(store_path, store::Open::existing);
    if (!db.current()) throw Error({store_path, 0, ""}, "the store is empty", "import activity data and factors first");
    ensure_factor_set(db, data_dir, allocation);
    return store::recalculate(db, base, gwp_set);
}

}  // namespace klima::api

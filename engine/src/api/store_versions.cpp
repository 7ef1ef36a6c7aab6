#include "klima/api/store_versions.hpp"

namespace klima::api {

std::vector<store::SectorChange> compare_versions(const std::string& store_path, int v1, int v2,
                                                  const ReferenceData& base, const std::string& gwp_set) {
    const store::Store db(store_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    const auto a = db.version(v1), b = db.version(v2);
    return store::attribute_change(db.activity(a), db.factors(a), db.activity(b), db.factors(b), base, gwp_set);
}

store::Recalculation recalculate_store(const std::string& store_path, const ReferenceData& base,
                                       const std::string& gwp_set) {
    store::Store db(store_path, store::Open::existing);
    return store::recalculate(db, base, gwp_set);
}

}  // namespace klima::api

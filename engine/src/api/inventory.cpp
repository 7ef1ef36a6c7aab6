#include "klima/api/inventory.hpp"

#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"

#include <filesystem>

namespace klima::api {

InventoryOutcome inventory(const InventoryRequest& request, ReferenceData base) {
    InventoryOutcome out;
    ActivitySet records;
    std::string path;
    if (request.store) {
        path = *request.store;
        const store::Store db(path, store::Open::read_only);
        const store::Store::ReadTransaction snapshot(db);
        store::Version v;
        if (request.version) {
            v = db.version(*request.version);
        } else {
            const auto cur = db.current();
            if (!cur)
                throw Error({path, 0, ""}, "the store holds no versions", "import data into it first")
                    .about(Subject::store_contents);
            v = *cur;
        }
        out.ref = store::reference_for(db, v, base);  // before the rows: a version without factors fails fast
        records = db.activity(v, request.year);       // that year's rows only, from the newest import holding it
        out.title = std::filesystem::path(path).filename().string() + " version " + std::to_string(v.id);
        out.from_store = true;
    } else {
        path = request.activity_file.value_or("");
        auto read = request.read;
        read.year = request.year;  // every row is read and checked; only this year's are kept
        records = io::load_activity(path, &base, read);
        out.ref = std::move(base);
        out.title = io::municipality_name(path);
    }
    try {
        out.inventory =
            compute_inventory(std::move(records), request.year, out.ref, request.gwp_set);  // lines take the records
    } catch (const Error& e) {
        throw e.located({path, 0, ""});
    }
    return out;
}

}  // namespace klima::api

#include "klima/api/inventory.hpp"

#include "klima/io/scenario_file.hpp"
#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"

#include <filesystem>

namespace klima::api {

namespace {

// The population of `year` from drivers.csv in the activity file's folder.
std::optional<report::Inhabitants> inhabitants_beside(const std::string& activity_path, int year) {
    const auto drivers = std::filesystem::path(activity_path).parent_path() / "drivers.csv";
    if (!std::filesystem::exists(drivers)) return std::nullopt;
    const auto all = io::load_drivers(drivers.string());
    for (const auto& y : all.years())
        if (y.year == year && units::in_count(y.population) > 0)
            return report::Inhabitants{y.population, y.source, y.origin};
    return std::nullopt;
}

// The totals of a streamed inventory, with an error located at `path` (the file or the store).
InventoryResult finish_at(InventoryBuilder&& builder, const std::string& path) {
    try {
        return std::move(builder).finish();
    } catch (const Error& e) {
        throw e.located({path, 0, ""});
    }
}

// The inventory of a CSV file built row by row (io::stream_activity), holding
// no lines; false when the file is not streamed (then nothing is set).
bool stream_file(const InventoryRequest& request, const ReferenceData& ref, InventoryOutcome& out) {
    const auto& path = *request.activity_file;
    InventoryBuilder builder(request.year, ref, request.gwp_set, false);
    const auto add = [&](ActivityRecord&& r) {
        try {
            builder.add(std::move(r));
        } catch (const Error& e) {
            throw e.located({path, 0, ""});
        }
    };
    if (!io::stream_activity(path, ref, request.year, request.read.csv_dialect, add)) return false;
    out.inventory = finish_at(std::move(builder), path);
    out.streamed = true;
    return true;
}

// The error for a year the store version has no rows of: its fix names the years the store
// holds, which the one year read cannot.
Error no_year_in_store(const store::Store& db, const store::Version& v, int year) {
    std::string held;
    for (const auto& [y, from] : db.years(v)) held += (held.empty() ? "" : ", ") + std::to_string(y);
    return Error({db.path(), 0, "year"},
                 "no activity records for " + std::to_string(year) + " in version " + std::to_string(v.id),
                 held.empty() ? std::string("the version holds no activity; import an activity file first")
                              : "choose one of the years the store holds: " + held);
}

// Adds the year's rows of store version `v` to `builder` one at a time, giving each line
// to `visit` when there is one; returns how many rows. Without a visitor only the totals are
// wanted, and no total depends on a line's source: it is left unread. Errors are located at
// the store.
std::size_t build_from_store(const store::Store& db, const store::Version& v, int year, InventoryBuilder& builder,
                             const InventoryLineVisitor* visit = nullptr) {
    using Text = store::Store::RowText;
    try {
        return db.each_activity(
            v, year,
            [&](ActivityRecord&& r) {
                const auto& line = builder.add(std::move(r));
                if (visit) (*visit)(line);
            },
            visit ? Text::all : Text::without_source);
    } catch (const Error& e) {
        throw e.located({db.path(), 0, ""});
    }
}

}  // namespace

InventoryLines inventory_lines(const InventoryRequest& request, const InventoryOutcome& outcome) {
    if (!outcome.streamed) return held_lines(outcome.inventory);
    if (outcome.from_store)
        return [&request, &outcome](const InventoryLineVisitor& visit) {
            // A version's rows never change once imported: the second read gives the same lines.
            const store::Store db(*request.store, store::Open::read_only);
            const store::Store::ReadTransaction snapshot(db);
            InventoryBuilder builder(request.year, outcome.ref, request.gwp_set, false);
            const auto& inv = outcome.inventory;
            const auto rows = build_from_store(db, db.version(*outcome.store_version), request.year, builder, &visit);
            if (rows != static_cast<std::size_t>(inv.territorial.lines + inv.reported_apart.lines))
                throw Error({db.path(), 0, ""}, "the store's rows changed while they were being read",
                            "check the store's integrity, then run the command again", ErrorKind::store);
        };
    return [&request, &outcome](const InventoryLineVisitor& visit) {
        InventoryBuilder builder(request.year, outcome.ref, request.gwp_set, false);
        const bool streamed =
            io::stream_activity(*request.activity_file, outcome.ref, request.year, request.read.csv_dialect,
                                [&](ActivityRecord&& r) { visit(builder.add(std::move(r))); });
        if (!streamed)
            throw Error({*request.activity_file, 0, ""}, "the file changed while it was being read",
                        "run the command again once the file is written");
    };
}

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
        out.title = std::filesystem::path(path).filename().string() + " version " + std::to_string(v.id);
        out.from_store = true;
        out.store_version = v.id;
        if (request.stream) {  // that year's rows only, one at a time: no record or line is held
            InventoryBuilder builder(request.year, out.ref, request.gwp_set, false);
            if (build_from_store(db, v, request.year, builder) == 0) throw no_year_in_store(db, v, request.year);
            out.inventory = finish_at(std::move(builder), path);
            out.streamed = true;
            return out;
        }
        records = db.activity(v, request.year);  // that year's rows only, from the newest import holding it
        if (records.empty()) throw no_year_in_store(db, v, request.year);
    } else if (request.stream && request.activity_file && request.read.sheet.empty() &&
               stream_file(request, base, out)) {
        out.ref = std::move(base);  // the lines' factors point into the reference data: moved, not copied
        path = *request.activity_file;
        out.title = io::municipality_name(path);
        out.inhabitants = inhabitants_beside(path, request.year);
        return out;
    } else {
        path = request.activity_file.value_or("");
        auto read = request.read;
        read.year = request.year;  // every row is read and checked; only this year's are kept
        records = io::load_activity(path, &base, read);
        out.ref = std::move(base);
        out.title = io::municipality_name(path);
        out.inhabitants = inhabitants_beside(path, request.year);
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

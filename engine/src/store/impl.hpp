// What the Store's source files share: the connection and the schema steps.
#pragma once

#include "klima/store/store.hpp"
#include "sqlite.hpp"

namespace klima::store {

struct Store::Impl {
    sql::Db db;
    Impl(const std::string& path, int flags, const std::string& uri = {}) : db(path, flags, uri) {}
};

// PRAGMA application_id of a klima store ("KLMA"); stores made before it was set have 0.
inline constexpr int kApplicationId = 0x4B4C4D41;

// Bring the database from its PRAGMA user_version to `target`, all pending
// steps in one transaction. Throws when the file is newer than this klima.
void migrate(const sql::Db& db, int target);

std::string utc_now();

// Within an open write transaction: the version that identical content was stored as, else a
// new version row pointing at itself for what it imports (activity, a factor set, overrides or
// status) and at the current version's others (store_rows.cpp).
ImportOutcome add_version(const sql::Db& db, const Store& store, VersionKind kind, bool overrides,
                          const Provenance& from);
// Throws (internal) for an import without a SHA-256 of its source.
void require_hash(const Provenance& from);

// Schema 3 keeps the unit as written and the three-way factor status; schema 5 keeps years,
// the CHP allocation and overrides. A store of an older schema (opened read-only, or built by a
// test as an older klima did) is read and written with the columns it has.
inline constexpr int kUnitAndStatusSchema = 3;
inline constexpr int kYearsSchema = 5;
inline constexpr int kStatusSchema = 6;  // the yearly status of actions, status_from

}  // namespace klima::store

// What the Store's source files share: the connection and the schema steps.
#pragma once

#include "klima/store.hpp"
#include "sqlite.hpp"

namespace klima::store {

struct Store::Impl {
    sql::Db db;
    Impl(const std::string& path, int flags) : db(path, flags) {}
};

// Bring the database from its PRAGMA user_version to `target`, all pending
// steps in one transaction. Throws when the file is newer than this klima.
void migrate(const sql::Db& db, int target);

std::string utc_now();  // "2026-11-23T07:30:00Z"

}  // namespace klima::store

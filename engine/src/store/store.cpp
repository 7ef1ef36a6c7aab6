// Opening a store, its version list, and read snapshots.
#include "impl.hpp"

#include <ctime>
#include <filesystem>

namespace klima::store {

std::string_view to_string(VersionKind k) { return k == VersionKind::activity ? "activity" : "factors"; }

std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Store::Store(const std::string& path, Open mode, int schema) {
    if (mode == Open::existing && !std::filesystem::exists(path))
        throw Error({path, 0, ""}, "no store at this path",
                    "create one with: klima db import FILE --comment TEXT --db " + path);
    if (schema < 1 || schema > kSchemaVersion)
        throw Error({path, 0, ""}, "unknown store schema " + std::to_string(schema));
    impl_ = std::make_unique<Impl>(path, SQLITE_OPEN_READWRITE | (mode == Open::create ? SQLITE_OPEN_CREATE : 0));
    const auto& db = impl_->db;
    // WAL: readers keep a consistent snapshot while an import writes, and a
    // killed writer leaves only uncommitted WAL frames, which are ignored.
    // synchronous=FULL: a reported import survives power loss too (the cost,
    // one extra fsync per import, is nothing beside parsing the file).
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
    migrate(db, schema);
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::string& Store::path() const { return impl_->db.path(); }

int Store::schema_version() const {
    sql::Stmt q(impl_->db, "PRAGMA user_version");
    q.step();
    return q.integer(0);
}

std::string Store::integrity_check() const {
    sql::Stmt q(impl_->db, "PRAGMA integrity_check");
    std::string out;
    while (q.step()) out.append(out.empty() ? "" : "; ").append(q.text(0));
    return out;
}

namespace {

constexpr const char* kVersionColumns =
    "SELECT id, parent, kind, file, sha256, imported_at, comment, activity_from, factors_from FROM versions ";

Version read_version(const sql::Stmt& q) {
    Version v;
    v.id = q.integer(0);
    v.parent = q.opt_integer(1);
    v.kind = q.text(2) == "activity" ? VersionKind::activity : VersionKind::factors;
    v.file = q.text(3);
    v.sha256 = q.text(4);
    v.imported_at = q.text(5);
    v.comment = q.text(6);
    v.activity_from = q.opt_integer(7);
    v.factors_from = q.opt_integer(8);
    return v;
}

}  // namespace

std::vector<Version> Store::versions() const {
    sql::Stmt q(impl_->db, (std::string(kVersionColumns) + "ORDER BY id").c_str());
    std::vector<Version> out;
    while (q.step()) out.push_back(read_version(q));
    return out;
}

std::optional<Version> Store::current() const {
    sql::Stmt q(impl_->db, (std::string(kVersionColumns) + "ORDER BY id DESC LIMIT 1").c_str());
    if (!q.step()) return std::nullopt;
    return read_version(q);
}

Version Store::version(int id) const {
    sql::Stmt q(impl_->db, (std::string(kVersionColumns) + "WHERE id = ?").c_str());
    q.bind(1, id);
    if (q.step()) return read_version(q);
    const auto all = versions();
    throw Error({path(), 0, "version"}, "no version " + std::to_string(id) + " in the store",
                all.empty() ? "the store is empty; import a file first"
                            : "use a version from 1 to " + std::to_string(all.back().id) + " (klima db versions)");
}

Store::ReadTransaction::ReadTransaction(const Store& s) : store_(s) {
    s.impl_->db.exec("BEGIN DEFERRED");
    // A deferred transaction takes its snapshot at the first read: read now.
    sql::Stmt q(s.impl_->db, "SELECT count(*) FROM versions");
    q.step();
}

Store::ReadTransaction::~ReadTransaction() {
    sqlite3_exec(store_.impl_->db.get(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace klima::store

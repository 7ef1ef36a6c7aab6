// Opening a store, its version list, and read snapshots.
#include "impl.hpp"

#include "klima/io/input_file.hpp"

#include <cctype>
#include <ctime>
#include <filesystem>
#include <string_view>

namespace klima::store {

std::string_view to_string(VersionKind k) {
    switch (k) {
        case VersionKind::activity: return "activity";
        case VersionKind::factors: return "factors";
        case VersionKind::status: return "status";
    }
    return "?";
}

std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

int pragma(const sql::Db& db, const char* name) {
    sql::Stmt q(db, (std::string("PRAGMA ") + name).c_str());
    q.step();
    return q.integer(0);
}

enum class FileIs { empty, klima_store, other };

// What the open file holds, found by reading only: nothing may be written to
// a file before it is known to be a klima store.
FileIs identify(const sql::Db& db) {
    sql::Stmt q(db, "SELECT count(*), coalesce(sum(type = 'table' AND name = 'versions'), 0) FROM sqlite_master");
    q.step();
    const int objects = q.integer(0), versions_table = q.integer(1);
    const int app = pragma(db, "application_id"), schema = pragma(db, "user_version");
    if (app == kApplicationId) return FileIs::klima_store;
    if (app != 0) return FileIs::other;
    if (objects == 0 && schema == 0) return FileIs::empty;
    // a store written before klima set its application_id
    return versions_table == 1 && schema >= 1 ? FileIs::klima_store : FileIs::other;
}

// A read-only connection to a WAL store needs a -shm file beside it; where
// the reader may not create one (a store in a folder it cannot write) and no
// -wal file holds commits yet to be checkpointed, the store is opened as
// immutable instead: SQLite then takes no locks, which is right for a store
// that nobody who may write it is changing, as such a copy is.
bool needs_immutable(const sql::Db& db) {
    const int rc = sqlite3_exec(db.get(), "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    const int code = rc & 0xff;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) return false;
    std::error_code ec;
    const auto wal = std::filesystem::file_size(db.path() + "-wal", ec);
    return ec || wal == 0;  // no -wal file, or one without frames
}

std::string immutable_uri(const std::string& path) {
    std::string uri = "file:";
    for (unsigned char c : std::filesystem::absolute(path).string()) {
        if (std::isalnum(c) || std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) {
            uri += static_cast<char>(c);
        } else {
            static const char* hex = "0123456789ABCDEF";
            uri.append("%").append(1, hex[c >> 4]).append(1, hex[c & 15]);
        }
    }
    return uri + "?immutable=1";
}

}  // namespace

Store::Store(const std::string& path, Open mode, int schema) {
    try {  // a FIFO or device given as the store would block SQLite's open, or be written
        io::check_regular_or_absent(path);
    } catch (const Error& e) {
        throw Error(e.where(), e.problem(), "give the path of a klima store, or a new path to create one",
                    ErrorKind::store)
            .about(Subject::store);
    }
    if (mode != Open::create && !std::filesystem::exists(path))
        throw Error({path, 0, ""}, "no store at this path", "create one by importing a file into it", ErrorKind::store)
            .about(Subject::store_contents);
    if (schema < 1 || schema > kSchemaVersion)
        throw Error({path, 0, ""}, "unknown store schema " + std::to_string(schema), {}, ErrorKind::internal);
    // NOMUTEX: a Store is used by one thread at a time (store.hpp), so SQLite need not lock its
    // connection around every column read (5 % of reading a million rows).
    const int flags =
        SQLITE_OPEN_NOMUTEX |
        (mode == Open::read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | (mode == Open::create ? SQLITE_OPEN_CREATE : 0));
    impl_ = std::make_unique<Impl>(path, flags);
    if (mode == Open::read_only && needs_immutable(impl_->db))
        impl_ = std::make_unique<Impl>(path, flags | SQLITE_OPEN_URI, immutable_uri(path));
    const auto& db = impl_->db;
    switch (identify(db)) {
        case FileIs::klima_store: break;
        case FileIs::empty:
            if (mode == Open::create) break;
            throw Error({path, 0, ""}, "the file is empty, not a klima store",
                        "import a file into it first, or give the path of a klima store", ErrorKind::store)
                .about(Subject::store_contents);
        case FileIs::other:
            throw Error({path, 0, ""}, "this SQLite database is not a klima store; klima left it as it was",
                        "give the path of a klima store, or a new path to create one", ErrorKind::store)
                .about(Subject::store);
    }
    db.exec("PRAGMA foreign_keys=ON");
    if (mode == Open::read_only) {
        if (const int at = pragma(db, "user_version"); at > kSchemaVersion)
            throw Error({path, 0, ""},
                        "store schema version " + std::to_string(at) + " is newer than this klima knows (" +
                            std::to_string(kSchemaVersion) + ")",
                        "use a newer klima for this store", ErrorKind::store);
        return;
    }
    // WAL: readers keep a consistent snapshot while an import writes, and a
    // killed writer leaves only uncommitted WAL frames, which are ignored.
    // synchronous=FULL: a reported import survives power loss too (the cost,
    // one extra fsync per import, is nothing beside parsing the file).
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
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

// The version columns; a store older than schema 5 (read-only) lacks allocation, overrides and
// overrides_from, one older than schema 6 status_from.
std::string version_query(int schema, const char* rest) {
    std::string q = "SELECT id, parent, kind, file, sha256, imported_at, comment, activity_from, factors_from, ";
    q += schema >= kYearsSchema ? "allocation, overrides, overrides_from, " : "NULL, 0, NULL, ";
    q += schema >= kStatusSchema ? "status_from" : "NULL";
    return q.append(" FROM versions ").append(rest);
}

Version read_version(const sql::Stmt& q) {
    Version v;
    v.id = q.integer(0);
    v.parent = q.opt_integer(1);
    const auto kind = q.text(2);
    v.kind = kind == "activity" ? VersionKind::activity : kind == "status" ? VersionKind::status : VersionKind::factors;
    v.file = q.text(3);
    v.sha256 = q.text(4);
    v.imported_at = q.text(5);
    v.comment = q.text(6);
    v.activity_from = q.opt_integer(7);
    v.factors_from = q.opt_integer(8);
    if (!q.is_null(9)) v.allocation = parse_chp_allocation(q.text(9)).value_or(ChpAllocation::declared);
    v.overrides = q.integer(10) == 1;
    v.overrides_from = q.opt_integer(11);
    v.status_from = q.opt_integer(12);
    return v;
}

}  // namespace

std::string_view kind_label(const Version& v) { return v.overrides ? "overrides" : to_string(v.kind); }

std::vector<Version> Store::versions() const {
    sql::Stmt q(impl_->db, version_query(schema_version(), "ORDER BY id").c_str());
    std::vector<Version> out;
    while (q.step()) out.push_back(read_version(q));
    return out;
}

std::optional<Version> Store::current() const {
    sql::Stmt q(impl_->db, version_query(schema_version(), "ORDER BY id DESC LIMIT 1").c_str());
    if (!q.step()) return std::nullopt;
    return read_version(q);
}

Version Store::version(int id) const {
    sql::Stmt q(impl_->db, version_query(schema_version(), "WHERE id = ?").c_str());
    q.bind(1, id);
    if (q.step()) return read_version(q);
    const auto all = versions();
    throw Error({path(), 0, "version"}, "no version " + std::to_string(id) + " in the store",
                all.empty() ? "the store is empty; import a file first"
                            : "use a version from 1 to " + std::to_string(all.back().id))
        .about(all.empty() ? Subject::store_contents : Subject::store_version);
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

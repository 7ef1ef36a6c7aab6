#include "sqlite.hpp"

namespace klima::store::sql {

Db::Db(const std::string& path, int flags, const std::string& uri) : path_(path) {
    const int rc = sqlite3_open_v2(uri.empty() ? path.c_str() : uri.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error({path, 0, ""}, "cannot open store: " + msg,
                    "give a writable path for a new store, or the path of an existing klima.db", ErrorKind::store);
    }
    // Another process may hold the write lock for the length of one import.
    sqlite3_busy_timeout(db_, 10000);
    sqlite3_extended_result_codes(db_, 1);
}

Db::~Db() { sqlite3_close(db_); }

void Db::fail(const std::string& what) const {
    const std::string msg = sqlite3_errmsg(db_);
    const int code = sqlite3_errcode(db_) & 0xff;
    std::string fix = "check that the file is a klima store and is writable";
    auto subject = Subject::none;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
        fix = "the file is not a klima store or is damaged; restore it from a backup or use another store";
        subject = Subject::store;
    } else if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        fix = "another klima process is writing the store; retry when it has finished";
    }
    throw Error({path_, 0, ""}, what + ": " + msg, fix, ErrorKind::store).about(subject);
}

void Db::exec(const std::string& sql) const {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        sqlite3_free(err);
        fail("store command failed (" + sql.substr(0, 40) + ")");
    }
}

Stmt::Stmt(const Db& db, const char* sql) : db_(&db), sql_(sql) {
    db.check(sqlite3_prepare_v2(db.get(), sql, -1, &stmt_, nullptr), "cannot prepare store query");
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::bind(int i, int v) {
    db_->check(sqlite3_bind_int(stmt_, i, v), "bind");
    return *this;
}
Stmt& Stmt::bind(int i, double v) {
    db_->check(sqlite3_bind_double(stmt_, i, v), "bind");
    return *this;
}
Stmt& Stmt::bind(int i, const std::string& v) {
    db_->check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}
Stmt& Stmt::bind(int i, const std::optional<double>& v) {
    if (v) return bind(i, *v);
    db_->check(sqlite3_bind_null(stmt_, i), "bind");
    return *this;
}
Stmt& Stmt::bind(int i, const std::optional<int>& v) {
    if (v) return bind(i, *v);
    db_->check(sqlite3_bind_null(stmt_, i), "bind");
    return *this;
}
Stmt& Stmt::bind(int i, const std::optional<std::string>& v) {
    if (v) return bind(i, *v);
    db_->check(sqlite3_bind_null(stmt_, i), "bind");
    return *this;
}

bool Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->fail("store query failed");
}

void Stmt::run() {
    if (step()) db_->fail("store statement returned rows unexpectedly");
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Stmt::text(int col) const { return std::string(view(col)); }

std::string_view Stmt::view(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p),
                                static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
}

std::optional<int> Stmt::opt_integer(int col) const {
    if (is_null(col)) return std::nullopt;
    return integer(col);
}

std::optional<double> Stmt::opt_real(int col) const {
    if (is_null(col)) return std::nullopt;
    return real(col);
}

WriteTransaction::WriteTransaction(const Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
    if (open_) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void WriteTransaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace klima::store::sql

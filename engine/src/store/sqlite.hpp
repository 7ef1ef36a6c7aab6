// Thin RAII wrappers over the sqlite3 C API, private to the store: a
// connection, a prepared statement, and a write transaction that rolls back
// unless committed. Every SQLite failure becomes a klima::Error naming the
// database file.
#pragma once

#include "klima/error.hpp"

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

namespace klima::store::sql {

class Db {
public:
    // `uri`, when given, is opened instead of `path` (with SQLITE_OPEN_URI in
    // `flags`); messages still name `path`.
    Db(const std::string& path, int flags, const std::string& uri = {});
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    sqlite3* get() const { return db_; }
    const std::string& path() const { return path_; }
    void exec(const std::string& sql) const;
    [[noreturn]] void fail(const std::string& what) const;  // throws with sqlite's message
    void check(int rc, const std::string& what) const {
        if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) fail(what);
    }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Stmt {
public:
    Stmt(const Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    // Binding is 1-based as in SQLite; nullopt binds NULL.
    Stmt& bind(int i, int v);
    Stmt& bind(int i, double v);
    Stmt& bind(int i, const std::string& v);
    Stmt& bind(int i, const std::optional<double>& v);
    Stmt& bind(int i, const std::optional<int>& v);
    Stmt& bind(int i, const std::optional<std::string>& v);

    bool step();   // true while a row is available
    void run();    // step once, expect no row
    void reset();  // ready to bind and run again

    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    int integer(int col) const { return sqlite3_column_int(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    std::string text(int col) const;
    // The column's text without a copy ("" for NULL): valid until the next step, reset or
    // another read of the same column as another type.
    std::string_view view(int col) const;
    std::optional<int> opt_integer(int col) const;
    std::optional<double> opt_real(int col) const;

private:
    const Db* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
};

// BEGIN IMMEDIATE … COMMIT: takes the write lock at once, so a concurrent
// writer waits (busy timeout) instead of failing half-way. Rolls back in the
// destructor unless commit() was reached, so an exception writes nothing.
class WriteTransaction {
public:
    explicit WriteTransaction(const Db& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    const Db& db_;
    bool open_ = true;
};

}  // namespace klima::store::sql

// Read connections to one inventory store, opened once and lent to one caller at a time: what a
// long-running process (the workbench) reads the store through, instead of opening it on every
// request (issue 21 item 4). Knows nothing of HTTP or of the plan a request loads.
//
// Thread-safety contract: lend() may be called from any number of threads at once. A Lease is
// one store::Store (one SQLite connection, opened without SQLite's mutex) that no other thread
// uses while the lease lives: the borrower uses it from one thread and reads inside a
// read_snapshot() when it wants one snapshot (each lease begins none by itself). Returned values
// are copies, as from any Repository. The pool must outlive its leases.
//
// Writers are other connections (the workbench's save, `klima db import` in another process):
// SQLite's WAL lets a writer commit while leases read, and a snapshot begun after the commit sees
// it, so a pooled connection never holds a stale state beyond its own snapshot. A store replaced
// on disk (a new file renamed over the path: another inode) is seen at the next lend(), which
// drops the connections to the old file and opens the new one; a store deleted or moved away is
// an Error (kind store) naming the path and the fix, for that request and every one after until
// it is back. An immutable read (a store in a folder the reader may not write, docs/store.md)
// sees what the file held when the connection was opened, as a single read does.
#pragma once

#include "klima/store/store.hpp"

#include <sys/types.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace klima::store {

class ReadPool {
public:
    // At most `max_idle` connections are kept open while nobody borrows them; more may be lent at
    // once (one per concurrent caller) and are closed when returned beyond that. Opens one
    // connection now: throws as Store(path, Open::read_only) does (a missing file, not a store,
    // a newer schema), so a bad store is refused before any request.
    explicit ReadPool(std::string path, std::size_t max_idle = 4);
    ~ReadPool();
    ReadPool(const ReadPool&) = delete;
    ReadPool& operator=(const ReadPool&) = delete;

    // One connection, given back to the pool when the lease is destroyed.
    class Lease {
    public:
        Lease(Lease&& other) noexcept;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        const Store& operator*() const { return *store_; }
        const Store* operator->() const { return store_.get(); }

    private:
        friend class ReadPool;
        Lease(ReadPool& pool, std::unique_ptr<Store> store, std::size_t generation)
            : pool_(&pool), store_(std::move(store)), generation_(generation) {}
        ReadPool* pool_;
        std::unique_ptr<Store> store_;
        std::size_t generation_;  // the file identity it was opened on (ReadPool::generation_)
    };

    // An idle connection to the file now at the path, or a new one. Throws klima::Error (kind
    // store) when no file is at the path any more, or as Store's constructor for a new file
    // there that cannot be read as a store.
    Lease lend();

    const std::string& path() const { return path_; }
    // Connections open and idle now (for tests and diagnostics).
    std::size_t idle() const;

private:
    void give_back(std::unique_ptr<Store> store, std::size_t generation);

    const std::string path_;
    const std::size_t max_idle_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Store>> idle_;
    // The device and inode of the file the idle connections read; a change drops them.
    dev_t device_ = 0;
    ino_t inode_ = 0;
    std::size_t generation_ = 0;  // counts changes of the file at the path
};

}  // namespace klima::store

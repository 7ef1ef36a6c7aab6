// What keeps the inventory store's versions, as the input sources and the
// facades read it: the Repository interface, with store::Store (one SQLite
// file, klima/store/store.hpp) as its one implementation today. A second
// engine (a server database for a shared national service, docs/store.md)
// implements this and slots in without touching the callers. The surface is
// the read side that a plan's load needs; imports, inventories and scenario
// versions are still Store's own (docs/store.md says what moving them takes).
//
// Thread safety: one Repository object is used by one thread at a time (an
// SQLite connection is not shared between threads). Any number of objects, in
// threads or processes, may use the same store at once: each ReadSnapshot
// sees one committed state, and writers are serialised by the store (SQLite's
// write lock). Returned values are copies that own their data and may outlive
// the repository; a ReadSnapshot must not outlive it.
#pragma once

#include "klima/activity.hpp"
#include "klima/factors.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace klima::store {

struct Version;

class Repository {
public:
    virtual ~Repository() = default;

    // While the returned object lives, every read on this repository sees the
    // versions committed when it began, whatever other connections write.
    class ReadSnapshot {
    public:
        virtual ~ReadSnapshot() = default;
    };
    virtual std::unique_ptr<ReadSnapshot> read_snapshot() const = 0;

    virtual std::vector<Version> versions() const = 0;
    virtual std::optional<Version> current() const = 0;
    // The activity and factors a version sees; throw (kind store) when it has none yet.
    virtual ActivitySet activity(const Version& v) const = 0;
    virtual FactorLibrary factors(const Version& v) const = 0;
    virtual const std::string& path() const = 0;  // where it is, for errors
};

// The store at `path`, opened for reading (store::Open::read_only): today always
// SQLite. Throws klima::Error (kind store) for a missing file or one that is not
// a klima store.
std::unique_ptr<Repository> open_repository(const std::string& path);

}  // namespace klima::store

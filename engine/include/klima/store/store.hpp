// The inventory store: activity data and emission-factor sets kept as
// immutable, numbered versions in one SQLite file, with provenance (file,
// SHA-256 of its bytes, UTC time, comment), and the inventories computed from
// them. Speaks engine types only; parsing files is the caller's job.
//
// A version is a new activity import, a new factor set or a new set of local
// factor overrides, plus pointers to what else is current. Activity is kept by
// year (schema 5): version N's activity for a year is that of the newest
// activity import up to `activity_from` holding the year, so an import revises
// exactly the years it holds. Its factors are the set imported by `factors_from`
// (else the newest factor set in the store) with the overrides of
// `overrides_from` laid over it. The yearly status of a plan's actions is kept
// by year the same way (schema 6): version N's status for a year is that of the
// newest status import up to `status_from` holding the year.
#pragma once

#include "klima/activity.hpp"
#include "klima/factors.hpp"
#include "klima/inventory.hpp"
#include "klima/status/action_status.hpp"
#include "klima/store/repository.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace klima::store {

enum class VersionKind { activity, factors, status };
std::string_view to_string(VersionKind k);

struct Version {
    int id = 0;
    std::optional<int> parent;  // the version that was current before this one
    VersionKind kind = VersionKind::activity;
    bool overrides = false;   // a factor version that holds only local overrides (schema 5)
    std::string file;         // path as given at import
    std::string sha256;       // of the imported bytes
    std::string imported_at;  // UTC, ISO 8601 ("2026-11-23T07:30:00Z")
    std::string comment;
    std::optional<int> activity_from, factors_from;  // versions that imported each half
    std::optional<int> overrides_from;               // the overrides version in force, if any (schema 5)
    std::optional<int> status_from;                  // the status import in force, if any (schema 6)
    // The CHP allocation the version's factor set was read for (before schema 5: declared).
    ChpAllocation allocation = ChpAllocation::declared;
};

// "activity", "factors", "overrides" or "status".
std::string_view kind_label(const Version& v);

struct Provenance {
    std::string file, sha256, comment;
    ChpAllocation allocation = ChpAllocation::declared;  // recorded with the version
};

struct ImportOutcome {
    int version = 0;
    bool already_stored = false;  // identical content was imported before as `version`
};

// One total of a stored (recalculated) inventory.
struct StoredTotal {
    int year = 0;
    std::string name;  // a sector code, or "territorial", "territorial_excl_lulucf", "reported_apart"
    bool is_sector = true;
    std::optional<units::Mass> co2e;  // nullopt when every line under it was missing
    int missing = 0, lines = 0;
};

// One saved version of a scenario (schema 4): the workbench's "save", read back by klima db scenario.
struct ScenarioVersion {
    std::string name;                         // the scenario's file name ("koege.json")
    int version = 0;                          // 1, 2, … per name
    std::string sha256;                       // of `scenario`
    std::string comment;                      // why this version; never empty
    std::string author;                       // who saved it, as they gave it; may be empty
    std::string created_at;                   // UTC, ISO 8601
    std::string scenario;                     // the scenario JSON text as saved (empty in lists)
    std::optional<std::string> editor_state;  // JSON the saving front end keeps with it (empty in lists)
};

struct ScenarioSave {
    std::string name, scenario, comment, author;
    std::optional<int> based_on;  // the version the edit started from; nullopt: from the file, none saved yet
    std::optional<std::string> editor_state;
};

// `based_on` was not the latest version of the name when the save took the store's write lock:
// the second of two concurrent writers, or an edit from a version the store never held. Kind
// store; latest() says who saved what, when, and is none when the store holds no version of the
// name (a front end branches on this type, not on the error's field).
class ScenarioConflict : public Error {
public:
    ScenarioConflict(const std::string& store_path, const std::string& name, std::optional<int> based_on,
                     std::optional<ScenarioVersion> latest);
    const std::optional<ScenarioVersion>& latest() const { return latest_; }

private:
    std::optional<ScenarioVersion> latest_;
};

// How a Store opens its file. Whatever the mode, a file that is not a klima
// store (a SQLite database with other tables, a file of another kind) is
// refused with an Error of kind store before anything is written to it.
enum class Open {
    create,     // for imports: creates the file when absent (a 0-byte file counts as a new store), migrates
    existing,   // for writes to a store that must exist (recalc): migrates
    read_only,  // for reads: the store must exist; nothing is written, not even the WAL switch or a
                // migration, so a store the user may not write can be read; an older schema is read as it is
};

// The SQLite implementation of Repository (klima/store/repository.hpp, thread-safety contract there).
// One Store is one SQLite connection, opened without SQLite's per-connection mutex: use it from
// one thread at a time (give each thread its own Store; they may share the file).
class Store : public Repository {
public:
    static constexpr int kSchemaVersion = 6;

    // Opens as `mode` says and, unless read_only, migrates to `schema`.
    // Tests pass an older `schema` to build a store as an older klima did.
    explicit Store(const std::string& path, Open mode = Open::create, int schema = kSchemaVersion);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    // What an import checks before it writes (a SHA-256, at least one row); throws as the
    // import would. Run them before opening a store so that a refused import creates no file.
    static void check_import(const ActivitySet& records, const Provenance& from);
    static void check_import(const FactorLibrary& factors, const Provenance& from);
    static void check_import(const std::vector<status::ActionStatus>& statuses, const Provenance& from);

    // Each import is one transaction: on any error nothing is written.
    // Content identical to an earlier version of the same kind is not stored again.
    ImportOutcome import_activity(const ActivitySet& records, const Provenance& from);
    ImportOutcome import_factors(const FactorLibrary& factors, const Provenance& from);
    // A factor version holding only local overrides (schema 5), laid over the factor set in force;
    // it replaces earlier overrides as a whole. Every row must have override_layer set.
    ImportOutcome import_overrides(const FactorLibrary& overrides, const Provenance& from);
    // A status version (schema 6): the action statuses of the years the file holds. It revises exactly
    // those years (a year's rows replace that year's earlier rows as a whole); activity, factors and
    // overrides stay as they were. Throws (kind store) for a store of an older schema opened so.
    ImportOutcome import_status(const std::vector<status::ActionStatus>& statuses, const Provenance& from);

    std::vector<Version> versions() const;
    std::optional<Version> current() const;
    Version version(int id) const;  // throws naming the versions present

    // The activity and factors a version sees; throw when it has none yet.
    // activity(v): every year, each from the newest import up to v holding it, in year order.
    // activity(v, year): that year's rows only (read through an index; an absent year: empty).
    // factors(v): its factor set with its overrides laid over it (FactorLibrary::lay_over).
    ActivitySet activity(const Version& v) const override;
    ActivitySet activity(const Version& v, int year) const;
    // activity(v, year) one row at a time, holding none: `each` is given every record of the year
    // in the same order (it may take the record's strings). Returns how many it was given; 0 for an
    // absent year. What `each` throws ends the read and is passed on. RowText::without_source
    // leaves each record's source empty, unread: what an inventory's totals need (none depends
    // on a line's source), for a first pass over many rows.
    enum class RowText { all, without_source };
    using ActivityVisitor = std::function<void(ActivityRecord&&)>;
    std::size_t each_activity(const Version& v, int year, const ActivityVisitor& each,
                              RowText text = RowText::all) const;
    FactorLibrary factors(const Version& v) const override;
    // The years `v` can compute, ascending; for each, the activity import it is read from.
    std::vector<std::pair<int, int>> years(const Version& v) const;
    // The years activity import `version` held (empty for a factor version).
    std::vector<int> years_imported(int version) const;
    // The factor set version `v` is computed with: its own, else the newest in the store; nullopt
    // when the store holds none (a store made before schema 5 from activity alone).
    std::optional<int> factor_set_of(const Version& v) const;
    // The overrides in force at `v` (its overrides_from), as stored; empty when none.
    FactorLibrary overrides_of(const Version& v) const;

    // The action statuses `v` sees: every year, each from the newest status import up to its
    // status_from holding it, in year order then row order; empty when none (or a store older
    // than schema 6). Each row's origin is the file and line it was imported from.
    std::vector<status::ActionStatus> statuses(const Version& v) const;
    // The status years `v` sees, ascending; for each, the status import it is read from.
    std::vector<std::pair<int, int>> status_years(const Version& v) const;
    // The years status import `version` held (empty for another kind of version).
    std::vector<int> status_years_imported(int version) const;

    // Replace the stored inventories of `version` under `gwp_set` by `results`.
    void save_inventories(int version, const std::string& gwp_set, const std::vector<InventoryResult>& results);
    std::vector<StoredTotal> inventories(int version, const std::string& gwp_set) const;
    // The latest version before `version` with stored inventories under `gwp_set`.
    std::optional<int> last_computed_before(int version, const std::string& gwp_set) const;

    // Scenario versions (schema 4). save_scenario writes version latest+1 in one BEGIN IMMEDIATE
    // transaction, so of two writers starting from the same version exactly one wins; the other
    // gets ScenarioConflict and nothing is written. The text is stored as given: checking that it
    // is a scenario is the caller's (api/scenario_versions.hpp).
    int save_scenario(const ScenarioSave& save);
    // Without their text, by name then version; every name when `name` is nullopt. A store of an
    // older schema (read-only) has none.
    std::vector<ScenarioVersion> scenario_versions(const std::optional<std::string>& name = std::nullopt) const;
    // `version`, or the latest when nullopt; nullopt when the name has no saved version.
    // Throws (kind store) for a version number the name does not have.
    std::optional<ScenarioVersion> scenario_version(const std::string& name, std::optional<int> version) const;

    int schema_version() const;
    std::string integrity_check() const;  // "ok" when sound
    const std::string& path() const;

    std::unique_ptr<ReadSnapshot> read_snapshot() const override;

    // A read snapshot: while it lives, every read on this Store sees the
    // versions committed when it began, whatever other connections write.
    class ReadTransaction {
    public:
        explicit ReadTransaction(const Store& s);
        ~ReadTransaction();
        ReadTransaction(const ReadTransaction&) = delete;
        ReadTransaction& operator=(const ReadTransaction&) = delete;

    private:
        const Store& store_;
    };

private:
    ImportOutcome import_factor_rows(const FactorLibrary& factors, const Provenance& from, bool overrides);
    std::size_t read_activity(int from_version, int year, const ActivityVisitor& each, RowText text) const;
    FactorLibrary factor_rows(int version) const;  // the rows one factor version imported

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Test seam: `hook(n)` is called after an import has inserted its n-th data
// row, inside the open transaction. Only the crash tests' klima_crashable
// binary installs one (tests/crash_hook/), to kill itself there; the klima
// binary never does. Not thread-safe: set it before any import starts.
using RowHook = void (*)(int rows_written);
void set_import_row_hook(RowHook hook);

}  // namespace klima::store

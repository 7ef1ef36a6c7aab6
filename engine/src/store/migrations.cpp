// The store's schema, as an ordered list of steps. Step N brings a database
// from user_version N-1 to N. Never edit a released step: add a new one.
#include "impl.hpp"

#include <array>

namespace klima::store {
namespace {

constexpr std::array<const char*, Store::kSchemaVersion> kSteps{
    // 1: versions with provenance, and the activity and factor rows each imported.
    R"sql(
CREATE TABLE versions (
    id            INTEGER PRIMARY KEY,
    parent        INTEGER REFERENCES versions(id),
    kind          TEXT NOT NULL CHECK (kind IN ('activity', 'factors')),
    file          TEXT NOT NULL,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    imported_at   TEXT NOT NULL,
    comment       TEXT NOT NULL,
    activity_from INTEGER REFERENCES versions(id),
    factors_from  INTEGER REFERENCES versions(id),
    UNIQUE (kind, sha256)
);
-- quantity_si is in the SI unit of `kind`: J (energy), m (distance), kg (mass),
-- m2 (area), 1 (count); step 3 adds m3 (volume). NULL means not reported, which is not a zero.
CREATE TABLE activity (
    version_id   INTEGER NOT NULL REFERENCES versions(id),
    row_no       INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    sector       TEXT NOT NULL,
    subsector    TEXT NOT NULL,
    carrier      TEXT NOT NULL,
    kind         TEXT CHECK (kind IN ('energy', 'distance', 'mass', 'area', 'count')),
    quantity_si  REAL,
    source       TEXT NOT NULL,
    origin_file  TEXT NOT NULL,
    origin_line  INTEGER NOT NULL,
    origin_field TEXT NOT NULL,
    PRIMARY KEY (version_id, row_no),
    CHECK ((kind IS NULL) = (quantity_si IS NULL))
);
-- kg_per_si: kg of the gas per SI unit of `kind` (kg/J, kg/m, kg/kg, kg/m2, kg/count).
CREATE TABLE factors (
    version_id   INTEGER NOT NULL REFERENCES versions(id),
    row_no       INTEGER NOT NULL,
    carrier      TEXT NOT NULL,
    subsector    TEXT NOT NULL,
    gas          TEXT NOT NULL CHECK (gas IN ('CO2', 'CH4', 'N2O', 'CO2e')),
    kind         TEXT NOT NULL CHECK (kind IN ('energy', 'distance', 'mass', 'area', 'count')),
    kg_per_si    REAL NOT NULL,
    year_from    INTEGER NOT NULL,
    year_to      INTEGER NOT NULL,
    illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
    source       TEXT NOT NULL,
    origin_file  TEXT NOT NULL,
    origin_line  INTEGER NOT NULL,
    PRIMARY KEY (version_id, row_no)
);
)sql",
    // 2: inventories computed by `klima db recalc`, tied to the version they restate.
    R"sql(
CREATE TABLE inventories (
    version_id  INTEGER NOT NULL REFERENCES versions(id),
    gwp_set     TEXT NOT NULL,
    year        INTEGER NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('sector', 'total')),
    name        TEXT NOT NULL,
    co2e_kg     REAL,
    missing     INTEGER NOT NULL,
    lines       INTEGER NOT NULL,
    computed_at TEXT NOT NULL,
    PRIMARY KEY (version_id, gwp_set, year, level, name),
    CHECK ((co2e_kg IS NULL) = (missing = lines AND lines > 0))
);
)sql",
    // 3: fuels by volume (a litre, a cubic metre and a normal cubic metre of gas are
    // all m3 in quantity_si; only the unit as written tells them apart, so it is kept),
    // factors per volume, and a factor's status official / derived / illustrative in
    // place of the illustrative flag. SQLite cannot change a CHECK: the two tables are
    // rebuilt. Rows stored before this step had no derived status: a factor row whose
    // source begins with "derived" (as every derived row of data/ does) becomes derived.
    R"sql(
CREATE TABLE activity_v3 (
    version_id   INTEGER NOT NULL REFERENCES versions(id),
    row_no       INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    sector       TEXT NOT NULL,
    subsector    TEXT NOT NULL,
    carrier      TEXT NOT NULL,
    kind         TEXT CHECK (kind IN ('energy', 'distance', 'mass', 'area', 'count', 'volume')),
    quantity_si  REAL,
    unit         TEXT,
    source       TEXT NOT NULL,
    origin_file  TEXT NOT NULL,
    origin_line  INTEGER NOT NULL,
    origin_field TEXT NOT NULL,
    PRIMARY KEY (version_id, row_no),
    CHECK ((kind IS NULL) = (quantity_si IS NULL))
);
INSERT INTO activity_v3 (version_id, row_no, year, sector, subsector, carrier, kind, quantity_si, unit, source,
                         origin_file, origin_line, origin_field)
    SELECT version_id, row_no, year, sector, subsector, carrier, kind, quantity_si, NULL, source, origin_file,
           origin_line, origin_field FROM activity;
DROP TABLE activity;
ALTER TABLE activity_v3 RENAME TO activity;
CREATE TABLE factors_v3 (
    version_id   INTEGER NOT NULL REFERENCES versions(id),
    row_no       INTEGER NOT NULL,
    carrier      TEXT NOT NULL,
    subsector    TEXT NOT NULL,
    gas          TEXT NOT NULL CHECK (gas IN ('CO2', 'CH4', 'N2O', 'CO2e')),
    kind         TEXT NOT NULL CHECK (kind IN ('energy', 'distance', 'mass', 'area', 'count', 'volume')),
    kg_per_si    REAL NOT NULL,
    year_from    INTEGER NOT NULL,
    year_to      INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('official', 'derived', 'illustrative')),
    source       TEXT NOT NULL,
    origin_file  TEXT NOT NULL,
    origin_line  INTEGER NOT NULL,
    PRIMARY KEY (version_id, row_no)
);
INSERT INTO factors_v3 (version_id, row_no, carrier, subsector, gas, kind, kg_per_si, year_from, year_to, status,
                        source, origin_file, origin_line)
    SELECT version_id, row_no, carrier, subsector, gas, kind, kg_per_si, year_from, year_to,
           CASE WHEN illustrative = 1 THEN 'illustrative' WHEN source LIKE 'derived%' THEN 'derived'
                ELSE 'official' END,
           source, origin_file, origin_line FROM factors;
DROP TABLE factors;
ALTER TABLE factors_v3 RENAME TO factors;
)sql",
    // 4: scenarios saved from the workbench, numbered 1, 2, … per scenario file name. The text is
    // kept as saved (its SHA-256 beside it); editor_state is what the saving page needs to show
    // it again (slider positions), opaque JSON to the engine.
    R"sql(
CREATE TABLE scenario_versions (
    name         TEXT NOT NULL CHECK (length(name) > 0),
    version      INTEGER NOT NULL CHECK (version >= 1),
    scenario     TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    comment      TEXT NOT NULL CHECK (length(comment) > 0),
    author       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    editor_state TEXT,
    PRIMARY KEY (name, version)
);
)sql",
    // 5: the store keeps years. activity_years says which years each activity import held, so that
    // a version's activity is, year by year, that of the newest import up to it holding the year
    // (an import revises exactly its years), and one year is read without the others (the index).
    // allocation: the CHP allocation a version's factor set was read for (NULL before this step:
    // every import then used the declared set). overrides: 1 for a factor version holding only
    // local overrides; overrides_from: the overrides version in force for a version.
    R"sql(
CREATE TABLE activity_years (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    year       INTEGER NOT NULL,
    rows       INTEGER NOT NULL CHECK (rows > 0),
    PRIMARY KEY (version_id, year)
);
INSERT INTO activity_years (version_id, year, rows)
    SELECT version_id, year, count(*) FROM activity GROUP BY version_id, year;
CREATE INDEX activity_by_year ON activity (version_id, year, row_no);
ALTER TABLE versions ADD COLUMN allocation TEXT CHECK (allocation IN ('declared', '125', '200', 'energy'));
ALTER TABLE versions ADD COLUMN overrides INTEGER NOT NULL DEFAULT 0 CHECK (overrides IN (0, 1));
ALTER TABLE versions ADD COLUMN overrides_from INTEGER REFERENCES versions(id);
)sql",
    // 6: the yearly status of a plan's actions (issue 24, docs/status.md), kept by year as activity is:
    // a version of kind 'status' holds the status rows of the years its file held (status_years), and
    // every version points at the status import in force (status_from). SQLite cannot change the CHECK
    // on versions.kind: the table is rebuilt (foreign keys are off while migrate() runs this, and
    // checked with PRAGMA foreign_key_check before the commit); every row keeps its id.
    R"sql(
CREATE TABLE versions_v6 (
    id             INTEGER PRIMARY KEY,
    parent         INTEGER REFERENCES versions(id),
    kind           TEXT NOT NULL CHECK (kind IN ('activity', 'factors', 'status')),
    file           TEXT NOT NULL,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    imported_at    TEXT NOT NULL,
    comment        TEXT NOT NULL,
    activity_from  INTEGER REFERENCES versions(id),
    factors_from   INTEGER REFERENCES versions(id),
    allocation     TEXT CHECK (allocation IN ('declared', '125', '200', 'energy')),
    overrides      INTEGER NOT NULL DEFAULT 0 CHECK (overrides IN (0, 1)),
    overrides_from INTEGER REFERENCES versions(id),
    status_from    INTEGER REFERENCES versions(id),
    UNIQUE (kind, sha256)
);
INSERT INTO versions_v6 (id, parent, kind, file, sha256, imported_at, comment, activity_from, factors_from,
                         allocation, overrides, overrides_from, status_from)
    SELECT id, parent, kind, file, sha256, imported_at, comment, activity_from, factors_from, allocation, overrides,
           overrides_from, NULL FROM versions;
DROP TABLE versions;
ALTER TABLE versions_v6 RENAME TO versions;
-- state: the English word of the status (klima::status::name_en); uptake in `unit` (the measure's
-- uptake unit or '%'), NULL when not given; spent_dkk NULL when not given.
CREATE TABLE status (
    version_id   INTEGER NOT NULL REFERENCES versions(id),
    row_no       INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    action       TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('not started', 'in progress', 'completed', 'delayed', 'abandoned',
                                                'ongoing')),
    uptake       REAL,
    unit         TEXT NOT NULL,
    spent_dkk    REAL,
    note         TEXT NOT NULL,
    source       TEXT NOT NULL,
    date         TEXT NOT NULL,
    origin_file  TEXT NOT NULL,
    origin_line  INTEGER NOT NULL,
    origin_field TEXT NOT NULL,
    PRIMARY KEY (version_id, row_no),
    CHECK (uptake IS NULL OR uptake >= 0),
    CHECK (spent_dkk IS NULL OR spent_dkk >= 0)
);
CREATE INDEX status_by_year ON status (version_id, year, row_no);
CREATE TABLE status_years (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    year       INTEGER NOT NULL,
    rows       INTEGER NOT NULL CHECK (rows > 0),
    PRIMARY KEY (version_id, year)
);
)sql",
};

int user_version(const sql::Db& db) {
    sql::Stmt q(db, "PRAGMA user_version");
    q.step();
    return q.integer(0);
}

}  // namespace

namespace {

// Foreign keys off while the steps run (step 6 rebuilds a table others refer to; SQLite ignores
// the pragma inside a transaction, so it is set before), on again however migrate() ends.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(const sql::Db& db) : db_(db) { db_.exec("PRAGMA foreign_keys=OFF"); }
    ~ForeignKeysOff() { sqlite3_exec(db_.get(), "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    const sql::Db& db_;
};

}  // namespace

void migrate(const sql::Db& db, int target) {
    if (user_version(db) == target) return;
    const ForeignKeysOff fk(db);
    sql::WriteTransaction tx(db);
    // Read again under the write lock: another process may have migrated meanwhile.
    const int at = user_version(db);
    if (at > Store::kSchemaVersion)
        throw Error({db.path(), 0, ""},
                    "store schema version " + std::to_string(at) + " is newer than this klima knows (" +
                        std::to_string(Store::kSchemaVersion) + ")",
                    "use a newer klima for this store", ErrorKind::store);
    for (int step = at + 1; step <= target; ++step) db.exec(kSteps[static_cast<std::size_t>(step - 1)]);
    if (at < target) {
        sql::Stmt broken(db, "PRAGMA foreign_key_check");
        if (broken.step())
            throw Error({db.path(), 0, ""}, "the store's rows refer to a missing row (table " + broken.text(0) + ")",
                        "the store is damaged; restore it from a copy", ErrorKind::store);
        db.exec("PRAGMA user_version = " + std::to_string(target));
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    }
    tx.commit();
}

}  // namespace klima::store

// Activity and factor rows in and out of the store: every write of an import
// happens inside one BEGIN IMMEDIATE … COMMIT.
#include "impl.hpp"

namespace klima::store {

namespace {

RowHook row_hook = nullptr;

// Called after each data row an import inserts, inside its open transaction.
void after_row(int rows_written) {
    if (row_hook) row_hook(rows_written);
}

double in_si(const units::Amount& a) {
    return std::visit([](auto q) { return q.value(); }, a);
}
double in_si(const units::FactorValue& f) {
    return std::visit([](auto q) { return q.value(); }, f);
}

units::AmountKind parse_kind(const std::string& s, const Location& where) {
    for (auto k : {units::AmountKind::energy, units::AmountKind::distance, units::AmountKind::mass,
                   units::AmountKind::area, units::AmountKind::count, units::AmountKind::volume})
        if (units::to_string(k) == s) return k;
    throw Error(where, "unknown quantity kind '" + s + "' in the store", "the store is damaged; restore it");
}

units::Amount amount_from_si(units::AmountKind k, double v) { return units::amount_of(k, v); }

units::FactorValue factor_from_si(units::AmountKind k, double v) {
    using namespace units;
    switch (k) {
        case AmountKind::energy: return MassPerEnergy::from_value(v);
        case AmountKind::distance: return MassPerDistance::from_value(v);
        case AmountKind::mass: return MassPerMass::from_value(v);
        case AmountKind::area: return MassPerArea::from_value(v);
        case AmountKind::volume: return MassPerVolume::from_value(v);
        case AmountKind::count: break;
    }
    return MassPerCount::from_value(v);
}

}  // namespace

ImportOutcome add_version(const sql::Db& db, const Store& store, VersionKind kind, bool overrides,
                          const Provenance& from) {
    sql::Stmt same(db, "SELECT id FROM versions WHERE kind = ? AND sha256 = ?");
    same.bind(1, std::string(to_string(kind))).bind(2, from.sha256);
    if (same.step()) return {same.integer(0), true};

    const auto cur = store.current();
    const int id = cur ? cur->id + 1 : 1;
    std::optional<int> activity_from = cur ? cur->activity_from : std::nullopt;
    std::optional<int> factors_from = cur ? cur->factors_from : std::nullopt;
    std::optional<int> overrides_from = cur ? cur->overrides_from : std::nullopt;
    std::optional<int> status_from = cur ? cur->status_from : std::nullopt;
    (kind == VersionKind::activity ? activity_from
     : kind == VersionKind::status ? status_from
     : overrides                   ? overrides_from
                                   : factors_from) = id;
    const int schema = store.schema_version();
    const bool v5 = schema >= kYearsSchema, v6 = schema >= kStatusSchema;
    if (kind == VersionKind::status && !v6)
        throw Error({store.path(), 0, ""},
                    "a store of schema " + std::to_string(schema) + " cannot keep the status of actions",
                    "open the store for writing so that it is migrated", ErrorKind::store);
    sql::Stmt ins(db,
                  v6   ? "INSERT INTO versions (id, parent, kind, file, sha256, imported_at, comment, activity_from, "
                         "factors_from, allocation, overrides, overrides_from, status_from) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  : v5 ? "INSERT INTO versions (id, parent, kind, file, sha256, imported_at, comment, activity_from, "
                         "factors_from, allocation, overrides, overrides_from) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       : "INSERT INTO versions (id, parent, kind, file, sha256, imported_at, comment, activity_from, "
                         "factors_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, id)
        .bind(2, cur ? std::optional<int>(cur->id) : std::nullopt)
        .bind(3, std::string(to_string(kind)))
        .bind(4, from.file)
        .bind(5, from.sha256)
        .bind(6, utc_now())
        .bind(7, from.comment)
        .bind(8, activity_from)
        .bind(9, factors_from);
    if (v5) ins.bind(10, std::string(to_string(from.allocation))).bind(11, overrides ? 1 : 0).bind(12, overrides_from);
    if (v6) ins.bind(13, status_from);
    if (!v5 && overrides)
        throw Error({store.path(), 0, ""},
                    "a store of schema " + std::to_string(store.schema_version()) + " cannot keep factor overrides",
                    "open the store for writing so that it is migrated", ErrorKind::store);
    ins.run();
    return {id, false};
}

void require_hash(const Provenance& from) {
    if (from.sha256.size() != 64)
        throw Error({from.file, 0, "sha256"}, "import without a SHA-256 of the source file",
                    "hash the file's bytes with klima::sha256_hex before importing", ErrorKind::internal);
}

namespace {

// The version whose rows hold `v`'s activity; throws when it has none yet.
int activity_half(const Version& v, const std::string& db_path) {
    if (v.activity_from) return *v.activity_from;
    throw Error({db_path, 0, "version"}, "version " + std::to_string(v.id) + " has no activity data yet",
                "import an activity file into the store")
        .about(Subject::store_contents);
}

void require_volume_schema(const ActivityRecord& r, int schema, const std::string& db_path) {
    if (schema >= kUnitAndStatusSchema || !r.amount || units::kind_of(*r.amount) != units::AmountKind::volume) return;
    throw Error({db_path, 0, ""},
                "store schema " + std::to_string(schema) + " cannot keep volumes (" + to_string(r.origin) + ")",
                "open the store for writing so that it is migrated to schema " + std::to_string(kUnitAndStatusSchema),
                ErrorKind::store);
}

}  // namespace

void set_import_row_hook(RowHook hook) { row_hook = hook; }

void Store::check_import(const ActivitySet& records, const Provenance& from) {
    require_hash(from);
    if (records.empty())
        throw Error({from.file, 0, ""}, "no activity records to import",
                    "give a file with at least one row under its header");
}

void Store::check_import(const FactorLibrary& factors, const Provenance& from) {
    require_hash(from);
    if (factors.size() == 0)
        throw Error({from.file, 0, ""}, "no emission factors to import", "give a factor CSV or a data directory");
}

ImportOutcome Store::import_activity(const ActivitySet& records, const Provenance& from) {
    const auto& db = impl_->db;
    check_import(records, from);
    sql::WriteTransaction tx(db);
    const auto outcome = add_version(db, *this, VersionKind::activity, false, from);
    if (outcome.already_stored) return outcome;  // rolls back: nothing written
    const int schema = schema_version();
    const bool with_unit = schema >= kUnitAndStatusSchema;
    sql::Stmt ins(db, with_unit ? "INSERT INTO activity (version_id, row_no, year, sector, subsector, carrier, kind, "
                                  "quantity_si, source, origin_file, origin_line, origin_field, unit) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                : "INSERT INTO activity (version_id, row_no, year, sector, subsector, carrier, kind, "
                                  "quantity_si, source, origin_file, origin_line, origin_field) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int row = 0;
    for (const auto& r : records) {
        require_volume_schema(r, schema, path());
        ins.bind(1, outcome.version).bind(2, ++row).bind(3, r.year).bind(4, r.sector).bind(5, r.subsector);
        ins.bind(6, r.carrier);
        if (r.amount) ins.bind(7, std::string(units::to_string(units::kind_of(*r.amount)))).bind(8, in_si(*r.amount));
        else ins.bind(7, std::optional<std::string>()).bind(8, std::optional<double>());
        ins.bind(9, r.source).bind(10, r.origin.file).bind(11, r.origin.line).bind(12, r.origin.field);
        if (with_unit) ins.bind(13, r.unit.empty() ? std::optional<std::string>() : std::optional<std::string>(r.unit));
        ins.run();
        ins.reset();
        after_row(row);
    }
    if (schema >= kYearsSchema) {
        sql::Stmt years(db,
                        "INSERT INTO activity_years (version_id, year, rows) SELECT version_id, year, count(*) "
                        "FROM activity WHERE version_id = ? GROUP BY year");
        years.bind(1, outcome.version).run();
    }
    tx.commit();
    return outcome;
}

ImportOutcome Store::import_factors(const FactorLibrary& factors, const Provenance& from) {
    return import_factor_rows(factors, from, false);
}

ImportOutcome Store::import_overrides(const FactorLibrary& overrides, const Provenance& from) {
    return import_factor_rows(overrides, from, true);
}

ImportOutcome Store::import_factor_rows(const FactorLibrary& factors, const Provenance& from, bool overrides) {
    const auto& db = impl_->db;
    check_import(factors, from);
    sql::WriteTransaction tx(db);
    const auto outcome = add_version(db, *this, VersionKind::factors, overrides, from);
    if (outcome.already_stored) return outcome;
    const bool with_status = schema_version() >= kUnitAndStatusSchema;
    sql::Stmt ins(db, with_status
                          ? "INSERT INTO factors (version_id, row_no, carrier, subsector, gas, kind, kg_per_si, "
                            "year_from, year_to, status, source, origin_file, origin_line) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                          : "INSERT INTO factors (version_id, row_no, carrier, subsector, gas, kind, kg_per_si, "
                            "year_from, year_to, illustrative, source, origin_file, origin_line) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int row = 0;
    for (const EmissionFactor* f : factors.all()) {
        ins.bind(1, outcome.version).bind(2, ++row).bind(3, f->carrier).bind(4, f->subsector);
        ins.bind(5, std::string(to_string(f->gas)))
            .bind(6, std::string(units::to_string(units::factor_kind(f->value))));
        ins.bind(7, in_si(f->value)).bind(8, f->year_from).bind(9, f->year_to);
        if (with_status) ins.bind(10, std::string(to_string(f->status())));
        else ins.bind(10, f->illustrative ? 1 : 0);
        ins.bind(11, f->source).bind(12, f->origin.file).bind(13, f->origin.line);
        ins.run();
        ins.reset();
        after_row(row);
    }
    tx.commit();
    return outcome;
}

std::vector<std::pair<int, int>> Store::years(const Version& v) const {
    const bool v5 = schema_version() >= kYearsSchema;
    // Before schema 5 there is no activity_years: the same from the rows (a scan).
    sql::Stmt q(impl_->db, v5 ? "SELECT year, max(version_id) FROM activity_years WHERE version_id <= ? "
                                "GROUP BY year ORDER BY year"
                              : "SELECT year, max(version_id) FROM activity WHERE version_id <= ? "
                                "GROUP BY year ORDER BY year");
    q.bind(1, activity_half(v, path()));
    std::vector<std::pair<int, int>> out;
    while (q.step()) out.emplace_back(q.integer(0), q.integer(1));
    return out;
}

std::vector<int> Store::years_imported(int version) const {
    const bool v5 = schema_version() >= kYearsSchema;
    sql::Stmt q(impl_->db, v5 ? "SELECT year FROM activity_years WHERE version_id = ? ORDER BY year"
                              : "SELECT DISTINCT year FROM activity WHERE version_id = ? ORDER BY year");
    q.bind(1, version);
    std::vector<int> out;
    while (q.step()) out.push_back(q.integer(0));
    return out;
}

std::size_t Store::read_activity(int from_version, int year, const ActivityVisitor& each, RowText text) const {
    const bool with_unit = schema_version() >= kUnitAndStatusSchema;
    // Only what a record needs, by column number; `year` is the one asked. Every read below is
    // one column fetch: a NULL text reads as "" (unit is NULL exactly when none was written, and
    // kind exactly when the quantity is missing: the table's CHECK).
    enum Col { sector, subsector, carrier, kind, quantity_si, source, origin_file, origin_line, origin_field, unit };
    sql::Stmt q(impl_->db, with_unit ? "SELECT sector, subsector, carrier, kind, quantity_si, source, origin_file, "
                                       "origin_line, origin_field, unit FROM activity "
                                       "WHERE version_id = ? AND year = ? ORDER BY row_no"
                                     : "SELECT sector, subsector, carrier, kind, quantity_si, source, origin_file, "
                                       "origin_line, origin_field, NULL FROM activity "
                                       "WHERE version_id = ? AND year = ? ORDER BY row_no");
    q.bind(1, from_version).bind(2, year);
    // A year's rows repeat a few kinds: the last one parsed is kept rather than parsed again.
    std::optional<std::string> last_kind;
    units::AmountKind kind_of_row = units::AmountKind::energy;
    const bool with_source = text == RowText::all;
    std::size_t given = 0;
    while (q.step()) {
        ActivityRecord r;
        r.year = year;
        r.sector = q.view(sector);
        r.subsector = q.view(subsector);
        r.carrier = q.view(carrier);
        if (with_source) r.source = q.view(source);
        r.origin = {std::string(q.view(origin_file)), q.integer(origin_line), std::string(q.view(origin_field))};
        r.unit = q.view(unit);  // as written: tells a normal cubic metre from a cubic metre
        if (const auto k = q.view(kind); !k.empty()) {
            if (!last_kind || k != *last_kind) {
                kind_of_row = parse_kind(std::string(k), r.origin);
                last_kind = std::string(k);
            }
            r.amount = amount_from_si(kind_of_row, q.real(quantity_si));
        }
        each(std::move(r));
        ++given;
    }
    return given;
}

ActivitySet Store::activity(const Version& v) const {
    ActivitySet out;
    const auto keep = [&out](ActivityRecord&& r) { out.push_back(std::move(r)); };
    for (const auto& [year, from] : years(v)) read_activity(from, year, keep, RowText::all);
    return out;
}

ActivitySet Store::activity(const Version& v, int year) const {
    ActivitySet out;
    each_activity(v, year, [&out](ActivityRecord&& r) { out.push_back(std::move(r)); });
    return out;
}

std::size_t Store::each_activity(const Version& v, int year, const ActivityVisitor& each, RowText text) const {
    std::size_t given = 0;
    for (const auto& [y, from] : years(v))
        if (y == year) given += read_activity(from, year, each, text);
    return given;
}

std::optional<int> Store::factor_set_of(const Version& v) const {
    if (v.factors_from) return v.factors_from;
    const bool v5 = schema_version() >= kYearsSchema;
    sql::Stmt q(impl_->db, v5 ? "SELECT max(id) FROM versions WHERE kind = 'factors' AND overrides = 0"
                              : "SELECT max(id) FROM versions WHERE kind = 'factors'");
    q.step();
    return q.opt_integer(0);
}

FactorLibrary Store::factors(const Version& v) const {
    const auto set = factor_set_of(v);
    if (!set)
        throw Error({path(), 0, "version"},
                    "version " + std::to_string(v.id) + " has no emission factors: the store holds no factor set",
                    "import a factor file or a data directory into the store")
            .about(Subject::store_contents);
    auto out = factor_rows(*set);
    out.lay_over(overrides_of(v));
    return out;
}

FactorLibrary Store::overrides_of(const Version& v) const {
    return v.overrides_from ? factor_rows(*v.overrides_from) : FactorLibrary{};
}

FactorLibrary Store::factor_rows(int version) const {
    // Before schema 3 a row was illustrative or not: read as migration step 3 converts it.
    const bool with_status = schema_version() >= kUnitAndStatusSchema;
    sql::Stmt q(impl_->db,
                with_status
                    ? "SELECT carrier, subsector, gas, kind, kg_per_si, year_from, year_to, status, source, "
                      "origin_file, origin_line FROM factors WHERE version_id = ? ORDER BY row_no"
                    : "SELECT carrier, subsector, gas, kind, kg_per_si, year_from, year_to, "
                      "CASE WHEN illustrative = 1 THEN 'illustrative' WHEN source LIKE 'derived%' THEN 'derived' "
                      "ELSE 'official' END, source, "
                      "origin_file, origin_line FROM factors WHERE version_id = ? ORDER BY row_no");
    q.bind(1, version);
    FactorLibrary out;
    while (q.step()) {
        EmissionFactor f;
        f.carrier = q.text(0);
        f.subsector = q.text(1);
        f.origin = {q.text(9), q.integer(10), ""};
        const auto gas = parse_gas(q.text(2));
        if (!gas)
            throw Error(f.origin, "unknown gas '" + q.text(2) + "' in the store", "the store is damaged; restore it");
        f.gas = *gas;
        f.value = factor_from_si(parse_kind(q.text(3), f.origin), q.real(4));
        f.year_from = q.integer(5);
        f.year_to = q.integer(6);
        const auto status = parse_factor_status(q.text(7));
        if (!status)
            throw Error(f.origin, "unknown factor status '" + q.text(7) + "' in the store",
                        "the store is damaged; restore it");
        f.set_status(*status);
        f.source = q.text(8);
        out.add(std::move(f));
    }
    return out;
}

}  // namespace klima::store

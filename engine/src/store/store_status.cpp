// The yearly status of a plan's actions in and out of the store (schema 6, docs/store.md): kept
// by year as activity is, so a status import revises exactly the years its file held. Every write
// happens inside one BEGIN IMMEDIATE … COMMIT.
#include "impl.hpp"

#include <map>

namespace klima::store {

void Store::check_import(const std::vector<status::ActionStatus>& statuses, const Provenance& from) {
    require_hash(from);
    if (statuses.empty())
        throw Error({from.file, 0, ""}, "no action status to import",
                    "give a status file with at least one row under its header (docs/status.md)");
}

ImportOutcome Store::import_status(const std::vector<status::ActionStatus>& statuses, const Provenance& from) {
    const auto& db = impl_->db;
    check_import(statuses, from);
    sql::WriteTransaction tx(db);
    const auto outcome = add_version(db, *this, VersionKind::status, false, from);
    if (outcome.already_stored) return outcome;  // rolls back: nothing written
    sql::Stmt ins(db,
                  "INSERT INTO status (version_id, row_no, year, action, state, uptake, unit, spent_dkk, note, "
                  "source, date, origin_file, origin_line, origin_field) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int row = 0;
    for (const auto& s : statuses) {
        ins.bind(1, outcome.version).bind(2, ++row).bind(3, s.year).bind(4, s.action);
        ins.bind(5, std::string(status::name_en(s.state))).bind(6, s.uptake).bind(7, s.unit);
        ins.bind(8, s.spent ? std::optional<double>(units::in_dkk(*s.spent)) : std::nullopt);
        ins.bind(9, s.note).bind(10, s.source).bind(11, s.date);
        ins.bind(12, s.origin.file).bind(13, s.origin.line).bind(14, s.origin.field);
        ins.run();
        ins.reset();
    }
    sql::Stmt years(db,
                    "INSERT INTO status_years (version_id, year, rows) SELECT version_id, year, count(*) "
                    "FROM status WHERE version_id = ? GROUP BY year");
    years.bind(1, outcome.version).run();
    tx.commit();
    return outcome;
}

std::vector<std::pair<int, int>> Store::status_years(const Version& v) const {
    if (!v.status_from || schema_version() < kStatusSchema) return {};
    sql::Stmt q(impl_->db,
                "SELECT year, max(version_id) FROM status_years WHERE version_id <= ? GROUP BY year ORDER BY year");
    q.bind(1, *v.status_from);
    std::vector<std::pair<int, int>> out;
    while (q.step()) out.emplace_back(q.integer(0), q.integer(1));
    return out;
}

std::vector<int> Store::status_years_imported(int version) const {
    if (schema_version() < kStatusSchema) return {};
    sql::Stmt q(impl_->db, "SELECT year FROM status_years WHERE version_id = ? ORDER BY year");
    q.bind(1, version);
    std::vector<int> out;
    while (q.step()) out.push_back(q.integer(0));
    return out;
}

std::vector<status::ActionStatus> Store::statuses(const Version& v) const {
    std::vector<status::ActionStatus> out;
    const auto years = status_years(v);  // none before schema 6: the table is then absent
    if (years.empty()) return out;
    sql::Stmt q(impl_->db,
                "SELECT year, action, state, uptake, unit, spent_dkk, note, source, date, origin_file, origin_line, "
                "origin_field FROM status WHERE version_id = ? AND year = ? ORDER BY row_no");
    for (const auto& [year, from] : years) {
        q.bind(1, from).bind(2, year);
        while (q.step()) {
            status::ActionStatus s;
            s.year = q.integer(0);
            s.action = q.text(1);
            s.origin = {q.text(9), q.integer(10), q.text(11)};
            const auto state = status::parse_action_state(q.text(2));
            if (!state)
                throw Error({path(), 0, "status"}, "unknown status '" + q.text(2) + "' in the store",
                            "the store is damaged; restore it", ErrorKind::store);
            s.state = *state;
            s.uptake = q.opt_real(3);
            s.unit = q.text(4);
            if (const auto dkk = q.opt_real(5)) s.spent = units::dkk(*dkk);
            s.note = q.text(6);
            s.source = q.text(7);
            s.date = q.text(8);
            out.push_back(std::move(s));
        }
        q.reset();
    }
    return out;
}

}  // namespace klima::store

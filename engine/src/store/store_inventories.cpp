// Inventories computed from a version (klima db recalc), kept per version so
// that a restated year can be compared with what was reported before.
#include "impl.hpp"

namespace klima::store {

void Store::save_inventories(int version, const std::string& gwp_set, const std::vector<InventoryResult>& results) {
    const auto& db = impl_->db;
    sql::WriteTransaction tx(db);
    sql::Stmt del(db, "DELETE FROM inventories WHERE version_id = ? AND gwp_set = ?");
    del.bind(1, version).bind(2, gwp_set);
    del.run();
    sql::Stmt ins(db,
                  "INSERT INTO inventories (version_id, gwp_set, year, level, name, co2e_kg, missing, lines, "
                  "computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const auto now = utc_now();
    const auto put = [&](int year, const char* level, const std::string& name, const Total& t) {
        if (t.lines == 0) return;
        const bool all_missing = t.missing == t.lines;
        ins.bind(1, version).bind(2, gwp_set).bind(3, year).bind(4, std::string(level)).bind(5, name);
        ins.bind(6, all_missing ? std::nullopt : std::optional<double>(units::in_kg(t.co2e)));
        ins.bind(7, t.missing).bind(8, t.lines).bind(9, now);
        ins.run();
        ins.reset();
    };
    for (const auto& inv : results) {
        for (const auto& [sector, total] : inv.by_sector) put(inv.year, "sector", sector, total);
        put(inv.year, "total", "territorial", inv.territorial);
        put(inv.year, "total", "territorial_excl_lulucf", inv.territorial_excl_lulucf);
        put(inv.year, "total", "reported_apart", inv.reported_apart);
    }
    tx.commit();
}

std::vector<StoredTotal> Store::inventories(int version, const std::string& gwp_set) const {
    sql::Stmt q(impl_->db,
                "SELECT year, level, name, co2e_kg, missing, lines FROM inventories WHERE version_id = ? AND "
                "gwp_set = ? ORDER BY year, level DESC, name");
    q.bind(1, version).bind(2, gwp_set);
    std::vector<StoredTotal> out;
    while (q.step()) {
        StoredTotal t;
        t.year = q.integer(0);
        t.is_sector = q.text(1) == "sector";
        t.name = q.text(2);
        if (const auto kg = q.opt_real(3)) t.co2e = units::kilograms(*kg);
        t.missing = q.integer(4);
        t.lines = q.integer(5);
        out.push_back(std::move(t));
    }
    return out;
}

std::optional<int> Store::last_computed_before(int version, const std::string& gwp_set) const {
    sql::Stmt q(impl_->db, "SELECT max(version_id) FROM inventories WHERE version_id < ? AND gwp_set = ?");
    q.bind(1, version).bind(2, gwp_set);
    q.step();
    return q.opt_integer(0);
}

}  // namespace klima::store

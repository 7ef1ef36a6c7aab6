// Scenario versions saved from the workbench (schema 4): numbered per scenario name, the
// second of two writers from the same version refused inside the write transaction.
#include "impl.hpp"

#include "klima/sha256.hpp"

namespace klima::store {
namespace {

std::string conflict_problem(const std::optional<int>& based_on, const ScenarioVersion& latest) {
    std::string p = "version ";
    p.append(std::to_string(latest.version)).append(" of ").append(latest.name).append(" was saved at ");
    p.append(latest.created_at);
    if (!latest.author.empty()) p.append(" by ").append(latest.author);
    p.append(" (\"").append(latest.comment).append("\"), after the version this edit started from (");
    p.append(based_on ? "version " + std::to_string(*based_on) : std::string("the file"));
    return p.append(")");
}

constexpr const char* kColumns = "SELECT name, version, sha256, comment, author, created_at FROM scenario_versions ";

ScenarioVersion read_row(const sql::Stmt& q) {
    ScenarioVersion v;
    v.name = q.text(0);
    v.version = q.integer(1);
    v.sha256 = q.text(2);
    v.comment = q.text(3);
    v.author = q.text(4);
    v.created_at = q.text(5);
    return v;
}

std::optional<ScenarioVersion> latest_of(const sql::Db& db, const std::string& name) {
    sql::Stmt q(db, (std::string(kColumns) + "WHERE name = ? ORDER BY version DESC LIMIT 1").c_str());
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    return read_row(q);
}

bool has_table(const sql::Db& db) {
    sql::Stmt q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'scenario_versions'");
    q.step();
    return q.integer(0) == 1;
}

}  // namespace

ScenarioConflict::ScenarioConflict(const std::string& store_path, const std::string& name, std::optional<int> based_on,
                                   std::optional<ScenarioVersion> latest)
    : Error({store_path, 0, "based_on"},
            latest ? conflict_problem(based_on, *latest)
                   : "the edit starts from version " + std::to_string(based_on.value_or(0)) + " of " + name +
                         ", but the store holds no saved version of it",
            latest ? "load version " + std::to_string(latest->version) + ", apply the edit to it and save again"
                   : "save it as a first version (based on the file)",
            ErrorKind::store),
      latest_(std::move(latest)) {}

int Store::save_scenario(const ScenarioSave& save) {
    const auto& db = impl_->db;
    if (save.name.empty() || save.comment.empty())
        throw Error({path(), 0, save.name.empty() ? "name" : "comment"}, "a saved scenario needs a name and a comment",
                    "give both", ErrorKind::internal);
    sql::WriteTransaction tx(db);  // BEGIN IMMEDIATE: the latest version read below cannot change before COMMIT
    const auto latest = latest_of(db, save.name);
    const std::optional<int> latest_no = latest ? std::optional<int>(latest->version) : std::nullopt;
    if (save.based_on != latest_no) throw ScenarioConflict(path(), save.name, save.based_on, latest);
    const int version = latest_no.value_or(0) + 1;
    sql::Stmt ins(db,
                  "INSERT INTO scenario_versions (name, version, scenario, sha256, comment, author, created_at, "
                  "editor_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, save.name).bind(2, version).bind(3, save.scenario).bind(4, sha256_hex(save.scenario));
    ins.bind(5, save.comment).bind(6, save.author).bind(7, utc_now()).bind(8, save.editor_state);
    ins.run();
    tx.commit();
    return version;
}

std::vector<ScenarioVersion> Store::scenario_versions(const std::optional<std::string>& name) const {
    const auto& db = impl_->db;
    std::vector<ScenarioVersion> out;
    if (!has_table(db)) return out;
    sql::Stmt q(db, (std::string(kColumns) + (name ? "WHERE name = ? " : "") + "ORDER BY name, version").c_str());
    if (name) q.bind(1, *name);
    while (q.step()) out.push_back(read_row(q));
    return out;
}

std::optional<ScenarioVersion> Store::scenario_version(const std::string& name, std::optional<int> version) const {
    const auto& db = impl_->db;
    if (!has_table(db)) return std::nullopt;
    const auto latest = latest_of(db, name);
    if (!latest) {
        if (!version) return std::nullopt;
        throw Error({path(), 0, "version"}, "no saved version of " + name + " in the store",
                    "save the scenario first, or give the name of a saved one", ErrorKind::store);
    }
    const int wanted = version.value_or(latest->version);
    sql::Stmt q(db,
                "SELECT name, version, sha256, comment, author, created_at, scenario, editor_state FROM "
                "scenario_versions WHERE name = ? AND version = ?");
    q.bind(1, name).bind(2, wanted);
    if (!q.step())
        throw Error({path(), 0, "version"}, "no version " + std::to_string(wanted) + " of " + name + " in the store",
                    "use a version from 1 to " + std::to_string(latest->version), ErrorKind::store);
    auto v = read_row(q);
    v.scenario = q.text(6);
    if (!q.is_null(7)) v.editor_state = q.text(7);
    return v;
}

}  // namespace klima::store

#include "klima/io/proposal_file.hpp"
#include "readers.hpp"

#include "json_object.hpp"
#include "measure_file.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <map>
#include <set>

namespace klima::io {

namespace {

constexpr const char* kGuide = "docs/impact.md";

// A code of a row: a non-empty word, no wildcard (growth writes to it).
std::string row_code(JsonObject& o, const std::string& key) {
    const std::string v = o.text(key);
    if (v == kAny) throw Error(o.at(key), "growth adds activity to one row", "give the " + key + " code, not \"*\"");
    return v;
}

GrowthActivity read_activity(const nlohmann::json& j, const std::string& path, const std::string& file) {
    JsonObject a(j, path, file);
    GrowthActivity g;
    g.at = {file, 0, path};
    JsonObject row(a.value("row"), path + "/row", file);
    g.row = {row_code(row, "sector"), row_code(row, "subsector"), row_code(row, "carrier")};
    row.finish(kGuide);
    JsonObject amount(a.value("amount"), path + "/amount", file);
    const double v = amount.number("value", 0, 1e12);
    const std::string unit = amount.text("unit");
    amount.finish(kGuide);
    try {
        g.amount = units::make_amount(v, unit);
    } catch (const Error& e) {
        throw e.located(amount.at("unit"));
    }
    g.source = a.text("source");
    a.finish(kGuide);
    return g;
}

GrowthSpec read_growth(JsonObject& g, const std::string& file) {
    GrowthSpec s;
    s.origin = {file, 0, g.path()};
    s.id = g.id("id");
    s.name = g.text("name");
    s.residents = units::count(g.number("residents", 0, 1e6));
    s.from_year = g.year("from_year");
    s.full_year = g.year("full_year");
    if (s.full_year < s.from_year)
        throw Error(g.at("full_year"), "full_year comes before from_year",
                    "give a year from " + std::to_string(s.from_year));
    if (g.has("floor_area_m2")) s.floor_area = units::square_metres(g.number("floor_area_m2", 0, 1e8, true));
    if (g.has("kg_co2e_per_m2")) {
        if (!s.floor_area)
            throw Error(g.at("kg_co2e_per_m2"), "embodied emissions per m² need the floor area built",
                        "give \"floor_area_m2\" too, or leave out kg_co2e_per_m2");
        s.embodied = units::kg_per_m2(g.number("kg_co2e_per_m2", 0, 10000));
    }
    if (g.has("per_inhabitant")) {
        const auto& list = g.array("per_inhabitant");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Location at{file, 0, g.path() + "/per_inhabitant/" + std::to_string(i)};
            if (!list[i].is_string() || list[i].get<std::string>().find('/') == std::string::npos)
                throw Error(at, "expected a subsector as \"sector/subsector\"", "write e.g. \"energi/fjernvarme\"");
            const auto key = list[i].get<std::string>();
            if (!seen.insert(key).second) throw Error(at, "'" + key + "' is listed twice", "list each subsector once");
            s.per_inhabitant.push_back(key);
            s.per_inhabitant_at.push_back(at);
        }
    } else {
        s.per_inhabitant = default_per_inhabitant();
        s.per_inhabitant_at.assign(s.per_inhabitant.size(), g.at("per_inhabitant"));
    }
    if (g.has("activity")) {
        const auto& list = g.array("activity");
        std::map<std::string, std::size_t> rows;  // "sector/subsector/carrier" → its entry
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto a = read_activity(list[i], g.path() + "/activity/" + std::to_string(i), file);
            // one row listed twice would be summed: refused, as activity files refuse duplicates
            const std::string key = a.row.sector + "/" + a.row.subsector + "/" + a.row.carrier;
            if (const auto [it, fresh] = rows.try_emplace(key, i); !fresh)
                throw Error(
                    a.at,
                    "row " + key + " is listed twice, at " + s.activity[it->second].at.field + " and " + a.at.field,
                    "list each row once, with the residents' whole amount for it");
            s.activity.push_back(std::move(a));
        }
    }
    s.cost = units::dkk(g.has("cost_dkk") ? g.number("cost_dkk", 0, 1e12) : 0.0);
    s.source = g.text("source");
    g.finish(kGuide);
    return s;
}

}  // namespace

const std::vector<std::string>& default_per_inhabitant() {
    static const std::vector<std::string> rows{"energi/el", "energi/fjernvarme", "energi/individuel_opvarmning",
                                               "transport/personbiler"};
    return rows;
}

Proposal parse_proposal(std::string_view text, const std::string& name, int base_year) {
    const auto doc = parse_json(text, name);
    JsonObject top(doc, "", name);
    Proposal p;
    p.file = name;
    p.name = top.text("name");
    p.description = top.text_or("description", "");
    if (top.has("measures")) p.measures = read_measure_list(top, "measures", base_year, name);
    if (top.has("growth")) {
        JsonObject g(top.value("growth"), "/growth", name);
        p.growth = read_growth(g, name);
    }
    if (p.measures.empty() && !p.growth)
        throw Error(top.at("measures"), "the proposal has no measures and no growth",
                    "give \"measures\": [ … ] in the scenario's measure format, or \"growth\": { … } (docs/impact.md)");
    top.finish(kGuide);
    return p;
}

Proposal load_proposal(const std::string& path, int base_year) {
    return parse_proposal(read_file(path, kMaxJsonFileBytes), path, base_year);
}

}  // namespace klima::io

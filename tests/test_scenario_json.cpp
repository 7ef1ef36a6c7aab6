// The scenario run's JSON (the workbench's answer to a recompute) is written straight from the run;
// byte for byte it is the document built as one nlohmann::json value and dumped, the way it was
// first made: for every bundled scenario, from the base year too, in both scopes, and for a crowded
// plan whose shares are partly estimated.
#include "support.hpp"

#include "report/allocation_note.hpp"
#include "report/history_note.hpp"

#include "crowded_plan.hpp"
#include "klima/api/scenario.hpp"
#include "klima/report/scenario_report.hpp"
#include "klima/sector_totals.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>

using namespace klima;
using units::in_tonnes;

namespace {

using nlohmann::json;

json rows_json(const Trajectory& t) {
    json j = json::object();
    for (std::size_t i = 0; i < t.row_count(); ++i) {  // a later row of one name replaces the earlier
        json years = json::array();
        for (int y = t.first_year(); y <= t.last_year(); ++y) years.push_back(in_tonnes(t.at(i, y)));
        j[t.rows()[i]] = years;
    }
    return j;
}

json totals_json(const Trajectory& t, const ReferenceData& ref, TargetScope scope) {
    json construction = json::array(), lulucf = json::array(), total = json::array();
    for (int y = t.first_year(); y <= t.last_year(); ++y) {
        const auto st = scope_total(t, y, ref.taxonomy, scope);
        construction.push_back(in_tonnes(st.construction));
        lulucf.push_back(st.lulucf_apart ? json(in_tonnes(*st.lulucf_apart)) : json(nullptr));
        total.push_back(in_tonnes(st.total));
    }
    return {{"construction_t", construction},
            {"lulucf_apart_t", scope == TargetScope::excl_lulucf ? lulucf : json(nullptr)},
            {"total_t", total}};
}

json latest_json(const ScenarioRun& run, const ReferenceData& ref, TargetScope scope) {
    const auto& r = run.result;
    const auto inv = compute_inventory(run.activity, r.launch_year, ref, r.gwp_set);
    const auto st = scope_total(inv, ref.taxonomy, scope);
    const auto by_sector = sector_totals(inv, ref.taxonomy);
    json sectors = json::array();
    for (const auto& sector : ref.taxonomy.sectors()) {
        if (!by_sector.has(sector) || (scope == TargetScope::excl_lulucf && sector == kLulucfSector)) continue;
        const auto& first = ref.taxonomy.first_subsector(sector);
        sectors.push_back({{"sector", sector},
                           {"name_da", first.sector_da},
                           {"name_en", first.sector_en},
                           {"t", in_tonnes(by_sector.by_sector.at(sector))}});
    }
    return {{"year", r.launch_year},
            {"total_t", in_tonnes(st.total)},
            {"construction_t", in_tonnes(st.construction)},
            {"lulucf_apart_t", st.lulucf_apart ? json(in_tonnes(*st.lulucf_apart)) : json(nullptr)},
            {"sectors", sectors}};
}

json optional_json(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

// The whole answer as one json value, dumped with the CHP allocation last.
std::string as_one_document(const ScenarioRun& run, const ReferenceData& ref, TargetScope scope) {
    const auto& r = run.result;
    const int from = r.base_year, to = r.bau.last_year();
    json j = {{"name", r.name},
              {"municipality", r.municipality},
              {"base_year", r.base_year},
              {"base_year_missing", r.base_year_missing},
              {"launch_year", r.launch_year},
              {"launch_year_missing", r.launch_year_missing},
              {"end_year", to},
              {"gwp_set", r.gwp_set},
              {"unit", "t CO2e"},
              {"activity_file", run.spec.activity_file},
              {"history", report::history_json(r.history, report::Lang::en)},
              {"drivers_file", run.spec.drivers_file},
              {"targets_file", optional_json(run.spec.targets_file)},
              {"trends_file", optional_json(run.spec.trends_file)},
              {"bau_kind", std::string(r.bau_kind())},
              {"scope", std::string(to_string(scope))},
              {"latest_inventory", latest_json(run, ref, scope)},
              {"bau", rows_json(r.bau)},
              {"scenario", rows_json(r.scenario)},
              {"totals", {{"bau", totals_json(r.bau, ref, scope)}, {"scenario", totals_json(r.scenario, ref, scope)}}}};
    for (auto k : r.year_kinds) j["year_kinds"].push_back(std::string(to_string(k)));
    j["carried"] = json::array();
    for (const auto& c : r.carried)
        j["carried"].push_back({{"row", c.row}, {"carrier", c.carrier}, {"from_year", c.from_year}});
    j["trends"] = json::array();
    for (const auto& t : r.trends)
        j["trends"].push_back({{"id", t.id}, {"name", t.name}, {"status", t.status}, {"source", t.source}});
    for (int y = from; y <= to; ++y) {
        j["years"].push_back(y);
        const auto& d = run.drivers.at(y);
        const auto el = run.electricity_factor.find(y);
        const auto dh = run.district_heat_factor.find(y);
        j["drivers"].push_back(
            {{"year", y},
             {"population", units::in_count(d.population)},
             {"households", units::in_count(d.households)},
             {"vehicle_km_million", units::in_km(d.vehicle_km) / 1e6},
             {"source", d.source},
             {"el_kg_co2e_per_mwh",
              el == run.electricity_factor.end() ? json(nullptr) : json(units::in_kg_per_mwh(el->second))},
             {"fjernvarme_kg_co2e_per_mwh",
              dh == run.district_heat_factor.end() ? json(nullptr) : json(units::in_kg_per_mwh(dh->second))}});
    }
    j["measures"] = json::array();
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        const auto& m = r.measures[i];
        json planned = json::array();
        for (const auto& [year, effect] : m.planned) planned.push_back(in_tonnes(effect));
        j["measures"].push_back({{"id", m.id},
                                 {"type", m.type},
                                 {"theme", m.theme},
                                 {"phase_in", std::string(to_string(run.spec.measures.at(i).phase.shape))},
                                 {"name", m.name},
                                 {"owner", m.owner},
                                 {"start_year", m.start_year},
                                 {"full_effect_year", m.full_effect_year},
                                 {"source", run.spec.measures.at(i).source},
                                 {"cost_dkk", units::in_dkk(m.cost)},
                                 {"cumulative_avoided_t", in_tonnes(m.effect.cumulative(from, to))},
                                 {"cumulative_planned_t", in_tonnes(planned_cumulative(m))},
                                 {"planned_t", planned},
                                 {"cost_per_tonne_dkk",
                                  m.cost_per_tonne ? json(units::in_dkk_per_tonne(*m.cost_per_tonne)) : json(nullptr)},
                                 {"effect", rows_json(m.effect)},
                                 {"effect_totals", totals_json(m.effect, ref, scope)}});
    }
    j["themes"] = json::array();
    for (const auto& t : themes_of(r)) {
        json ids = json::array();
        for (std::size_t i : t.measures) ids.push_back(r.measures[i].id);
        j["themes"].push_back({{"theme", t.theme},
                               {"measures", ids},
                               {"cost_dkk", units::in_dkk(t.cost)},
                               {"cumulative_avoided_t", in_tonnes(t.effect.cumulative(from, to))},
                               {"cumulative_planned_t", in_tonnes(t.planned_cumulative)},
                               {"effect", rows_json(t.effect)}});
    }
    json estimated = json::array();
    for (const auto& e : r.estimated)
        estimated.push_back(
            {{"row", e.row}, {"year", e.year}, {"measures", e.measures}, {"bound_t", in_tonnes(e.bound)}});
    j["attribution"] = {{"method", r.estimated.empty() ? "shapley" : "shapley, estimated where listed"},
                        {"estimated", estimated}};
    return report::dump_with_allocation(j, ref.allocation, report::Lang::en);
}

void check_both_scopes(const api::ScenarioOutcome& o) {
    for (const auto scope : {TargetScope::incl_lulucf, TargetScope::excl_lulucf}) {
        INFO(to_string(scope));
        const auto streamed = report::render_scenario(o.run, *o.ref, report::Format::json, scope);
        const auto expected = as_one_document(o.run, *o.ref, scope);
        CHECK(streamed.size() == expected.size());
        CHECK(streamed == expected);
    }
}

}  // namespace

TEST_CASE("scenario JSON: byte for byte the run built as one json value, every bundled scenario",
          "[report][json][scenario]") {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    // Each from its latest inventory, and from its first (2017; Roskilde's regnskab starts in 2018).
    for (const auto& [name, first] : {std::pair{"koege", 2017},
                                      {"koege-plan", 2017},
                                      {"koege-trends", 2017},
                                      {"ballerup", 2017},
                                      {"national-roskilde", 2018}})
        for (const std::optional<int> from_year : {std::optional<int>(), std::optional<int>(first)}) {
            INFO(name << (from_year ? " from its first inventory" : ""));
            api::ScenarioRequest request;
            request.scenario_file = root + "/scenarios/" + name + ".json";
            request.data_dir = root + "/data";
            request.from_year = from_year;
            request.allocation = from_year ? ChpAllocation::pct200 : ChpAllocation::declared;
            check_both_scopes(api::run_scenario(request));
        }
}

TEST_CASE("scenario JSON: byte for byte the one json value for a crowded plan with estimated shares",
          "[report][json][scenario]") {
    api::ScenarioRequest request;
    request.scenario_file = test::fixture("scenario/crowded.json");  // not read: it anchors activity.csv
    request.scenario_json = test::crowded_scenario(60, 26, true);
    request.data_dir = test::fixture("scenario/data");
    const auto outcome = api::run_scenario(request);
    REQUIRE_FALSE(outcome.run.result.estimated.empty());
    check_both_scopes(outcome);
}

// The yearly status (issue 24): status words, realised effects computed by the
// engine at the realised uptake, ahead/behind the phase-in, status counts,
// indicators linked to a measure, and the errors of the status files.
#include "scenario_support.hpp"
#include "support.hpp"

#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/io/status_file.hpp"
#include "klima/status/yearly_status.hpp"

#include <xlsxwriter.h>
#include <catch2/catch.hpp>

using namespace klima;
using Catch::Matchers::Contains;

namespace {

// On the scenario fixture (gasolie 250 kg/MWh, el 100 kg/MWh to 2029, vehicle-km
// constant): 35 electric buses of 10,000 km a year, 1.2 kWh/km against a diesel
// bus's 3.0; and a factor measure, 40 % off the lorries' diesel (10,000 MWh).
// Both start 2021 and reach full effect in 2025 (linear: 80 % in 2024).
const std::string kBus = test::measure(
    "bus", "electric_buses", R"({"buses": 35, "km_per_bus": 10000, "kwh_per_km": 1.2, "diesel_kwh_per_km": 3.0})");
const std::string kHvo =
    R"({"id": "hvo", "name": "HVO", "owner": "Teknik", "start_year": 2021, "full_effect_year": 2025,
        "cost_dkk": 0, "source": "test", "theme": "Transport",
        "effects": [{"op": "factor", "rows": {"sector": "transport", "subsector": "lastbiler", "carrier": "gasolie"},
                     "reduction": 0.4}]})";

ScenarioRun plan_run() {
    auto spec = io::parse_scenario(test::scenario_json(kBus + "," + kHvo), test::fixture("scenario/inline.json"));
    spec.launch_year = 2017;
    auto activity = io::load_activity(spec.activity_file, &test::scenario_ref());
    auto drivers = io::load_drivers(spec.drivers_file);
    auto result = run_scenario(spec, activity, drivers, test::scenario_ref());
    return ScenarioRun{std::move(spec), std::move(activity), std::move(result), std::move(drivers), {}, {}};
}

status::YearlyStatus status_of(const std::string& csv, const std::vector<status::IndicatorValue>& values = {},
                               const std::vector<status::Indicator>& catalogue = {}) {
    static const auto run = plan_run();
    const auto statuses = io::parse_status_csv(csv, "status.csv");
    return status::build_status({run, test::scenario_ref(), statuses, catalogue, values}, 2024);
}

const status::ActionProgress& action(const status::YearlyStatus& s, const std::string& id) {
    for (const auto& a : s.actions)
        if (a.id == id) return a;
    FAIL("no action " << id);
    throw;
}

}  // namespace

TEST_CASE("status words are read in Danish and English, any case") {
    CHECK(status::parse_action_state("ikke påbegyndt") == status::ActionState::not_started);
    CHECK(status::parse_action_state("Igangsat") == status::ActionState::in_progress);
    CHECK(status::parse_action_state("in_progress") == status::ActionState::in_progress);
    CHECK(status::parse_action_state("løbende") == status::ActionState::ongoing);
    CHECK(status::parse_action_state("Abandoned") == status::ActionState::abandoned);
    CHECK_FALSE(status::parse_action_state("halvt færdig"));
}

TEST_CASE("a bus measure at 12 of 35 buses: the realised effect is that of 12 buses") {
    const auto s = status_of(
        "action;year;status;uptake;unit;spent_dkk;source\n"
        "bus;2024;igangsat;12;buses;6.000.000,5;Movia 2024\n");
    const auto& a = action(s, "bus");
    CHECK(a.uptake_unit == "buses");
    CHECK(a.full_uptake == Approx(35));
    // Planned by 2024: linear 2021–2025, (2024 − 2021 + 1)/5 = 0.8 × 35 = 28 buses.
    CHECK(a.planned_uptake == Approx(28));
    REQUIRE(a.realised_uptake);
    CHECK(*a.realised_uptake == Approx(12));
    // Behind by 12 − 28 = −16 buses, −16/28 = −57.14 %.
    CHECK(*a.ahead == Approx(-16));
    CHECK(*a.ahead_pct == Approx(-57.142857));
    CHECK_FALSE(a.above_plan);
    // 12 buses × 10,000 km = 120,000 km: diesel 120,000 × 3.0 kWh = 360 MWh × 0.25 t = 90 t
    // removed, electricity 120,000 × 1.2 kWh = 144 MWh × 0.1 t = 14.4 t added: 75.6 t.
    REQUIRE(a.realised_effect);
    CHECK(units::in_tonnes(*a.realised_effect) == Approx(75.6));
    // Planned in 2024: 0.8 × 35 buses × (3.0 × 0.25 − 1.2 × 0.1) t per 1000 km × 10 = 0.8 × 220.5 = 176.4 t.
    CHECK(units::in_tonnes(a.planned_effect) == Approx(176.4));
    REQUIRE(a.status);
    CHECK(units::in_dkk(*a.status->spent) == Approx(6000000.5));
}

TEST_CASE("a factor measure half done: half the reduction in the status year") {
    const auto s = status_of("action,year,status,uptake,unit,source\nhvo,2024,forsinket,50,%,test\n");
    const auto& a = action(s, "hvo");
    CHECK(a.uptake_unit == "%");
    // Planned by 2024: 0.8 × 100 % = 80 %; 50 − 80 = −30 points, −30/80 = −37.5 %.
    CHECK(a.planned_uptake == Approx(80));
    CHECK(*a.ahead == Approx(-30));
    CHECK(*a.ahead_pct == Approx(-37.5));
    // Lorries' diesel 10,000 MWh × 0.25 t = 2,500 t; 0.5 × 0.4 = 20 % of it: 500 t
    // (planned: 0.8 × 0.4 × 2,500 = 800 t).
    CHECK(units::in_tonnes(*a.realised_effect) == Approx(500));
    CHECK(units::in_tonnes(a.planned_effect) == Approx(800));
}

TEST_CASE("an uptake above the plan is shown with a note, not refused") {
    const auto s = status_of("action,year,status,uptake,unit,source\nbus,2024,gennemført,40,buses,test\n");
    const auto& a = action(s, "bus");
    CHECK(a.above_plan);
    CHECK(*a.ahead == Approx(12));  // 40 − 28
    // 40 buses: 40 × 10 × (3.0 × 0.25 − 1.2 × 0.1) = 400 × 0.63 = 252 t.
    CHECK(units::in_tonnes(*a.realised_effect) == Approx(252));
}

TEST_CASE("an uptake the activity cannot hold is refused by the engine, saying it is the status's") {
    // 1,000 buses × 10,000 km × 3.0 kWh = 30,000 MWh of diesel; the buses' row holds 2,000 MWh.
    CHECK_THROWS_WITH(status_of("action,year,status,uptake,unit,source\nbus,2024,igangsat,1000,buses,a\n"),
                      Contains("realised uptakes of the status for 2024") && Contains("bus"));
}

TEST_CASE("status counts by theme, unreported actions counted apart") {
    const auto s = status_of(
        "action,year,status,source\nbus,2024,igangsat,a\nhvo,2024,Delayed,b\n"
        "bus,2023,ikke påbegyndt,a\n");
    CHECK(s.counts[static_cast<std::size_t>(status::ActionState::in_progress)] == 1);
    CHECK(s.counts[static_cast<std::size_t>(status::ActionState::delayed)] == 1);
    CHECK(s.unreported == 0);
    REQUIRE(s.themes.size() == 2);  // "" (the bus preset has no theme) and Transport
    CHECK(s.themes[1].theme == "Transport");
    CHECK(s.themes[1].counts[static_cast<std::size_t>(status::ActionState::delayed)] == 1);
    // No uptake given: no realised effect, never a zero.
    CHECK_FALSE(action(s, "bus").realised_effect);
    // What changed since 2023: bus from ikke påbegyndt to igangsat, hvo new.
    REQUIRE(s.changes.size() == 2);
    CHECK(s.changes[0].action == "bus");
    CHECK(*s.changes[0].from == status::ActionState::not_started);
    CHECK_FALSE(s.changes[1].from);
}

TEST_CASE("an indicator linked to a measure records its uptake, and the other way round") {
    const std::vector<status::Indicator> catalogue{
        {"bus_el", "Elbusser", "Electric buses", "buses", "transport", "test", "illustrative", "test"},
        {"bus_km", "Buskm", "Bus km", "km", "transport", "test", "illustrative", "test"}};
    const auto values = io::parse_indicator_values(
        "indicator,year,value,target,unit,measure,source\nbus_el,2024,12,28,buses,bus,register\n"
        "bus_el,2030,,35,buses,bus,plan\n",
        "ind.csv", catalogue);
    const auto s = status_of("action,year,status,source\nbus,2024,igangsat,a\n", values, catalogue);
    const auto& a = action(s, "bus");
    REQUIRE(a.realised_uptake);
    CHECK(*a.realised_uptake == Approx(12));
    CHECK(a.uptake_from == "indicator bus_el");
    CHECK(units::in_tonnes(*a.realised_effect) == Approx(75.6));  // as 12 buses above
    REQUIRE(s.indicators.size() == 1);                            // bus_km has no values
    CHECK(*s.indicators[0].target == Approx(28));
    CHECK(s.indicators[0].targets.size() == 2);

    // The status gives the uptake, the indicator row has only a target: the status records the indicator.
    const auto only_target = io::parse_indicator_values(
        "indicator,year,target,unit,measure,source\nbus_el,2024,28,buses,bus,plan\n", "ind.csv", catalogue);
    const auto t =
        status_of("action,year,status,uptake,unit,source\nbus,2024,igangsat,12,buses,a\n", only_target, catalogue);
    REQUIRE(t.indicators[0].value);
    CHECK(*t.indicators[0].value == Approx(12));

    // Both given and different: refused, naming the indicator row.
    const auto ten = io::parse_indicator_values(
        "indicator,year,value,unit,measure,source\nbus_el,2024,10,buses,bus,register\n", "ind.csv", catalogue);
    CHECK_THROWS_WITH(
        status_of("action,year,status,uptake,unit,source\nbus,2024,igangsat,12,buses,a\n", ten, catalogue),
        Contains("ind.csv") && Contains("bus_el"));
}

TEST_CASE("bad status files are refused with where, what and the fix") {
    CHECK_THROWS_WITH(status_of("action,year,status,source\nbusser,2024,igangsat,a\n"),
                      Contains("status.csv:2") && Contains("unknown action 'busser'") && Contains("bus, hvo"));
    CHECK_THROWS_WITH(
        io::parse_status_csv("action,year,status,source\nbus,2024,halvvejs,a\n", "s.csv"),
        Contains("s.csv:2") && Contains("halvvejs") && Contains("ikke påbegyndt, igangsat") && Contains("ongoing"));
    CHECK_THROWS_WITH(io::parse_status_csv("action,year,status,uptake,source\nbus,2024,igangsat,12,a\n", "s.csv"),
                      Contains("s.csv:2") && Contains("has no unit"));
    CHECK_THROWS_WITH(status_of("action,year,status,uptake,unit,source\nbus,2024,igangsat,12,ha,a\n"),
                      Contains("planned in buses, not ha"));
    CHECK_THROWS_WITH(
        io::parse_status_csv("action,year,status,source\nbus,2024,igangsat,a\nbus,2024,opgivet,a\n", "s.csv"),
        Contains("s.csv:3") && Contains("second status"));
    CHECK_THROWS_WITH(io::parse_status_json(R"({"statuses": [{"action": "bus", "year": 2024, "status": "x",
                                                             "source": "a"}]})",
                                            "s.json"),
                      Contains("/statuses/0/status"));
    const std::vector<status::Indicator> catalogue{
        {"ladere", "Ladestandere", "Chargers", "chargers", "transport", "test", "illustrative", "test"}};
    CHECK_THROWS_WITH(
        io::parse_indicator_values("indicator,year,value,unit,source\nladere,2024,5,,a\n", "i.csv", catalogue),
        Contains("i.csv:2") && Contains("has no unit") && Contains("chargers"));
    CHECK_THROWS_WITH(
        io::parse_indicator_values("indicator,year,value,unit,source\nbiler,2024,5,cars,a\n", "i.csv", catalogue),
        Contains("unknown indicator 'biler'") && Contains("ladere"));
}

TEST_CASE("a JSON status reads like the CSV") {
    const auto s = io::parse_status_json(
        R"({"statuses": [{"action": "bus", "year": 2024, "status": "in progress", "uptake": 12, "unit": "buses",
                          "spent_dkk": 1000, "note": "n", "source": "s", "date": "2025-01-31"}]})",
        "s.json");
    REQUIRE(s.size() == 1);
    CHECK(s[0].state == status::ActionState::in_progress);
    CHECK(*s[0].uptake == 12);
    CHECK(s[0].date == "2025-01-31");
}

TEST_CASE("a status sheet in an xlsx workbook reads like the CSV; errors name the cell") {
    test::TempDir dir;
    const auto write = [&](const std::string& name, const char* status) {
        const auto path = dir.file(name);
        lxw_workbook* wb = workbook_new(path.c_str());
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Status");
        const char* head[] = {"action", "year", "status", "uptake", "unit", "source"};
        for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, head[c], nullptr);
        worksheet_write_string(ws, 1, 0, "bus", nullptr);
        worksheet_write_number(ws, 1, 1, 2024, nullptr);
        worksheet_write_string(ws, 1, 2, status, nullptr);
        worksheet_write_string(ws, 1, 3, "12,5", nullptr);  // typed as text with a decimal comma
        worksheet_write_string(ws, 1, 4, "buses", nullptr);
        worksheet_write_string(ws, 1, 5, "Movia", nullptr);
        REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
        return path;
    };
    const auto s = io::load_status(write("ok.xlsx", "Gennemført"));
    REQUIRE(s.size() == 1);
    CHECK(s[0].state == status::ActionState::completed);
    CHECK(*s[0].uptake == Approx(12.5));
    CHECK_THROWS_WITH(io::load_status(write("bad.xlsx", "done-ish")),
                      Contains("bad.xlsx") && Contains("Status!C2") && Contains("done-ish"));
}

TEST_CASE("an indicator linked to a measure the scenario lacks is refused at its row") {
    const std::vector<status::Indicator> catalogue{
        {"ladere", "Ladestandere", "Chargers", "chargers", "transport", "test", "illustrative", "test"}};
    const auto values = io::parse_indicator_values(
        "indicator,year,target,unit,measure,source\nladere,2030,400,chargers,ladestandere,plan\n", "ind.csv",
        catalogue);
    CHECK_THROWS_WITH(status_of("action,year,status,source\nbus,2024,igangsat,a\n", values, catalogue),
                      Contains("ind.csv:2") && Contains("unknown action 'ladestandere'"));
}

TEST_CASE("one workbook holds the status (first sheet) and the indicator values (sheet indicators)") {
    test::TempDir dir;
    const auto path = dir.file("klimastatus.xlsx");
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* st = workbook_add_worksheet(wb, "Status");
    const char* shead[] = {"action", "year", "status", "source"};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(st, 0, c, shead[c], nullptr);
    worksheet_write_string(st, 1, 0, "bus", nullptr);
    worksheet_write_number(st, 1, 1, 2024, nullptr);
    worksheet_write_string(st, 1, 2, "igangsat", nullptr);
    worksheet_write_string(st, 1, 3, "Movia", nullptr);
    lxw_worksheet* ind = workbook_add_worksheet(wb, "indicators");
    const char* ihead[] = {"indicator", "year", "value", "unit", "measure", "source"};
    for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ind, 0, c, ihead[c], nullptr);
    worksheet_write_string(ind, 1, 0, "bus_el", nullptr);
    worksheet_write_number(ind, 1, 1, 2024, nullptr);
    worksheet_write_number(ind, 1, 2, 12, nullptr);
    worksheet_write_string(ind, 1, 3, "buses", nullptr);
    worksheet_write_string(ind, 1, 4, "bus", nullptr);
    worksheet_write_string(ind, 1, 5, "register", nullptr);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

    const std::vector<status::Indicator> catalogue{
        {"bus_el", "Elbusser", "Electric buses", "buses", "transport", "test", "illustrative", "test"}};
    const auto statuses = io::load_status(path);
    const auto values = io::load_indicator_values(path, catalogue);
    REQUIRE(statuses.size() == 1);
    REQUIRE(values.size() == 1);
    static const auto run = plan_run();
    const auto s = status::build_status({run, test::scenario_ref(), statuses, catalogue, values}, 2024);
    // The sheet's 12 buses, linked to 'bus': 75.6 t as computed by hand above.
    CHECK(units::in_tonnes(*action(s, "bus").realised_effect) == Approx(75.6));
}

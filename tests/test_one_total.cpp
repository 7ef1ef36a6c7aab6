// One total per year and scope, one effect per measure and year (issue 25): the definition
// (klima::scope_total, measure_effect) by hand, and the same 2023 and 2030 totals in
// `klima scenario run --format json`, `klima report --format json` and POST /api/scenario/run
// for every bundled scenario that names targets.
#include "report_fixture.hpp"
#include "serve_support.hpp"
#include "support.hpp"

#include "klima/scope_total.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

using namespace klima;
using klima::test::run_cli;
using units::in_tonnes;

namespace {

units::Mass t(double v) { return units::tonnes(v); }

// energi/el 100 t, lulucf/skov −30 t, byggeri/nybyggeri 50 t in 2030.
Trajectory three_rows() {
    Trajectory tr({"energi/el", "lulucf/skov", "byggeri/nybyggeri"}, 2030, 2030);
    tr.set(0, 2030, t(100));
    tr.set(1, 2030, t(-30));
    tr.set(2, 2030, t(50));
    return tr;
}

}  // namespace

TEST_CASE("one total: territorial rows in the scope, construction and LULUCF out of it apart", "[one_total]") {
    const auto& tax = test::fixture_reference().taxonomy;
    const auto incl = scope_total(three_rows(), 2030, tax, TargetScope::incl_lulucf);
    CHECK(in_tonnes(incl.total) == Approx(70.0));  // 100 − 30; construction is never inside
    CHECK(in_tonnes(incl.construction) == Approx(50.0));
    CHECK_FALSE(incl.lulucf_apart);  // LULUCF is inside the total
    CHECK(in_tonnes(outside_scope(incl)) == Approx(50.0));
    const auto excl = scope_total(three_rows(), 2030, tax, TargetScope::excl_lulucf);
    CHECK(in_tonnes(excl.total) == Approx(100.0));
    REQUIRE(excl.lulucf_apart);
    CHECK(in_tonnes(*excl.lulucf_apart) == Approx(-30.0));
    CHECK(in_tonnes(outside_scope(excl)) == Approx(20.0));  // 50 − 30
}

TEST_CASE("one total: all years in one pass, the same figures as year by year; years outside the rows empty",
          "[one_total]") {
    const auto& tax = test::fixture_reference().taxonomy;
    // 2030: energi/el 100, lulucf/skov −30, byggeri/nybyggeri 50 t; 2031: 80, −40, 10 t.
    Trajectory tr({"energi/el", "lulucf/skov", "byggeri/nybyggeri"}, 2030, 2031);
    tr.set(0, 2030, t(100));
    tr.set(1, 2030, t(-30));
    tr.set(2, 2030, t(50));
    tr.set(0, 2031, t(80));
    tr.set(1, 2031, t(-40));
    tr.set(2, 2031, t(10));
    const auto excl = scope_totals(tr, 2029, 2032, tax, TargetScope::excl_lulucf);
    REQUIRE(excl.size() == 4);  // 2029, 2030, 2031, 2032
    CHECK(in_tonnes(excl[1].total) == Approx(100.0));
    CHECK(in_tonnes(*excl[1].lulucf_apart) == Approx(-30.0));
    CHECK(in_tonnes(excl[1].construction) == Approx(50.0));
    CHECK(in_tonnes(excl[2].total) == Approx(80.0));
    CHECK(in_tonnes(*excl[2].lulucf_apart) == Approx(-40.0));
    CHECK(in_tonnes(excl[2].construction) == Approx(10.0));
    for (std::size_t i : {std::size_t{0}, std::size_t{3}}) {  // 2029 and 2032 lie outside the trajectory
        CHECK(excl[i].year == 0);
        CHECK(in_tonnes(excl[i].total) == 0.0);
        CHECK_FALSE(excl[i].lulucf_apart);
    }
    const auto incl = scope_totals(tr, 2030, 2031, tax, TargetScope::incl_lulucf);
    CHECK(in_tonnes(incl[0].total) == Approx(70.0));  // 100 − 30
    CHECK(in_tonnes(incl[1].total) == Approx(40.0));  // 80 − 40
    CHECK_FALSE(incl[1].lulucf_apart);
    for (int y : {2030, 2031})  // bit for bit what every other output takes year by year
        for (auto scope : {TargetScope::incl_lulucf, TargetScope::excl_lulucf}) {
            const auto one = scope_total(tr, y, tax, scope);
            const auto all = scope_totals(tr, y, y, tax, scope).front();
            CHECK(units::in_kg(all.total) == units::in_kg(one.total));
            CHECK(units::in_kg(all.construction) == units::in_kg(one.construction));
            CHECK(all.year == y);
        }
    // A row the taxonomy lacks is named, as year by year; not looked at when no year is asked.
    Trajectory bad({"energi/el", "energi/nope"}, 2030, 2030);
    CHECK_THROWS_WITH(scope_totals(bad, 2030, 2030, tax, TargetScope::incl_lulucf),
                      Catch::Contains("trajectory row 'energi/nope'"));
    CHECK_THROWS_WITH(scope_total(bad, 2030, tax, TargetScope::incl_lulucf),
                      Catch::Contains("trajectory row 'energi/nope'"));
    CHECK(scope_totals(bad, 2031, 2032, tax, TargetScope::incl_lulucf).size() == 2);
}

TEST_CASE("one effect: a measure's share split as the total; none outside its years", "[one_total]") {
    const auto& tax = test::fixture_reference().taxonomy;
    MeasureResult m;
    m.effect = three_rows();
    const auto e = measure_effect(m, 2030, tax, TargetScope::incl_lulucf);
    CHECK(in_tonnes(e.total) == Approx(70.0));
    CHECK(in_tonnes(e.construction) == Approx(50.0));
    const auto none = measure_effect(m, 2031, tax, TargetScope::incl_lulucf);  // the effect ends in 2030
    CHECK(in_tonnes(none.total) == 0.0);
    CHECK(in_tonnes(none.construction) == 0.0);
}

TEST_CASE("one effect: the hand report's measure and theme effects are the Shapley shares in 2030",
          "[one_total][report]") {
    const auto& d = test::hand_report();
    // report_fixture.cpp: vind 200 t on energi/el from 2030, elbusser 50 t on transport/busser from 2025
    REQUIRE(d.progress.measures.size() == 2);
    CHECK(in_tonnes(d.progress.measures[0].effect_milestone.total) == Approx(200.0));
    CHECK(in_tonnes(d.progress.measures[1].effect_milestone.total) == Approx(50.0));
    CHECK(in_tonnes(d.progress.measures[1].effect_milestone.construction) == 0.0);
    // the total's 2030 row: 400 + 100 − 50 = 450 BAU, 450 − 200 − 50 = 200 scenario
    for (std::size_t i = 0; i < d.gap.years.size(); ++i)
        if (d.gap.years[i].year == 2030) {
            CHECK(in_tonnes(d.bau_totals[i].total) == Approx(450.0));
            CHECK(in_tonnes(d.scenario_totals[i].total) == Approx(200.0));
            CHECK(d.scenario_totals[i].total == d.gap.years[i].scenario);
        }
}

namespace {

const std::string kRoot = test::kServeRepo;

double at_year(const nlohmann::json& run, const char* series, int year) {
    const auto& years = run.at("years");
    for (std::size_t i = 0; i < years.size(); ++i)
        if (years[i] == year) return run.at("totals").at(series).at("total_t").at(i).get<double>();
    FAIL("the run has no year " << year);
    return 0.0;
}

const nlohmann::json& report_year(const nlohmann::json& report, int year) {
    for (const auto& y : report.at("totals").at("years"))
        if (y.at("year") == year) return y;
    FAIL("the report has no total for " << year);
    throw 0;
}

}  // namespace

TEST_CASE("one total: CLI JSON, report JSON and /api/scenario/run give the same 2023 and 2030 totals",
          "[one_total][cli][serve]") {
    test::ServedWorkbench server;
    auto client = server.client();
    int compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kRoot + "/scenarios")) {
        if (entry.path().extension() != ".json") continue;
        const auto text = test::read_all(entry.path().string());
        if (!nlohmann::json::parse(text).contains("targets")) continue;
        const auto name = entry.path().filename().string();
        INFO(name);
        const auto file = entry.path().string();
        const auto cli = run_cli("scenario run " + file + " --data-dir " + kRoot + "/data --format json");
        REQUIRE(cli.exit_code == 0);
        const auto rep = run_cli("report --scenario " + file + " --data-dir " + kRoot +
                                 "/data --year 2023 --no-analysis --format json");
        INFO(rep.err);
        REQUIRE(rep.exit_code == 0);
        const auto api = client.Post(("/api/scenario/run?name=" + name).c_str(), text, "application/json");
        REQUIRE(api);
        REQUIRE(api->status == 200);
        const auto c = nlohmann::json::parse(cli.out), r = nlohmann::json::parse(rep.out),
                   a = nlohmann::json::parse(api->body);
        CHECK(c.at("scope") == r.at("totals").at("scope"));
        CHECK(a.at("scope") == r.at("totals").at("scope"));
        for (int year : {2023, 2030}) {
            INFO(year);
            const auto& ry = report_year(r, year);
            const double report_total = ry.at("scenario").at("total_t").get<double>();
            CHECK(at_year(c, "scenario", year) == Approx(report_total).epsilon(1e-12));
            CHECK(at_year(a, "scenario", year) == Approx(report_total).epsilon(1e-12));
            CHECK(at_year(c, "bau", year) == Approx(ry.at("bau").at("total_t").get<double>()).epsilon(1e-12));
            for (const auto& g : r.at("gap").at("years"))  // the gap's scenario is the same total
                if (g.at("year") == year)
                    CHECK(g.at("scenario_t").get<double>() == Approx(report_total).epsilon(1e-12));
        }
        // the latest inventory (2023, the launch year) is the report's latest inventory, in the same scope
        CHECK(c.at("latest_inventory").at("year") == r.at("latest_inventory").at("year"));
        CHECK(c.at("latest_inventory").at("total_t").get<double>() ==
              Approx(r.at("latest_inventory").at("total_t").get<double>()).epsilon(1e-12));
        CHECK(c.at("latest_inventory").at("construction_t").get<double>() ==
              Approx(r.at("latest_inventory").at("construction_t").get<double>()).epsilon(1e-12));
        // the history starts where the target path does: the run's total in the reference year is its first anchor
        const int reference = r.at("targets").at("reference_year").get<int>();
        CHECK(at_year(c, "scenario", reference) ==
              Approx(r.at("target_path").at("anchors").at(0).at("t").get<double>()).epsilon(1e-12));
        ++compared;
    }
    CHECK(compared ==
          4);  // koege.json, koege-plan.json, koege-trends.json, ballerup.json (national-roskilde has no targets)
}

TEST_CASE("one total: the gap table's launch year reconciles with the latest inventory when rows are carried",
          "[one_total][cli]") {
    // koege.json: the 2023 inventory lacks transport/soe gasolie, which is projected from 2017, so the
    // gap table's 2023 scenario is the inventory's total plus that row; the note says both figures.
    const std::string file = kRoot + "/scenarios/koege.json", data = " --data-dir " + kRoot + "/data";
    const auto rep = run_cli("report --scenario " + file + data + " --year 2023 --no-analysis --format json");
    REQUIRE(rep.exit_code == 0);
    const auto r = nlohmann::json::parse(rep.out);
    REQUIRE(r.at("history").at("carried").size() == 1);
    const double inventory = r.at("latest_inventory").at("total_t").get<double>();
    double shown = 0;
    for (const auto& g : r.at("gap").at("years"))
        if (g.at("year") == 2023) shown = g.at("scenario_t").get<double>();
    REQUIRE(shown > inventory);          // the carried row adds to the inventory
    const auto rounded = [](double v) {  // whole tonnes with the Danish thousands point, as the md shows
        const auto digits = std::to_string(std::llround(v));
        std::string s;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) s += '.';
            s += digits[i];
        }
        return s;
    };
    const auto md = run_cli("report --scenario " + file + data + " --year 2023 --no-analysis");
    REQUIRE(md.exit_code == 0);
    CHECK_THAT(md.out, Catch::Contains("2023: opgørelsen (" + rounded(inventory) + " t"));
    CHECK_THAT(md.out, Catch::Contains("Transport, Sø (gasolie, 2017): " + rounded(shown - inventory) +
                                       " t) = " + rounded(shown) + " t."));
}

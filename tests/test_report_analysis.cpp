// The analysis in klima report (issue 13, item 4): MACC and cheapest portfolio,
// the probability of each target and the fan chart, on the scenario fixture
// (tests/fixtures/scenario/, factors in scenario_support.hpp), launched from 2017.
//
// BAU 2030 in the scope: 17200.25 t (test_solve.cpp); transport rows follow the constant
// vehicle-km driver, gasolie and benzin 250 kg/MWh, so from 2030 on:
//   bus      busser    2000 MWh × 0.25 × 50 % = 250 t a year for   500,000 DKK →  2,000 DKK per annual t
//   lastbil  lastbiler 10000 MWh × 0.25 × 10 % = 250 t a year for 1,000,000 DKK →  4,000
//   bil      personbiler 7505 t × 2 %          = 150.1 t a year for 3,000,000 DKK → 19,986.7
// All three are steps in 2030 (2030–2050, 21 years), so the MACC order is bus, lastbil, bil, and each
// discounted cost per tonne is (DKK per annual t) / Σ_{k=0..20} 1.035^−k = … / 15.21240.
// Target 2030: 16800.25 t = 17200.25 − 400 (16960 × (1 − 0.9419221698 %)), so 400 t are required:
// bus at 1 (250 t) and lastbil at (400 − 250) / 250 = 0.6; bil at 0.
// Cost: (500,000 + 0.6 × 1,000,000) × 1.035^−13 (spent in 2030, discounted to 2017) = 1,100,000 × 0.639404.
#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/api/report.hpp"
#include "klima/report/progress_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

using namespace klima;
using Catch::Contains;
using Catch::Detail::Approx;

namespace {

double t(units::Mass m) { return units::in_tonnes(m); }

std::string step_measure(const std::string& id, const std::string& sub, const std::string& share,
                         const std::string& cost) {
    return R"({"id": ")" + id + R"(", "name": ")" + id + R"(", "owner": "x", "start_year": 2030,
               "phase_in": "step", "cost_dkk": )" +
           cost + R"(, "source": "test", "effects": [{"op": "reduce",
               "rows": {"sector": "transport", "subsector": ")" +
           sub + R"("}, "share": )" + share + "}]}";
}

std::string plan(const std::string& targets, const std::string& measures) {
    return R"({"name": "report analysis test", "municipality": "testby", "base_year": 2017, "from_year": 2017,
              "activity": ")" +
           test::fixture("scenario/activity.csv") + R"(", "drivers": ")" + test::fixture("scenario/drivers.csv") +
           R"(", "targets": ")" + targets + R"(", "measures": [)" + measures + "]}";
}

std::string targets(const std::string& reduction_pct) {
    return R"({"municipality": "testby", "name": "analysis test", "scope": "territorial_incl_lulucf",
      "reference_year": 2017, "interim_targets": [{"year": 2030, "reduction_pct": )" +
           reduction_pct +
           R"(, "against_year": 2017, "source": "test"}], "neutrality": {"year": 2050, "source": "test"}})";
}

api::ReportRequest three_measures(const test::TempDir& dir) {
    api::ReportRequest r;
    const auto measures = step_measure("lastbil", "lastbiler", "0.1", "1000000") + ", " +
                          step_measure("bus", "busser", "0.5", "500000") + ", " +
                          step_measure("bil", "personbiler", "0.02", "3000000");
    r.scenario.scenario_file =
        dir.write("plan.json", plan(dir.write("targets.json", targets("0.94192216981132075")), measures));
    r.scenario.data_dir = test::fixture("scenario/data");
    r.report_year = 2023;
    return r;
}

// The MC test's plan (test_mc.cpp): one costless measure takes 40 % of the cars from 2025, so the
// 2030 scenario is 14198.25 t, of which natural gas 4520 t. A uniform multiplier U(0.9, 1.1) on the
// natural-gas factor makes it 14198.25 + 4520 (m − 1). Target 2030: 13972.25 t = 14198.25 − 226
// (16960 × (1 − 17.6164504717 %)), met when 4520 (m − 1) ≤ −226, m ≤ 0.95: probability
// (0.95 − 0.9) / 0.2 = 0.25. With 1000 draws its standard error is √(0.25 × 0.75 / 1000) = 0.0137.
api::ReportRequest uncertain(const test::TempDir& dir) {
    api::ReportRequest r;
    const std::string cars = R"({"id": "b", "name": "b", "owner": "x", "start_year": 2021, "full_effect_year": 2025,
        "cost_dkk": 0, "source": "test", "effects": [{"op": "reduce", "rows": {"sector": "transport", "subsector": "personbiler"},
        "share": 0.4}]})";
    r.scenario.scenario_file =
        dir.write("plan.json", plan(dir.write("targets.json", targets("17.616450471698113")), cars));
    r.scenario.data_dir = test::fixture("scenario/data");
    r.report_year = 2023;
    r.uncertainty_file =
        dir.write("u.json", R"({"inputs": [{"factor": {"carrier": "naturgas"}, "dist": {"pct": 10}}]})");
    r.draws = 1000;
    r.seed = 3;
    return r;
}

// Tonnes as the English Markdown shows them: whole, thousands grouped.
std::string en(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    std::string s = buf;
    const auto point = s.size();
    for (auto i = point; i > (s[0] == '-' ? 4u : 3u); i -= 3) s.insert(i - 3, 1, ',');
    return s;
}

}  // namespace

TEST_CASE("report analysis: MACC order and the cheapest portfolio of three measures, by hand", "[report][analysis]") {
    test::TempDir dir;
    const auto o = api::build_report(three_measures(dir));
    REQUIRE(o.data.analysis.included);
    CHECK_FALSE(o.data.analysis.uncertainty);
    REQUIRE(o.data.analysis.abatement);
    const auto& a = *o.data.analysis.abatement;
    CHECK(a.year == 2030);
    CHECK(t(a.required) == Approx(400.0));
    REQUIRE(a.measures.size() == 3);
    CHECK(a.measures[0].id == "bus");
    CHECK(a.measures[1].id == "lastbil");
    CHECK(a.measures[2].id == "bil");
    CHECK(units::in_dkk_per_tonne(*a.measures[0].per_tonne_discounted) == Approx(2000.0 / 15.21240).epsilon(1e-5));
    CHECK(units::in_dkk_per_tonne(*a.measures[2].per_tonne_discounted) == Approx(3e6 / 150.1 / 15.21240).epsilon(1e-5));
    CHECK(t(a.measures[2].in_year) == Approx(150.1));
    CHECK(a.measures[0].level.value() == Approx(1.0));
    CHECK(a.measures[1].level.value() == Approx(0.6));
    CHECK(a.measures[2].level.value() == Approx(0.0).margin(1e-9));
    CHECK(a.portfolio.feasible);
    CHECK(units::in_dkk(a.portfolio.cost) == Approx(1.1e6 * std::pow(1.035, -13)));
    CHECK(t(a.portfolio.checked) == Approx(16800.25));
    CHECK(t(a.portfolio.remaining_gap) == Approx(0.0).margin(1e-6));

    const auto md = report::render_report(o.data, report::Format::md, report::Lang::en);
    CHECK_THAT(md, Contains("## Abatement cost (MACC) 2030"));
    CHECK_THAT(md, Contains("reduction required in 2030 (BAU − target path): 400 t CO2e"));
    // bus 131.47 DKK/t discounted, 2000 / 21 = 95.24 undiscounted; 250 t; cumulated 250; whole tonnes.
    // A measure whose name is its id is shown once: "bus", not "bus (bus)".
    CHECK_THAT(md, Contains("| bus | 131 | 95 | 250 | 250 | 500,000 |"));
    // lastbil cumulated 500, bil 150.1 → 150, cumulated 650.1 → 650.
    CHECK_THAT(md, Contains("| 150 | 650 | 3,000,000 |"));
    CHECK_THAT(md, Contains("## Cheapest portfolio 2030"));
    CHECK_THAT(md, Contains("| lastbil | 60.0 % | 150 |"));
    CHECK_THAT(md, Contains("Measures at level 0 are left out: bil."));
    CHECK_THAT(md, Contains("No distributions were given"));

    const auto j = nlohmann::json::parse(report::render_report(o.data, report::Format::json, report::Lang::en));
    CHECK(j["uncertainty"].is_null());
    CHECK(j["abatement"]["macc"][1]["id"] == "lastbil");
    CHECK(j["abatement"]["macc"][1]["from_t"].get<double>() == Approx(250.0));
    CHECK(j["abatement"]["macc"][1]["level"].get<double>() == Approx(0.6));
    CHECK(j["abatement"]["portfolio"]["checked_t"].get<double>() == Approx(16800.25));
    const auto csv = report::render_report(o.data, report::Format::csv, report::Lang::en);
    CHECK_THAT(csv, Contains("macc,lastbil,lastbil,level,0.600000"));
    CHECK_THAT(csv, Contains("macc,bil,bil,to_t,650.100"));

    const auto html = report::render_report(o.data, report::Format::html, report::Lang::en);
    CHECK(test::occurrences(html, "class=\"macc-bar\"") == 3);
    CHECK(test::occurrences(html, "class=\"required\"") == 1);
}

TEST_CASE("report analysis: the probability of a target from a uniform multiplier, fan chart, same figures",
          "[report][analysis]") {
    test::TempDir dir;
    const auto o = api::build_report(uncertain(dir));
    REQUIRE(o.data.analysis.uncertainty);
    const auto& mc = *o.data.analysis.uncertainty;
    REQUIRE(mc.targets.size() == 2);
    CHECK(mc.targets[0].year == 2030);
    CHECK(t(mc.targets[0].target) == Approx(13972.25));
    const double p = mc.targets[0].probability.value();
    CHECK(p == Approx(0.25).margin(0.045));  // 3.3 standard errors
    CHECK(mc.targets[1].probability.value() == 0.0);

    const auto md = report::render_report(o.data, report::Format::md, report::Lang::en);
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f %%", p * 100.0);
    CHECK_THAT(md, Contains(std::string("Probability of reaching -17.6 % by 2030: ") + pct));
    CHECK_THAT(md, Contains("Probability of climate neutrality by 2050: 0 %"));
    CHECK_THAT(md, Contains("Monte Carlo: 1000 draws, seed 3"));
    CHECK_THAT(md, Contains("naturgas (ρ = 1.00)"));
    // The md table, json and csv carry the same P50 of the scenario in 2030.
    const auto j = nlohmann::json::parse(report::render_report(o.data, report::Format::json, report::Lang::en));
    const auto& y2030 = j["uncertainty"]["years"][2030 - 2017];
    REQUIRE(y2030["year"] == 2030);
    const double p50 = y2030["scenario"]["p50"].get<double>();
    CHECK(p50 == Approx(14198.25).margin(40.0));  // the median of a symmetric spread: the mean
    CHECK(j["uncertainty"]["targets"][0]["probability"].get<double>() == p);
    CHECK_THAT(md, Contains(" | " + en(p50) + " | "));
    char csv_p50[64];
    std::snprintf(csv_p50, sizeof csv_p50, "uncertainty,2030/scenario,Scenario,p50_t,%.3f", p50);
    const auto csv = report::render_report(o.data, report::Format::csv, report::Lang::en);
    CHECK_THAT(csv, Contains(csv_p50));
    char csv_p[64];
    std::snprintf(csv_p, sizeof csv_p, "chance,2030,Probability,probability,%.6f", p);
    CHECK_THAT(csv, Contains(csv_p));

    // The fan: one band of each, over 2017–2050 (34 years: 68 points, 67 " L").
    const auto html = report::render_report(o.data, report::Format::html, report::Lang::en);
    REQUIRE(test::occurrences(html, "class=\"band band-scenario\"") == 1);
    CHECK(test::occurrences(html, "class=\"band band-bau\"") == 1);
    const auto band = html.substr(html.find("band-scenario"));
    CHECK(test::occurrences(band.substr(0, band.find("/>")), " L") == 67);
    CHECK(test::occurrences(html, "class=\"scenario-median\"") == 1);
    CHECK(test::occurrences(html, "class=\"macc-nocost\"") == 1);  // b: no cost, a stub on the axis
    // The costless measure is listed as such.
    CHECK_THAT(md, Contains("No cost given (cost_dkk 0), counted as free in the portfolio: b"));
    CHECK_THAT(md, Contains("| b | no cost given |"));  // a name that is its id is shown once
}

TEST_CASE("report analysis: the same seed gives the same report; the analysis can be left out", "[report][analysis]") {
    test::TempDir dir;
    auto r = uncertain(dir);
    r.draws = 200;
    const auto once = report::render_report(api::build_report(r).data, report::Format::json, report::Lang::da);
    r.threads = 2;
    const auto twice = report::render_report(api::build_report(r).data, report::Format::json, report::Lang::da);
    CHECK(once == twice);
    r.analysis = false;
    const auto without = api::build_report(r);
    CHECK_FALSE(without.data.analysis.included);
    const auto j = nlohmann::json::parse(report::render_report(without.data, report::Format::json, report::Lang::da));
    CHECK_FALSE(j.contains("uncertainty"));
    CHECK_FALSE(j.contains("abatement"));
    CHECK_THAT(report::render_report(without.data, report::Format::md, report::Lang::da),
               !Contains("Sandsynlighed for at nå målene"));
}

TEST_CASE("cli report: analysis options, and wrong ones are exit 2", "[cli][report][analysis]") {
    test::TempDir dir;
    const auto r = uncertain(dir);
    const std::string common =
        "report --scenario " + r.scenario.scenario_file + " --data-dir " + r.scenario.data_dir + " --year 2023";
    const auto ok = test::run_cli(common + " --uncertainty " + *r.uncertainty_file +
                                  " --draws 50 --seed 9 --discount 0 --format json");
    INFO(ok.err);
    REQUIRE(ok.exit_code == 0);
    const auto j = nlohmann::json::parse(ok.out);
    CHECK(j["uncertainty"]["draws"] == 50);
    CHECK(j["uncertainty"]["seed"] == 9);
    CHECK(j["abatement"]["discount_rate"].get<double>() == 0.0);
    CHECK_THAT(test::run_cli(common).out, Contains("Ingen fordelinger angivet"));
    for (const auto* bad : {" --draws 0", " --discount 100", " --discount x", " --no-analysis --draws 10"}) {
        const auto e = test::run_cli(common + bad);
        INFO(bad);
        CHECK(e.exit_code == 2);
    }
}

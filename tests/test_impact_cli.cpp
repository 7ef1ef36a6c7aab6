// klima impact end to end: the council-case text, JSON, HTML, exit codes.
// Figures as in test_impact.cpp (lorry proposal: 250 t in 2030, 6250 t
// 2025–2050, 160 DKK/t; gap 7574.6 → 7324.6 t).
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using Catch::Contains;
using klima::test::fixture;
using klima::test::run_cli;

namespace {
std::string args(const std::string& proposal) {
    return "impact --scenario " + fixture("impact/plan.json") + " --proposal " + fixture("impact/" + proposal) +
           " --data-dir " + fixture("scenario/data") + " --from-year 2017";
}
}  // namespace

TEST_CASE("cli impact: the paragraph in Danish (default) and English", "[cli][impact]") {
    const auto da = run_cli(args("trucks.json"));
    INFO(da.err);
    REQUIRE(da.exit_code == 0);
    CHECK_THAT(da.out, Contains("Forslaget «Færre lastbilkilometer» mindsker udledningen med 250,0 t CO2e i 2030 og "
                                "mindsker udledningen med 6.250,0 t CO2e i alt 2025–2050"));
    CHECK_THAT(da.out, Contains("Manglen til målet i 2030 går fra 7.574,6 til 7.324,6 t CO2e (-250,0 t"));
    CHECK_THAT(da.out, Contains("Det koster 160 kr. pr. undgået ton (1.000.000 kr. i alt"));
    CHECK_THAT(da.out, Contains("| Transport | 0,0 | 250,0 |"));

    const auto en = run_cli(args("trucks.json") + " --lang en");
    REQUIRE(en.exit_code == 0);
    CHECK_THAT(en.out, Contains("lowers emissions by 250.0 t CO2e in 2030"));
    CHECK_THAT(en.out, Contains("It costs 160 DKK per tonne avoided"));
}

TEST_CASE("cli impact: JSON and HTML of a housing area that raises emissions", "[cli][impact]") {
    const auto r = run_cli(args("housing.json") + " --format json");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["avoided_2030_t"].get<double>() == Approx(-50.0));      // 1000 MWh × 0.05
    CHECK(j["apart_2025_2050_t"].get<double>() == Approx(-600.0));  // 2000 m² × 300 kg
    CHECK(j["raises_emissions"] == true);
    CHECK(j["cost_per_tonne_dkk"].is_null());
    CHECK(j["growth_rows"][0]["inventory_year"] == 2017);

    const auto html = run_cli(args("housing.json") + " --format html --lang en");
    REQUIRE(html.exit_code == 0);
    CHECK_THAT(html.out,
               Contains("<svg ") && Contains("class=\"apart\"") && Contains("raises emissions by 50.0 t CO2e"));
    CHECK_THAT(html.out, Contains("estimated per inhabitant from the 2017 inventory"));
}

TEST_CASE("cli impact: a bad proposal exits 1 naming file and path; a wrong line exits 2", "[cli][impact]") {
    klima::test::TempDir dir;
    const auto bad = dir.write("bad.json", R"({"name": "b", "growth": {"id": "g", "name": "g", "residents": -5,
        "from_year": 2026, "full_year": 2028, "source": "t"}})");
    const auto r = run_cli("impact --scenario " + fixture("impact/plan.json") + " --proposal " + bad + " --data-dir " +
                           fixture("scenario/data"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(bad) && Contains("/growth/residents"));
    CHECK(r.out.empty());

    CHECK(run_cli(args("trucks.json") + " --format xml").exit_code == 2);
    CHECK(run_cli("impact --scenario " + fixture("impact/plan.json")).exit_code == 2);  // no --proposal
    const auto help = run_cli("impact --help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Contains("--proposal") && Contains("--from-year"));
}

#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/report/progress_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace klima;
using namespace klima::report;
using Catch::Contains;

// Figures of hand_report() (fixture inventories + hand scenario, reporting year 2023):
//   path anchors: 2017 441.3748 (inventory), 2030 441.3748 × 0.54 = 238.342392, 2050 0
//   gap 2030: scenario 200 − 238.342392 = −38.342392
//   budget 2017–2050: 14 × (441.3748 + 238.342392)/2 + 238.342392/20 × 190 = 4758.020344 + 2264.252724 = 7022.273068
//   scenario running sum: 6900 by 2040, 7100 by 2041 > budget → exhausted 2041,
//   years lasting (2041 − 2017) + (7022.273068 − 6900)/200 = 24.61136534
//   energi target 2030: 452.7348 × 0.54 = 244.476792; remaining gap 200 − 244.476792 = −44.476792

TEST_CASE("report: assembled figures", "[report]") {
    const auto& d = test::hand_report();
    CHECK(units::in_tonnes(d.path.at(2030)) == Approx(238.342392));
    CHECK(units::in_tonnes(d.gap.at(2030).gap) == Approx(-38.342392));
    CHECK(units::in_tonnes(d.gap.budget.budget) == Approx(7022.273068));
    CHECK(*d.gap.budget.exhausted_in == 2041);
    CHECK(units::in_count(*d.gap.budget.years_lasting) == Approx(24.61136534));
    // Sector shares: energi, transport, landbrug from the 2017 inventory (LULUCF left out)
    CHECK(d.gap.sectors.size() == 3);
    // landbrug target 2030: 42 × 0.54 = 22.68; scenario has no landbrug rows: gap −22.68
    CHECK(units::in_tonnes(d.gap.sector("landbrug")->years[13].gap) == Approx(-22.68));
    // Chart series: scenario years 2017–2050, two measures, sectors in the scenario (energi, transport, lulucf)
    CHECK(d.chart.years.size() == 34);
    CHECK(d.chart.measures.size() == 2);
    CHECK(d.chart.sectors.size() == 3);
    // vind's wedge in 2025: 20 × 5 = 100
    CHECK(units::in_tonnes(d.chart.measures[0].values[2025 - 2017]) == Approx(100.0));
}

TEST_CASE("report: Markdown in Danish and English", "[report]") {
    const auto& d = test::hand_report();
    const auto da = render_report(d, Format::md, Lang::da);
    CHECK_THAT(da, Contains("# Testby — Fremdriftsrapport 2023"));
    // Whole tonnes, Danish thousands point; −77.912 % = (100 − 452.7348)/452.7348. The base year is
    // the reference year (2017), so its columns are shown once: reference/base, latest, change, BAU,
    // target 244.476792, planned 200, remaining gap −44.476792
    CHECK_THAT(da,
               Contains("| Sektor | Reference- og basisår 2017 | Seneste 2023 | Ændring ift. reference | BAU 2030 |"));
    CHECK_THAT(da, Contains("| Energi | 453 | 100 | -77,9 % | 400 | 244 | 200 | -44 |"));
    // Totals: (100 − 441.3748)/441.3748 = −77.3 %; BAU 450; target 238.342392; planned 250; gap −38.342392
    CHECK_THAT(da, Contains("| I alt inkl. LULUCF | 441 | 100 | -77,3 % | 450 | 238 | 250 | -38 |"));
    // Excl. LULUCF: 521.3748 in 2017, (100 − 521.3748)/521.3748 = −80.8 %; BAU 500; no target
    CHECK_THAT(da, Contains("| I alt ekskl. LULUCF | 521 | 100 | -80,8 % | 500 | – | 250 | – |"));
    // landbrug: no 2023 inventory → "–", never 0; target 42 × 0.54 = 22.68
    CHECK_THAT(da, Contains("| Landbrug | 42 | – | – | 0 | 23 | 0 | -23 |"));
    // Danish names measures by name only (the id is a code)
    CHECK_THAT(da, Contains("| Vindmøller | Teknik og Miljø | 2021 | 2030 | 60 | 50 | bagud | 200 | – |"));
    CHECK_THAT(da, Contains("| Elbusser | – | 2025 | 2025 | 0 | – | ikke startet | 50 | – |"));
    CHECK_THAT(da, Contains("Budgettet er opbrugt i: 2041"));
    CHECK_THAT(da, Contains("Budgettet rækker (år): 24,6"));
    CHECK_THAT(da, Contains("Kumuleret budget (Budgetår 2017–2050): 7.022 t CO2e"));  // 7022.273068
    CHECK_THAT(da, Contains("| Delmål -46,0 % i forhold til 2017 | 2030 | 238 | test fixture |"));
    // The gap by year says which years are inventories and which projected
    CHECK_THAT(da, Contains("| 2030 | fremskrevet | 450 | 200 | 238 | -38 |"));
    CHECK_THAT(da, Contains("| 2017 | opgjort | 450 | 450 |"));
    CHECK_THAT(da, Contains("År: 2017 opgjort, 2018–2050 fremskrevet (fremskrevet fra opgørelsen for 2017)"));
    CHECK_THAT(da, Contains("Tiltaget «Elbusser» har ingen ansvarlig."));  // by name, not by the id elbusser

    const auto en = render_report(d, Format::md, Lang::en);
    CHECK_THAT(en, Contains("| Energy | 453 | 100 | -77.9 % | 400 | 244 | 200 | -44 |"));
    CHECK_THAT(en, Contains("| Vindmøller (vind) | Teknik og Miljø | 2021 | 2030 | 60 | 50 | behind | 200 | – |"));
    CHECK_THAT(en, Contains("Budget lasts (years): 24.6"));
    CHECK_THAT(en, Contains("Measure elbusser has no owner."));
    CHECK_THAT(en, Contains("The plan has 1 interim target(s)"));
    // CH4 and N2O are missing from the 2023 inventory
    CHECK_THAT(en, Contains("The gas CH4 is not covered by the 2023 inventory."));
}

TEST_CASE("report: CSV, one figure a line", "[report]") {
    const auto csv = render_report(test::hand_report(), Format::csv, Lang::en);
    CHECK(csv.rfind("table,key,name,column,value\n", 0) == 0);
    CHECK_THAT(csv, Contains("sectors,energi,Energy,target_2030_t,244.477\n"));
    CHECK_THAT(csv, Contains("sectors,energi,Energy,change_vs_reference,-0.779120\n"));
    CHECK_THAT(csv, Contains("sectors,landbrug,Agriculture,latest_t,\n"));  // missing: empty, not 0
    CHECK_THAT(csv, Contains("sectors,total_excl_lulucf,Total excl. LULUCF,reference_t,521.375\n"));
    CHECK_THAT(csv, Contains("gap,2030,Total,gap_t,-38.342\n"));
    CHECK_THAT(csv, Contains("budget,budget,Cumulative budget,t,7022.273\n"));
    CHECK_THAT(csv, Contains("budget,exhausted_in,Budget exhausted in,year,2041\n"));
    CHECK_THAT(csv, Contains("sector_gap,transport/2030,Transport,gap_t,35.614\n"));  // 50 − 26.64 × 0.54
    CHECK_THAT(csv, Contains("measures,vind,Vindmøller,status,behind\n"));
    CHECK_THAT(csv, Contains("check,measure_without_owner,elbusser,finding,Measure elbusser has no owner.\n"));
    // Every line has five fields (no unquoted comma in names or sources)
    const auto table = io::CsvTable::parse(csv, "report.csv", {"table", "key", "name", "column", "value"});
    CHECK(table.rows().size() > 300);
}

TEST_CASE("report: JSON with nulls for missing figures", "[report]") {
    const auto j = nlohmann::json::parse(render_report(test::hand_report(), Format::json, Lang::da));
    CHECK(j["report_year"] == 2023);
    CHECK(j["budget"]["exhausted_in"] == 2041);
    CHECK(j["budget"]["years_lasting"].get<double>() == Approx(24.61136534));
    CHECK(j["gap"]["milestone"]["gap_t"].get<double>() == Approx(-38.342392));
    CHECK(j["target_path"]["anchors"][1]["t"].get<double>() == Approx(238.342392));
    const auto& sectors = j["progress"]["sectors"];
    CHECK(sectors[0]["key"] == "energi");
    CHECK(sectors[0]["latest_t"].get<double>() == Approx(100.0));
    CHECK(sectors[2]["key"] == "landbrug");
    CHECK(sectors[2]["latest_t"].is_null());
    CHECK(j["progress"]["totals"]["excl_lulucf"]["target_2030_t"].is_null());
    CHECK(j["progress"]["measures"][0]["status"] == "behind");
    CHECK(j["progress"]["measures"][0]["status_text"] == "bagud");
    // Latest inventory 2023 is current; findings: CH4, N2O, the base year 2017 wholly on illustrative factors
    // (every fixture factor is; 100 % > 10 %), 1 interim target, neutrality missed in 2050 (scenario
    // 400 + 100 − 50 − 200 − 50 = 200 t against a path of 0), elbusser without owner
    CHECK(j["dk2020_check"].size() == 6);
    std::vector<std::string> kinds;
    for (const auto& f : j["dk2020_check"]) kinds.push_back(f["kind"]);
    CHECK(kinds == std::vector<std::string>{"gas_not_covered", "gas_not_covered", "base_year_uncertain_factors",
                                            "too_few_interim_targets", "target_missed", "measure_without_owner"});
    for (const auto& f : j["dk2020_check"])
        if (f["kind"] == "target_missed") CHECK_THAT(f["text"].get<std::string>(), Catch::Contains("2050"));
}

TEST_CASE("report: self-contained HTML with three SVG charts", "[report]") {
    const auto html = render_report(test::hand_report(), Format::html, Lang::da);
    CHECK(test::occurrences(html, "<svg ") == 3);
    CHECK(test::occurrences(html, "<polyline class=\"target-path\"") == 2);  // trajectory and wedge charts
    CHECK(test::occurrences(html, "<path class=\"wedge\"") == 2);            // one per measure
    // Bars: 2017 and every fifth year 2020–2050 = 8 columns × 3 sectors
    CHECK(test::occurrences(html, "<rect class=\"bar\"") == 24);
    // Inventory points: the fixture inventories 2017 and 2023
    CHECK(test::occurrences(html, "<circle class=\"inventory\"") == 2);
    CHECK_THAT(html, Contains("<title>Udledning og målsti</title>"));
    // Nothing fetched from elsewhere
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("href=") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}

// Unknown language and format names are the CLI's to refuse (test_cli_exit_codes.cpp): the engine takes enums.
TEST_CASE("report: XLSX is only written to a file, and the engine's errors name no flag", "[report]") {
    CHECK_THROWS_WITH(render_report(test::hand_report(), Format::xlsx, Lang::da),
                      Contains("write_report_xlsx") && !Contains("--"));
    CHECK_THROWS_WITH(write_report_xlsx(test::hand_report(), Lang::da, "/nonexistent/dir/r.xlsx"),
                      Contains("/nonexistent/dir/r.xlsx") && Contains("writable") && !Contains("--out"));
}

TEST_CASE("report: the summary comes first and says on track or not, the largest measures and sources", "[report]") {
    const auto& d = test::hand_report();
    const auto da = render_report(d, Format::md, Lang::da);
    // The summary is the first section, before the targets
    CHECK(da.find("## Status i korte træk") < da.find("## Mål"));
    // 2030: scenario 200 − target path 238.342392 = −38.342392: 38 t under the path
    CHECK_THAT(
        da, Contains("- På sporet i 2030: scenariet ligger 38 t CO2e under målstien (scenarie 200 t, målsti 238 t)."));
    // Planned 2030 effects: vind 200 t (20 × 10 years to 2030), elbusser 50 t; only two measures
    CHECK_THAT(da, Contains("- De tre største tiltag efter effekt 2030: Vindmøller (200 t), Elbusser (50 t)\n"));
    // Scenario 2030 by sector: energi 400 − 200 = 200, transport 100 − 50 = 50, LULUCF −50 is a sink, not listed
    CHECK_THAT(da,
               Contains("- De tre største tilbageværende kilder 2030 (scenarie): Energi (200 t), Transport (50 t)\n"));
    const auto en = render_report(d, Format::md, Lang::en);
    CHECK_THAT(en, Contains("## Summary"));
    CHECK_THAT(en, Contains("The three largest measures by effect 2030: Vindmøller (vind) (200 t), Elbusser "
                            "(elbusser) (50 t)"));
    // The HTML shows the summary before its charts
    const auto html = render_report(d, Format::html, Lang::da);
    CHECK(html.find("<section id=\"summary\">") < html.find("<svg "));
}

// Inputs that once gave a wrong or misleading answer (issue 20, defects 12,
// 13 and 14): a seed above 2^31 − 1, a multiplier so large that totals became
// -nan, a targets file of another municipality, and measure ids that carry
// markup.
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/io/proposal_file.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/io/targets_file.hpp"
#include "klima/targets.hpp"

#include <catch2/catch.hpp>

using Catch::Contains;
using klima::test::fixture;

namespace {

const char* kUncertainGas = R"({"inputs": [{"factor": {"carrier": "naturgas"}, "dist": {"normal": {"sd": 0.1}}}]})";

std::string mc_args(const klima::test::TempDir& dir) {
    return "scenario mc " + fixture("scenario/two_measures.json") + " --data-dir " + fixture("scenario/data") +
           " --uncertainty " + dir.write("u.json", kUncertainGas) + " --draws 3 --format json";
}

// A one-measure scenario as text, with `id` as the measure's id (JSON-escaped by the caller).
std::string scenario_with_id(const std::string& id) {
    return R"({"name": "ids", "municipality": "testby", "base_year": 2017, "activity": "a.csv", "drivers": "d.csv",
              "measures": [{"id": ")" +
           id + R"(", "name": "x", "owner": "x", "start_year": 2021, "full_effect_year": 2025, "cost_dkk": 0,
              "source": "test", "effects": [{"op": "reduce", "rows": {"subsector": "personbiler"}, "share": 0.1}]}]})";
}

std::string id_error(const std::string& id) {
    try {
        klima::io::parse_scenario(scenario_with_id(id), "s.json");
    } catch (const klima::Error& e) {
        CHECK(e.where().field == "/measures/0/id");
        return e.problem();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("seeds: --seed takes the whole unsigned 64-bit range, and says so past it", "[cli][mc]") {
    klima::test::TempDir dir;
    for (const char* seed : {"2147483648", "4294967296", "18446744073709551615"}) {  // 2^31, 2^32, 2^64 − 1
        INFO(seed);
        const auto r = klima::test::run_cli(mc_args(dir) + " --seed " + seed);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains(std::string("\"seed\": ") + seed));
    }
    const auto over = klima::test::run_cli(mc_args(dir) + " --seed 18446744073709551616");  // 2^64
    CHECK(over.exit_code == 2);
    CHECK_THAT(over.err, Contains("--seed") && Contains("larger than 18446744073709551615"));
    const auto word = klima::test::run_cli(mc_args(dir) + " --seed 12x");
    CHECK(word.exit_code == 2);
    CHECK_THAT(word.err, Contains("'12x' is not a whole number"));
}

TEST_CASE("a distribution drawing more than 10 × the value is refused at its input, not as -nan later", "[mc]") {
    klima::test::TempDir dir;
    // issue 20: uniform 0 1e300 on an activity made totals -nan and blamed a measure
    const auto u = dir.write("u.json", R"({"inputs": [{"activity": {"subsector": "personbiler"},
                                           "dist": "uniform 0 1e300"}]})");
    const auto r = klima::test::run_cli("scenario mc " + fixture("scenario/two_measures.json") + " --data-dir " +
                                        fixture("scenario/data") + " --uncertainty " + u + " --draws 3");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(u + ": field '/inputs/0/dist") && Contains("at most 10") && !Contains("nan"));
    // 10 itself is allowed: uniform 0.5 10 draws multipliers up to ten times the value
    const auto ten = dir.write("ten.json", R"({"inputs": [{"activity": {"subsector": "personbiler"},
                                              "dist": {"uniform": {"low": 0.5, "high": 10}}}]})");
    CHECK(klima::test::run_cli("scenario mc " + fixture("scenario/two_measures.json") + " --data-dir " +
                               fixture("scenario/data") + " --uncertainty " + ten + " --draws 3")
              .exit_code != 3);
}

TEST_CASE("a targets file of another municipality is refused, naming both", "[targets][report]") {
    klima::test::TempDir dir;
    // issue 20: a Koege report measured against Ballerup's 85 % cut was accepted silently
    const std::string ballerup =
        "{\"municipality\": \"ballerup\", \"name\": \"Ballerup (test)\", \"scope\": \"territorial_incl_lulucf\", "
        "\"reference_year\": 2017, \"interim_targets\": [{\"year\": 2030, \"reduction_pct\": 85, "
        "\"against_year\": 2017, \"source\": \"test\"}], \"neutrality\": {\"year\": 2050, \"source\": \"test\"}}";
    const auto other = dir.write("ballerup.json", ballerup);
    const auto r = klima::test::run_cli("report --scenario " + fixture("scenario/two_measures.json") + " --data-dir " +
                                        fixture("scenario/data") + " --year 2023 --targets " + other);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(other + ": field '/municipality'") && Contains("'ballerup'") && Contains("'testby'") &&
                          Contains("two_measures.json"));
    CHECK(r.out.empty());
    // the national targets apply to any municipality (the DK2020 convention, docs/reports.md)
    auto national = klima::io::load_targets(std::string(KLIMA_TEST_DIR) + "/../data/targets/national.json");
    CHECK_NOTHROW(klima::require_same_municipality(national, "testby", "s.json"));
    national.municipality = "ballerup";
    CHECK_THROWS_WITH(klima::require_same_municipality(national, "testby", "s.json"),
                      Contains("for 'ballerup', but the scenario s.json is for 'testby'"));
    // the scenario's own targets (testby) pass
    CHECK(klima::test::run_cli("report --scenario " + fixture("scenario/two_measures.json") + " --data-dir " +
                               fixture("scenario/data") + " --year 2023 --format json")
              .exit_code == 0);
}

TEST_CASE("measure and growth ids are [A-Za-z0-9_-]{1,64}, refused naming the JSON path", "[scenario][errors]") {
    CHECK(id_error("heat_pumps-2030") == "accepted");
    CHECK(id_error(std::string(64, 'a')) == "accepted");
    CHECK_THAT(id_error(std::string(65, 'a')), Contains("longer than 64 characters"));
    CHECK_THAT(id_error(R"(x\"><svg\tonload=alert(1)>)"), Contains("other than A–Z"));  // issue 20, defect 3
    CHECK_THAT(id_error("varmepumpe/øst"), Contains("other than A–Z"));
    CHECK_THAT(id_error("a b"), Contains("other than A–Z"));
    CHECK_THAT(id_error(""), Contains("non-empty"));
    try {
        klima::io::parse_proposal(R"({"name": "g", "growth": {"id": "<b>", "name": "g", "residents": 1,
            "from_year": 2026, "full_year": 2027, "source": "t"}})",
                                  "p.json", 2017);
        FAIL("a growth id with markup was accepted");
    } catch (const klima::Error& e) {
        CHECK(e.where().field == "/growth/id");
    }
}

// Bad proposals for klima impact: every error names the proposal file and the
// JSON path, and says how to fix it.
#include "support.hpp"

#include "klima/api/impact.hpp"
#include "klima/error.hpp"

#include <catch2/catch.hpp>

using klima::test::fixture;

namespace {

// The error of assessing `proposal` (written to a temp file) against the impact fixture plan.
klima::Error error_of(const std::string& proposal, std::optional<int> from_year = 2017) {
    klima::test::TempDir dir;
    klima::api::ImpactRequest r;
    r.scenario.scenario_file = fixture("impact/plan.json");
    r.scenario.data_dir = fixture("scenario/data");
    r.scenario.from_year = from_year;
    r.proposal_file = dir.write("p.json", proposal);
    try {
        klima::api::assess_impact(r);
    } catch (const klima::Error& e) {
        CHECK(e.where().file == r.proposal_file);
        return e;
    }
    FAIL("no error for " << proposal);
    return klima::Error({}, "");
}

const std::string kMeasureHead =
    R"({"name": "p", "measures": [{"id": "x", "name": "x", "owner": "o", "start_year": 2026, "phase_in": "step",
        "cost_dkk": 0, "source": "test", )";

}  // namespace

TEST_CASE("impact errors: a preset parameter out of range names its JSON path", "[impact]") {
    const auto e = error_of(kMeasureHead + R"("type": "heat_pumps", "params": {"households": 10,
        "heat_mwh_per_household": 15, "from_carrier": "naturgas", "boiler_efficiency": 0.9, "cop": 12}}]})");
    CHECK(e.where().field == "/measures/0/params/cop");
    CHECK(e.kind() == klima::ErrorKind::input);
    CHECK_FALSE(e.fix().empty());
}

TEST_CASE("impact errors: a misspelt key of an effect is refused", "[impact]") {
    const auto e = error_of(kMeasureHead + R"("effects": [{"op": "reduce", "rows": {"sector": "transport"},
        "shrae": 0.1}]}]})");
    CHECK(e.where().field.rfind("/measures/0/effects/0", 0) == 0);
}

TEST_CASE("impact errors: a proposal measure reusing a plan id, or starting before the launch", "[impact]") {
    auto reuse = kMeasureHead + R"("effects": [{"op": "reduce", "rows": {"subsector": "lastbiler"}, "share": 0.1}]}]})";
    reuse.replace(reuse.find("\"id\": \"x\""), 9, "\"id\": \"elbusser\"");
    const auto e1 = error_of(reuse);
    CHECK(e1.where().field == "/measures/0/id");
    // A plan measure's id is a repeat of that measure (issue 25): refused when it does something else.
    CHECK_THAT(e1.problem(),
               Catch::Contains("has the id of a measure of the scenario") && Catch::Contains("does something else"));

    auto early = kMeasureHead + R"("effects": [{"op": "reduce", "rows": {"subsector": "lastbiler"}, "share": 0.1}]}]})";
    early.replace(early.find("2026"), 4, "2023");
    const auto e2 = error_of(early, std::nullopt);  // launched from the 2023 inventory
    CHECK(e2.where().field == "/measures/0/start_year");
    CHECK_THAT(e2.fix(), Catch::Contains("2024"));
}

TEST_CASE("impact errors: growth on a subsector no inventory holds, and an empty proposal", "[impact]") {
    const auto e = error_of(R"({"name": "g", "growth": {"id": "g", "name": "g", "residents": 100,
        "from_year": 2026, "full_year": 2028, "per_inhabitant": ["energi/el", "lulucf/skov"], "source": "test"}})");
    CHECK(e.where().field == "/growth/per_inhabitant/1");
    CHECK_THAT(e.problem(), Catch::Contains("lulucf/skov"));

    const auto empty = error_of(R"({"name": "nothing"})");
    CHECK(empty.where().field == "/measures");

    const auto unknown = error_of(R"({"name": "g", "growth": {"id": "g", "name": "g", "residents": 100,
        "from_year": 2026, "full_year": 2028, "source": "test", "resident": 3}})");
    CHECK(unknown.where().field == "/growth/resident");
}

TEST_CASE("impact errors: a growth.activity row listed twice is refused naming both paths (issue 20)", "[impact]") {
    // 900 + 900 MWh of el would have been summed to 1,800 MWh where one entry was meant
    const std::string row = R"({"row": {"sector": "energi", "subsector": "el", "carrier": "el"},
        "amount": {"value": 900, "unit": "MWh"}, "source": "test"})";
    const auto e = error_of(R"({"name": "g", "growth": {"id": "g", "name": "g", "residents": 100,
        "from_year": 2026, "full_year": 2028, "source": "test", "activity": [)" +
                            row + ", " + row + "]}}");
    CHECK(e.where().field == "/growth/activity/1");
    CHECK_THAT(e.problem(), Catch::Contains("energi/el/el is listed twice") &&
                                Catch::Contains("/growth/activity/0 and /growth/activity/1"));
}

TEST_CASE("impact errors: an unknown per_inhabitant subsector names its JSON path (issue 20)", "[impact]") {
    const auto e = error_of(R"({"name": "g", "growth": {"id": "g", "name": "g", "residents": 100,
        "from_year": 2026, "full_year": 2028, "per_inhabitant": ["energi/el", "energi/bogus"], "source": "test"}})");
    CHECK(e.where().field == "/growth/per_inhabitant/1");  // not 'subsector'
    CHECK_THAT(e.problem(), Catch::Contains("unknown subsector 'bogus'"));
}

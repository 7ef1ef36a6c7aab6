#include "support.hpp"

#include "klima/error.hpp"
#include "klima/io/targets_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace klima;
using Catch::Contains;

namespace {

const std::string kValid = R"({
  "municipality": "testby", "name": "Testby", "scope": "territorial_excl_lulucf", "reference_year": 1990,
  "interim_targets": [
    {"year": 2025, "reduction_pct": 50, "against_year": 1990, "source": "a"},
    {"year": 2030, "reduction_pct": 70, "against_year": 1990, "source": "b"}
  ],
  "neutrality": {"year": 2050, "source": "c"}
})";

// kValid with `from` replaced by `to` (once).
std::string edit(const std::string& from, const std::string& to) {
    std::string s = kValid;
    const auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("targets file: a valid file", "[targets_file]") {
    const auto t = io::parse_targets(kValid, "t.json");
    CHECK(t.municipality == "testby");
    CHECK(t.scope == TargetScope::excl_lulucf);
    CHECK(t.reference_year == 1990);
    REQUIRE(t.interim.size() == 2);
    // 70 % → 0.70
    CHECK(units::in_count(t.interim[1].reduction) == Approx(0.70));
    CHECK(t.interim[1].source == "b");
    CHECK(t.neutrality_year == 2050);
    CHECK(t.file == "t.json");

    const auto f = io::load_targets(test::fixture("targets/testby.json"));
    // stated 1990 level: 1000 t
    CHECK(units::in_tonnes(f.stated_emissions.at(1990)) == Approx(1000.0));
    CHECK(f.stated_sources.at(1990) == "illustrative: test fixture");
}

TEST_CASE("targets file: every error names the file, JSON path and a fix", "[targets_file]") {
    CHECK_THROWS_WITH(io::parse_targets("{", "t.json"), Contains("t.json") && Contains("malformed JSON"));
    CHECK_THROWS_WITH(io::parse_targets("[1]", "t.json"), Contains("expected an object"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("name": "Testby", )", ""), "t.json"),
                      Contains("/name") && Contains("missing key 'name'"));
    CHECK_THROWS_WITH(io::parse_targets(edit("territorial_excl_lulucf", "all"), "t.json"),
                      Contains("/scope") && Contains("territorial_incl_lulucf or territorial_excl_lulucf"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("reference_year": 1990)", R"("reference_year": 1980)"), "t.json"),
                      Contains("/reference_year") && Contains("outside 1990–2050"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("reference_year": 1990)", R"("reference_year": "1990")"), "t.json"),
                      Contains("whole number"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("reduction_pct": 70)", R"("reduction_pct": 170)"), "t.json"),
                      Contains("/interim_targets/1/reduction_pct") && Contains("outside 0–100 %"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("reduction_pct": 70)", R"("reduction_pct": "70")"), "t.json"),
                      Contains("expected a number"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("year": 2030)", R"("year": 2020)"), "t.json"),
                      Contains("/interim_targets/1/year") && Contains("increasing year order"));
    CHECK_THROWS_WITH(
        io::parse_targets(edit(R"("year": 2050, "source": "c")", R"("year": 2055, "source": "c")"), "t.json"),
        Contains("/neutrality/year") && Contains("after 2050") && Contains("2050 at the latest"));
    CHECK_THROWS_WITH(
        io::parse_targets(edit(R"("year": 2050, "source": "c")", R"("year": 2028, "source": "c")"), "t.json"),
        Contains("/interim_targets/1/year"));
    CHECK_THROWS_WITH(
        io::parse_targets(edit(R"("year": 2050, "source": "c")", R"("year": 1990, "source": "c")"), "t.json"),
        Contains("/neutrality/year") && Contains("not after the reference year"));
    CHECK_THROWS_WITH(
        io::parse_targets(edit(R"("against_year": 1990, "source": "b")", R"("against_year": 2030, "source": "b")"),
                          "t.json"),
        Contains("/interim_targets/1/against_year") && Contains("earlier year"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("source": "a")", R"("source": "")"), "t.json"),
                      Contains("/interim_targets/0/source") && Contains("non-empty string"));
    CHECK_THROWS_WITH(io::parse_targets(edit(R"("interim_targets": [)", R"("interim_targets": 3, "x": [)"), "t.json"),
                      Contains("/interim_targets") && Contains("expected an array"));
    CHECK_THROWS_WITH(io::load_targets("/nonexistent/targets.json"), Contains("/nonexistent/targets.json"));
}

TEST_CASE("targets file: the bundled targets under data/targets parse and cite sources", "[targets_file]") {
    const std::string dir = std::string(KLIMA_TEST_DIR) + "/../data/targets";
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto t = io::load_targets(e.path().string());
        CHECK(t.neutrality_year <= 2050);
        for (const auto& it : t.interim) CHECK_FALSE(it.source.empty());
        ++files;
    }
    CHECK(files == 3);
    const auto koege = io::load_targets(dir + "/koege.json");
    // Køge: −46 % by 2030 against 2017, neutral 2050
    CHECK(koege.reference_year == 2017);
    CHECK(units::in_count(koege.interim.at(0).reduction) == Approx(0.46));
    CHECK(koege.interim.at(0).against_year == 2017);
    const auto ballerup = io::load_targets(dir + "/ballerup.json");
    CHECK(units::in_count(ballerup.interim.at(0).reduction) == Approx(0.85));
    CHECK(ballerup.neutrality_year == 2045);
    const auto national = io::load_targets(dir + "/national.json");
    CHECK(units::in_count(national.interim.at(1).reduction) == Approx(0.70));
    CHECK(national.interim.at(1).against_year == 1990);
}

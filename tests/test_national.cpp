// The national monitor on the real Energi- og CO2-regnskab figures (data/national/): the reader's
// checks, forecasts computed by hand, the national sum, the map, the API answer reader.
#include "support.hpp"

#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/targets_file.hpp"
#include "klima/national/national_map.hpp"
#include "klima/national/national_report.hpp"
#include "klima/national/national_status.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <regex>
#include <set>

using namespace klima;
using namespace klima::national;
using Catch::Contains;

namespace {

const std::string kData = std::string(KLIMA_TEST_DIR) + "/../data";

double t(units::Mass m) { return m.value() / 1000.0; }

const NationalStatus& real_status() {
    static const NationalStatus s = [] {
        NationalParams p;
        p.threads = 2;
        return compute_status(load_national(kData + "/national"), load_coded_targets(kData + "/targets"), p);
    }();
    return s;
}

const MunicipalityStatus& of(const NationalStatus& s, const std::string& code) {
    const auto m = s.data.find(code);
    REQUIRE(m);
    return s.municipalities[*m];
}

// A small data set of two municipalities and two years; `edit` changes its emissions text.
const std::string kMunicipalities =
    "kommunekode,kommune,regionskode,region,center_lon,center_lat\n"
    "0101,A,1084,Region Hovedstaden,12.5,55.7\n"
    "0825,B,1081,Region Nordjylland,11.0,57.3\n";
const std::string kEmissions =
    "kommunekode,kommune,year,sector,t_co2e\n"
    "0101,A,2018,energi,60\n0101,A,2018,transport,30\n0101,A,2018,landbrug,5\n0101,A,2018,affald,3\n"
    "0101,A,2018,industri,2\n0101,A,2018,samlet,100\n"
    "0101,A,2019,energi,50\n0101,A,2019,transport,25\n0101,A,2019,landbrug,5\n0101,A,2019,affald,3\n"
    "0101,A,2019,industri,2\n0101,A,2019,samlet,85\n"
    "0825,B,2018,energi,8\n0825,B,2018,transport,3\n0825,B,2018,landbrug,-21\n0825,B,2018,affald,1\n"
    "0825,B,2018,industri,0\n0825,B,2018,samlet,-9\n"
    "0825,B,2019,energi,6\n0825,B,2019,transport,3\n0825,B,2019,landbrug,-20\n0825,B,2019,affald,1\n"
    "0825,B,2019,industri,0\n0825,B,2019,samlet,-10\n";
const std::string kPerCapita =
    "kommunekode,kommune,year,t_co2e_per_inhabitant,ve_el_selvforsyning\n"
    "0101,A,2018,10,0.1\n0101,A,2019,8.5,0.2\n0825,B,2018,-4.5,1.2\n0825,B,2019,-5,1.3\n";

NationalData small(const std::string& emissions = kEmissions, const std::string& per_capita = kPerCapita) {
    return parse_national(
        {kMunicipalities, emissions, per_capita, "municipalities.csv", "emissions.csv", "per-capita.csv"});
}

// SVG path data as national_map writes it: M for the first point, L for the others, one decimal, Z.
std::string fmt_path(const std::vector<std::pair<double, double>>& points) {
    std::string out;
    char buf[64];
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s%.1f %.1f", i ? "L" : "M", points[i].first, points[i].second);
        out += buf;
    }
    return out + "Z";
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("the real figures: 98 municipalities, 2018-2023, and the 2023 sum is the data's own 34,039,454 t",
          "[national]") {
    const auto& s = real_status();
    CHECK(s.data.municipalities.size() == 98);
    CHECK(s.data.years == std::vector<int>{2018, 2019, 2020, 2021, 2022, 2023});
    // Σ samlet over the 98 for 2023, as the README states it: 34,039,454.1 t.
    CHECK(t(s.national.total.back()) == Approx(34039454.1).margin(1));
    // 2018: 45.5 Mt and 2022: 36.7 Mt (README), to 0.1 Mt.
    CHECK(t(s.national.total.front()) / 1e6 == Approx(45.5).margin(0.05));
    CHECK(t(s.national.total[4]) / 1e6 == Approx(36.7).margin(0.05));
}

TEST_CASE("Køge's three forecasts, computed by hand from its six totals", "[national]") {
    // Køge (0259) samlet 2018..2023: 501033.8, 454018.5, 437668.2, 436962.8, 392577.7, 375121.8 t.
    // Years centred on x̄ = 2020.5: dx = −2.5, −1.5, −0.5, 0.5, 1.5, 2.5; Σdx² = 2 (6.25 + 2.25 + 0.25) = 17.5.
    // ȳ = 2597382.8 / 6 = 432897.133.
    // Σdx·y = 2.5 (375121.8 − 501033.8) + 1.5 (392577.7 − 454018.5) + 0.5 (436962.8 − 437668.2)
    //       = 2.5 (−125912.0) + 1.5 (−61440.8) + 0.5 (−705.4) = −314780.0 − 92161.2 − 352.7 = −407293.9
    // slope = −407293.9 / 17.5 = −23273.937 t a year.
    // linear 2030 = 432897.133 − 23273.937 × (2030 − 2020.5) = 432897.133 − 221102.40 = 211794.73 t.
    // zero: 2020.5 + 432897.133 / 23273.937 = 2020.5 + 18.600 = 2039.10 → first whole year 2040.
    // Holt α = 0.5, β = 0.3 from ℓ = 501033.8, b = −47015.3 gives ℓ₂₀₂₃ = 363770.98, b₂₀₂₃ = −27754.60:
    // smoothed 2030 = 363770.98 − 7 × 27754.60 = 169488.78 t.
    // cautious: recent (2021-2023) slope = (375121.8 − 436962.8) / 2 = −30920.5; the slower is −23273.937;
    // from max(375121.8, 432897.133 − 2.5 × 23273.937 = 374712.29) = 375121.8:
    // 375121.8 − 7 × 23273.937 = 212204.24 t.
    const auto& k = of(real_status(), "0259");
    CHECK(t(k.trend.per_year) == Approx(-23273.937).margin(0.01));
    CHECK(t(k.forecast[0]) == Approx(211794.73).margin(0.01));
    CHECK(t(k.forecast[1]) == Approx(169488.78).margin(0.01));
    CHECK(t(k.forecast[2]) == Approx(212204.24).margin(0.01));
    CHECK(k.zero_year == 2040);
    // Carbon Law: 375121.8 × 0.8828^7 = 375121.8 × 0.41787 = 156750.37 t.
    CHECK(t(k.carbon_law) == Approx(156750.37).margin(0.1));
    // Its own target (data/targets/koege.json, code 0259): −46 % against 2017, which the regnskab
    // does not have, so 2018 is used: 0.54 × 501033.8 = 270558.25 t; all three forecasts are below.
    REQUIRE(k.target.on_file);
    CHECK(k.target.base_year_used == 2018);
    CHECK(t(k.target.level) == Approx(270558.25).margin(0.01));
    CHECK(k.target.on_track == std::array<bool, 3>{true, true, true});
    // Population, derived: 375121.8 / 6.006 = 62458.2.
    CHECK(k.population.back().value() == Approx(62458.2).margin(0.1));
}

TEST_CASE("Ballerup's linear forecast falls below zero and is floored at 0", "[national]") {
    // Ballerup (0151): 272946.4, 209519.1, 205285.3, 197387.1, 164278.4, 141758.0 t; ȳ = 1191174.3 / 6 = 198529.05.
    // Σdx·y = 2.5 (141758.0 − 272946.4) + 1.5 (164278.4 − 209519.1) + 0.5 (197387.1 − 205285.3)
    //       = −327971.0 − 67861.05 − 3949.1 = −399781.15; slope = −399781.15 / 17.5 = −22844.637.
    // linear 2030 = 198529.05 − 22844.637 × 9.5 = −18495.0 → floored at 0.
    // zero: 2020.5 + 198529.05 / 22844.637 = 2029.19 → 2030.
    const auto& b = of(real_status(), "Ballerup");
    CHECK(t(b.trend.per_year) == Approx(-22844.637).margin(0.01));
    CHECK(t(b.forecast[0]) == 0.0);
    CHECK(b.zero_year == 2030);
    // cautious: recent slope (141758.0 − 197387.1) / 2 = −27814.55, the slower −22844.637, from 141758.0:
    // 141758.0 − 7 × 22844.637 = −18154.46 → 0.
    CHECK(t(b.forecast[2]) == 0.0);
    REQUIRE(b.target.on_file);
    CHECK(t(b.target.level) == Approx(0.15 * 272946.4).margin(0.01));  // −85 % against 2017 → 2018
}

TEST_CASE("a municipality without a target file says so, and the counts cover the two on file", "[national]") {
    const auto& s = real_status();
    CHECK_FALSE(of(s, "0101").target.on_file);
    CHECK(s.national.with_target == 2);
    CHECK(s.national.on_track == std::array<int, 3>{2, 2, 2});
    const auto j = nlohmann::json::parse(municipality_json(s, *s.data.find("0101")));
    CHECK(j["municipality"]["target"]["status"] == "no target on file");
}

TEST_CASE("a municipality is found by its code with or without the leading zero, and by its name in any case",
          "[national]") {
    const auto& d = real_status().data;
    const auto kbh = d.find("0101");
    REQUIRE(kbh);
    CHECK(d.municipalities[*kbh].name == "København");
    CHECK(d.find("101") == kbh);  // a spreadsheet's 101 is kommunekode 0101
    CHECK(d.find("København") == kbh);
    CHECK(d.find("KØBENHAVN") == kbh);  // Ø (C3 98) folds to ø (C3 B8)
    CHECK(d.find("københavn") == kbh);
    const auto koege = d.find("259");
    REQUIRE(koege);
    CHECK(d.municipalities[*koege].code == "0259");
    CHECK(d.find("køge") == koege);
    CHECK_FALSE(d.find("10101"));  // five digits: no kommunekode
    CHECK_FALSE(d.find("9999"));
    CHECK_FALSE(d.find("Kbh"));
}

TEST_CASE("Læsø's negative totals are kept; a rising trend never reaches zero", "[national]") {
    const auto& s = real_status();
    const auto& l = of(s, "0825");
    CHECK(t(s.data.figures[*s.data.find("0825")].front().total) == Approx(-8013.1));
    CHECK_FALSE(l.change_share);  // no percentage of a negative start
    CHECK(t(l.budget) < 0);
    // Two years, A: 100 → 85 (falls 15 a year, zero after 85/15 = 5.67 → 2025); B: −9 → −10.
    const auto small_status = compute_status(small(), {}, NationalParams{});
    CHECK(small_status.municipalities[0].zero_year == 2025);
    CHECK(t(small_status.municipalities[0].forecast[0]) == 0.0);  // 85 − 15 × 11 < 0 → 0
    // B's trend falls from −10 (−1 a year): the floor is its latest total, −10.
    CHECK(t(small_status.municipalities[1].forecast[0]) == Approx(-10));
}

TEST_CASE("the bootstrap is the same on one thread and on four", "[national]") {
    NationalParams one, four;
    one.threads = 1;
    four.threads = 4;
    one.draws = four.draws = 200;
    const auto data = load_national(kData + "/national");
    const auto a = compute_status(data, {}, one), b = compute_status(data, {}, four);
    ThreadPool shared(3);  // a pool another run shares, as klima serve's
    const auto c = compute_status(data, {}, one, shared);
    for (std::size_t m = 0; m < a.municipalities.size(); ++m)
        for (std::size_t k = 0; k < 3; ++k) {
            REQUIRE(a.municipalities[m].mc[k] == b.municipalities[m].mc[k]);
            REQUIRE(a.municipalities[m].mc[k] == c.municipalities[m].mc[k]);
        }
    // The median of the linear forecast's draws lies near the forecast itself for Køge.
    const auto& k = of(a, "0259");
    CHECK(t(k.mc[0]) <= t(k.mc[1]));
    CHECK(t(k.mc[1]) <= t(k.mc[2]));
    CHECK(t(k.mc[1]) == Approx(211794.73).epsilon(0.1));
}

TEST_CASE("the map has one path per municipality, Christiansø left out and said so", "[national]") {
    const auto map = load_map(kData + "/national/municipalities.topo.json");
    CHECK(map.shapes.size() == 99);
    const auto html = render_national(real_status(), report::Format::html, report::Lang::en, &map);
    const std::regex path_re("<path data-code=\"(\\d{4})\"");
    std::set<std::string> codes;
    std::size_t paths = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), path_re); it != std::sregex_iterator(); ++it) {
        ++paths;
        codes.insert((*it)[1]);
    }
    CHECK(paths == 98);
    CHECK(codes.size() == 98);
    CHECK_FALSE(codes.count("0411"));
    CHECK_THAT(html, Contains("Christiansø (0411) is not a municipality"));
    CHECK_THAT(html, Contains("<title>Køge: "));
    CHECK_THAT(html, Contains("Kilde: Energi- og CO₂-regnskabet"));
}

TEST_CASE("TopoJSON arcs: delta-decoded, a negative index reversed", "[national]") {
    // Two arcs; scale 1, translate 0: arc 0 (0,0)→(2,0)→(2,2); arc 1 (2,2)→(0,0).
    const std::string topo = R"({"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
      "arcs":[[[0,0],[2,0],[0,2]],[[2,2],[-2,-2]]],
      "objects":{"k":{"type":"GeometryCollection","geometries":[
        {"type":"Polygon","arcs":[[0,1]],"properties":{"kode":"0101","navn":"A"}},
        {"type":"Polygon","arcs":[[-2,-1]],"properties":{"kode":"0102","navn":"B"}}]}}})";
    const auto map = read_map(topo, "t.json", 100, "k");
    // x scale: 100 / (2 × cos 56°) = 89.41 per degree; y the same per degree, flipped.
    const double k = 100 / (2 * std::cos(56.0 * M_PI / 180.0));
    CHECK(map.height == std::ceil(2 * k));
    CHECK(map.shapes[0].path == fmt_path({{0, 2 * k}, {100, 2 * k}, {100, 0}, {0, 2 * k}}));
    // Reversed: arc 1 backwards (0,0)→(2,2), then arc 0 backwards (2,2)→(2,0)→(0,0).
    CHECK(map.shapes[1].path == fmt_path({{0, 2 * k}, {100, 0}, {100, 2 * k}, {0, 2 * k}}));
    CHECK_THROWS_WITH(read_map(replaced(topo, "[[-2,-1]]", "[[7]]"), "t.json", 100, "k"),
                      Contains("arc index 7 out of range"));
}

TEST_CASE("bad national files: unknown code, duplicate row, missing year, each with file and line", "[national]") {
    CHECK_THROWS_WITH(small(replaced(kEmissions, "0825,B,2019,energi", "0999,B,2019,energi")),
                      Contains("emissions.csv:20") && Contains("unknown municipality code '0999'"));
    CHECK_THROWS_WITH(small(replaced(kEmissions, "0101,A,2019,industri", "0101,A,2019,affald")),
                      Contains("emissions.csv:12") && Contains("is given twice") && Contains("one row per"));
    std::string no_2019 = kPerCapita;
    no_2019 = replaced(no_2019, "0825,B,2019,-5,1.3\n", "");
    CHECK_THROWS_WITH(small(kEmissions, no_2019), Contains("per-capita.csv") &&
                                                      Contains("0825 (B) has no per-inhabitant figure for 2019") &&
                                                      Contains("import-api"));
    CHECK_THROWS_WITH(small(replaced(kEmissions, "0101,A,2019,samlet", "0101,A,2019,total")),
                      Contains("unknown sector 'total'"));
}

TEST_CASE("the regnskab's API answer: sectors summed as data/national keeps them", "[national]") {
    // Synthetic fixture: Energi 100000, Transport 150000, Landbrug 80000, Affaldsdeponi 3000 + Spildevand
    // 1500 = affald 4500, Kemiske processer 500; Samlet 335000 and 402000 → the smaller, 335000.
    const auto f = parse_api_answer(klima::io::read_file(test::fixture("national/answer-synthetic.json")), "a.json");
    CHECK(t(f.sectors[0]) == 100000);
    CHECK(t(f.sectors[3]) == 4500);
    CHECK(t(f.total) == 335000);
    CHECK(f.per_inhabitant.value() / 1000 == Approx(5.36));
    CHECK(f.renewable_electricity_share.value() == Approx(0.042));
    CHECK_THROWS_WITH(
        parse_api_answer(R"({"data": [{"sektor": "Skov", "type": "x", "enhed": "Ton CO2e", "værdi": 1}]})", "b.json"),
        Contains("b.json: field '/data/0/sektor'") && Contains("unknown sektor 'Skov'"));
    CHECK_THROWS_WITH(
        parse_api_answer(R"({"data": [{"sektor": "Energi", "type": "x", "enhed": "Ton CO2e", "værdi": "1"}]})",
                         "c.json"),
        Contains("c.json: field '/data/0/værdi'"));
    CHECK_THROWS_WITH(parse_api_answer(R"({"data": []})", "d.json"), Contains("lacks the Samlet row"));
    CHECK_THROWS_WITH(parse_api_answer(R"({"rows": []})", "e.json"), Contains("no array \"data\""));
}

TEST_CASE("a target file's municipality code is four digits; Køge's and Ballerup's name theirs", "[national]") {
    const auto targets = load_coded_targets(kData + "/targets");
    REQUIRE(targets.size() == 2);                   // national.json names no municipality
    CHECK(targets[0].municipality_code == "0151");  // ballerup.json, in file-name order
    CHECK(targets[1].municipality_code == "0259");  // koege.json
    const std::string bad = R"({"municipality": "x", "municipality_code": "259", "name": "X",
      "scope": "territorial_incl_lulucf", "reference_year": 2017, "interim_targets": [],
      "neutrality": {"year": 2050, "source": "s"}})";
    CHECK_THROWS_WITH(klima::io::parse_targets(bad, "x.json"),
                      Contains("x.json: field '/municipality_code'") && Contains("'259' is not four digits"));
}

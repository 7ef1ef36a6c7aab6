// The figures an officer reports beside an inventory: per inhabitant, sector
// shares, tonnes on illustrative and derived factors.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

using klima::test::run_cli;

namespace {

// tests/fixtures/data: el 200 kg/MWh in 2017, naturgas CO2 56.95 kg/GJ, CH4 and N2O 1 g/GJ (all illustrative);
// landfill (affald/deponi) by its own factor.
struct Folder {
    klima::test::TempDir dir;
    Folder() {
        dir.write("activity.csv",
                  "year,sector,subsector,carrier,quantity,unit,source\n"
                  "2017,energi,el,el,1000,MWh,x\n"
                  "2017,energi,individuel_opvarmning,naturgas,3600,GJ,y\n");
        dir.write("drivers.csv",
                  "year,population,households,vehicle_km_million,source\n"
                  "2017,1000,450,10,test: a town of 1000\n");
    }
    std::string args(const std::string& format) const {
        return "inventory --data-dir " + klima::test::fixture_data_dir() + " --data " + dir.file("activity.csv") +
               " --year 2017 --format " + format;
    }
};

}  // namespace

TEST_CASE("inventory: per inhabitant, sector shares and tonnes on illustrative factors", "[cli][officer]") {
    const Folder f;
    // el 1000 MWh × 200 kg = 200 t; naturgas 3600 GJ: CO2 205.02 t, CH4 3.6 kg × 28 = 0.1008 t,
    // N2O 3.6 kg × 265 = 0.954 t; total 406.0748 t, all energi (100 %), all on illustrative factors;
    // per inhabitant 406.0748 / 1000 = 0.4060748 t
    const auto json = run_cli(f.args("json"));
    REQUIRE(json.exit_code == 0);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j["per_inhabitant"]["inhabitants"].get<double>() == 1000.0);
    CHECK(j["per_inhabitant"]["source"] == "test: a town of 1000");
    CHECK(j["per_inhabitant"]["t_co2e_territorial"].get<double>() == Approx(0.4060748));
    CHECK(j["sectors"]["energi"]["share_pct"].get<double>() == Approx(100.0));
    CHECK(j["factor_status"]["illustrative"]["t_co2e"].get<double>() == Approx(406.0748));
    CHECK(j["factor_status"]["illustrative"]["pct_of_territorial"].get<double>() == Approx(100.0));
    CHECK(j["factor_status"]["illustrative"]["factors"].get<int>() == 4);  // el CO2e; naturgas CO2, CH4, N2O
    CHECK(j["factor_status"]["derived"]["t_co2e"].get<double>() == 0.0);

    const auto table = run_cli(f.args("table"));
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out,
               Catch::Contains("Per inhabitant incl. LULUCF") && Catch::Contains("0.41") &&
                   Catch::Contains("1000 inhabitants (" + f.dir.file("drivers.csv") + ":2: test: a town of 1000)") &&
                   Catch::Contains("406.1 t (100.0 %) of the territorial total rests on illustrative "
                                   "factors, 0.0 t (0.0 %) on derived ones"));

    const auto csv = run_cli(f.args("csv"));
    REQUIRE(csv.exit_code == 0);
    // the el row: share 100 %, 200 t / 1000 inhabitants = 0.2 t
    CHECK_THAT(csv.out, Catch::Contains("sector_share_pct,t_co2e_per_inhabitant\n") &&
                            Catch::Contains("test fixture,100.000,0.200000000\n"));
}

TEST_CASE("inventory without a drivers file: no per-inhabitant lines", "[cli][officer]") {
    const Folder f;
    std::filesystem::remove(f.dir.file("drivers.csv"));
    const auto table = run_cli(f.args("table"));
    REQUIRE(table.exit_code == 0);
    CHECK_THAT(table.out, !Catch::Contains("Per inhabitant"));
}

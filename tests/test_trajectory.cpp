#include "klima/error.hpp"
#include "klima/trajectory.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using units::in_tonnes;
using units::tonnes;

TEST_CASE("trajectory: totals by year, sector and cumulative", "[trajectory]") {
    Trajectory t({"energi/el", "energi/fjernvarme", "transport/busser"}, 2020, 2022);
    t.set(0, 2020, tonnes(100));
    t.set(1, 2020, tonnes(50));
    t.set(2, 2020, tonnes(30));
    t.add(2, 2021, tonnes(10));
    t.add(2, 2021, tonnes(5));
    // 2020: 100 + 50 + 30 = 180 t
    CHECK(in_tonnes(t.total(2020)) == Approx(180.0));
    // energi 2020: 100 + 50 = 150 t
    CHECK(in_tonnes(t.sector_total("energi", 2020)) == Approx(150.0));
    // "energ" is not a sector prefix of "energi/…"
    CHECK(in_tonnes(t.sector_total("energ", 2020)) == Approx(0.0));
    // 2021: 10 + 5 = 15 t; cumulative 2020–2022: 180 + 15 + 0 = 195 t
    CHECK(in_tonnes(t.cumulative(2020, 2022)) == Approx(195.0));
    CHECK(t.last_year() == 2022);
}

TEST_CASE("trajectory: arithmetic needs the same shape; years and rows are checked", "[trajectory]") {
    Trajectory a({"energi/el"}, 2020, 2021), b({"energi/el"}, 2020, 2021), c({"energi/el"}, 2020, 2022);
    a.set(0, 2021, tonnes(10));
    b.set(0, 2021, tonnes(4));
    // 10 − 4 = 6 t
    CHECK(in_tonnes((a - b).at("energi/el", 2021)) == Approx(6.0));
    CHECK_THROWS_AS(a - c, Error);
    CHECK_THROWS_WITH(a.at(0, 2030), Catch::Contains("year 2030 is outside the trajectory 2020–2021"));
    CHECK_THROWS_WITH(a.row("energi/gas"), Catch::Contains("no row 'energi/gas'"));
}

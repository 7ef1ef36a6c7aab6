// Reading only one year of an activity file (ActivityReadOptions::year, what
// klima inventory asks for): the other years' rows are not kept, but every row
// is still read and checked, with the same error as a whole read.
#include "support.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"

#include <catch2/catch.hpp>

using namespace klima;
using Catch::Contains;

namespace {

const std::string kHeader = "year,sector,subsector,carrier,quantity,unit,source\n";

io::ActivityReadOptions year(int y) {
    io::ActivityReadOptions o;
    o.year = y;
    return o;
}

// The error message of loading `body` with `options`, or "" when it loads.
std::string error_of(const std::string& body, const io::ActivityReadOptions& options = {}) {
    test::TempDir dir;
    const auto path = dir.write("a.csv", kHeader + body);
    try {
        io::load_activity(path, &test::fixture_reference(), options);
    } catch (const Error& e) {
        std::string what = e.what();  // without the temporary directory, wherever the message names the file
        for (auto at = what.find(path); at != std::string::npos; at = what.find(path))
            what.replace(at, path.size(), "a.csv");
        return what;
    }
    return "";
}

}  // namespace

TEST_CASE("one year: only its records are kept, in file order", "[io][activity]") {
    test::TempDir dir;
    const auto path = dir.write("a.csv", kHeader +
                                             "2017,energi,el,el,1000,MWh,a\n"
                                             "2023,energi,el,el,900,MWh,a\n"
                                             "2017,energi,fjernvarme,fjernvarme,500,MWh,a\n");
    const auto all = io::load_activity(path, &test::fixture_reference());
    const auto only = io::load_activity(path, &test::fixture_reference(), year(2017));
    REQUIRE(all.size() == 3);
    REQUIRE(only.size() == 2);
    CHECK(only[0].subsector == "el");
    CHECK(only[1].subsector == "fjernvarme");
    CHECK(only[1].origin.line == 4);  // lines are those of the file
    CHECK(to_string(only[1].origin) == to_string(all[2].origin));
}

TEST_CASE("one year: errors in the other years' rows are the errors of a whole read", "[io][activity]") {
    const std::string ok = "2017,energi,el,el,1000,MWh,a\n";
    for (const std::string bad : {
             "2023,energi,el,el,900,MWh,a\n2023,energi,el,el,900,MWh,a\n",  // a row pasted twice
             "2023,energi,el,el,900,MWh,a\n2023,energi,el,el,900,GJ,a\n",   // a conflict
             "2023,energi,ingen,el,900,MWh,a\n",                            // not in the taxonomy
             "2023,energi,el,el,-5,MWh,a\n",                                // negative
             "2023,energi,el,el,12x,MWh,a\n",                               // not a number
             "1850,energi,el,el,900,MWh,a\n",                               // outside the horizon
         }) {
        INFO(bad);
        const auto whole = error_of(ok + bad);
        REQUIRE_FALSE(whole.empty());
        CHECK(error_of(ok + bad, year(2017)) == whole);
    }
    // the order of errors too: a duplicate is reported before a row the taxonomy refuses
    const std::string both = "2023,energi,ingen,el,1,MWh,a\n2023,energi,el,el,9,MWh,b\n2023,energi,el,el,9,MWh,b\n";
    CHECK_THAT(error_of(ok + both), Contains("repeats"));
    CHECK(error_of(ok + both, year(2017)) == error_of(ok + both));
}

TEST_CASE("one year: none of its records is the inventory's error, naming the file and the years present",
          "[io][activity]") {
    const auto e = error_of("2017,energi,el,el,1000,MWh,a\n2023,energi,el,el,900,MWh,a\n", year(2020));
    CHECK_THAT(e, Contains("a.csv: field 'year': no activity records for 2020") && Contains("2017, 2023"));
    CHECK_THAT(error_of("", year(2020)), Contains("the data holds no records"));
}

TEST_CASE("CsvTable::parse_header reads the header and no row", "[io][csv]") {
    // the second row has too many fields: parse refuses it, parse_header never reads it
    const std::string text = "carrier;gas;value\nel;CO2;1;2\n";
    const auto t = io::CsvTable::parse_header(text, "f.csv");
    CHECK(t.column("gas") == 1);
    CHECK(t.rows().empty());
    CHECK(t.dialect().delimiter == ';');
    CHECK_THROWS_WITH(io::CsvTable::parse(text, "f.csv", {}), Contains("row has 4 fields"));
}

TEST_CASE("CSV cells are read as views: quoted, doubled quotes, line breaks and line numbers", "[io][csv]") {
    const std::string text = "a,b,c\r\n\"x\r\ny\",\"say \"\"hi\"\"\",plain\n\"\",,\"z\"\rlast,\"\"\"\",3";
    const auto t = io::CsvTable::parse(text, "t.csv", {"a", "b", "c"});
    REQUIRE(t.rows().size() == 3);
    CHECK(t.rows()[0].text("a") == "x\r\ny");
    CHECK(t.rows()[0].text("b") == "say \"hi\"");
    CHECK(t.rows()[0].text("c") == "plain");
    CHECK(t.rows()[1].line() == 4);  // the quoted line break ends line 2
    CHECK(t.rows()[1].text("a").empty());
    CHECK(t.rows()[1].text("c") == "z");
    CHECK(t.rows()[2].line() == 5);  // after a lone "\r"
    CHECK(t.rows()[2].text("b") == "\"");
    CHECK(t.rows()[2].text("c") == "3");  // no line end after the last row
}

// JSON inputs refuse what would make a figure silently wrong (issue 11,
// defects 6 and 7, and duplicate keys): whole numbers are range-checked before
// they are narrowed to int, a number too large for a double is an error
// naming the file and line, and a key given twice names its JSON path.
#include "support.hpp"

#include "io/readers.hpp"
#include "klima/error.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/input_file.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/io/targets_file.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace klima;
using Catch::Contains;

namespace {

// A valid targets file with `reference_year`, `pct` and `tail` (more keys of the top object) filled in.
std::string targets(const std::string& reference_year, const std::string& pct = "46", const std::string& tail = "") {
    return "{\"municipality\": \"testby\", \"name\": \"T\", \"scope\": \"territorial_incl_lulucf\",\n"
           "\"reference_year\": " +
           reference_year +
           ",\n"
           "\"interim_targets\": [{\"year\": 2030, \"reduction_pct\": " +
           pct +
           ", \"against_year\": 2017, \"source\": \"a\"}],\n"
           "\"neutrality\": {\"year\": 2050, \"source\": \"c\"}" +
           tail + "}";
}

// The Error that parse throws, checked to be a klima::Error and not a library exception.
template <class F>
Error error_of(F&& parse) {
    try {
        parse();
    } catch (const Error& e) {
        return e;
    }
    FAIL("no klima::Error thrown");
    return Error({}, "");
}

}  // namespace

TEST_CASE("json: the valid targets text used below parses", "[json]") {
    CHECK(io::parse_targets(targets("2017"), "t.json").reference_year == 2017);
}

TEST_CASE("json: a whole number beyond int is refused, not wrapped", "[json][errors]") {
    // 4294969313 = 2^32 + 2017: narrowed to a 32-bit int it was read as 2017
    const auto wrap = error_of([] { io::parse_targets(targets("4294969313"), "t.json"); });
    CHECK(wrap.where().file == "t.json");
    CHECK(wrap.where().field == "/reference_year");
    CHECK_THAT(wrap.problem(), Contains("4294969313") && Contains("out of range"));
    // 2^64 − 1 was read as −1
    const auto max = error_of([] { io::parse_targets(targets("18446744073709551615"), "t.json"); });
    CHECK_THAT(max.problem(), Contains("18446744073709551615") && Contains("out of range"));
    const auto neg = error_of([] { io::parse_targets(targets("-4294965279"), "t.json"); });  // −2^32 + 2017
    CHECK_THAT(neg.problem(), Contains("out of range"));
    // activity JSON: the same check at /records/0/year
    const auto act = error_of([] {
        io::parse_activity_json(R"({"records": [{"year": 4294969313, "sector": "energi", "subsector": "el",
            "carrier": "el", "quantity": 1, "unit": "MWh", "source": "s"}]})",
                                "a.json");
    });
    CHECK(act.where().field == "/records/0/year");
    CHECK_THAT(act.problem(), Contains("out of range"));
}

TEST_CASE("json: a number too large for a double names the file and line", "[json][errors]") {
    const auto e = error_of([] { io::parse_targets(targets("2017", "1e400"), "t.json"); });
    CHECK(e.kind() == ErrorKind::input);
    CHECK(e.where().file == "t.json");
    CHECK(e.where().line == 3);  // the interim_targets line
    CHECK_THAT(e.problem(), Contains("1e400") && Contains("too large"));
}

TEST_CASE("json: a key given twice is refused with its JSON path", "[json][errors]") {
    const auto top = error_of([] { io::parse_targets(targets("2017", "46", ", \"reference_year\": 1990"), "t.json"); });
    CHECK(top.where().file == "t.json");
    CHECK(top.where().field == "/reference_year");
    CHECK_THAT(top.problem(), Contains("'reference_year' appears twice"));
    const auto nested = error_of([] {
        io::parse_targets(R"({"interim_targets": [{"year": 2025}, {"year": 2030, "source": "a", "source": "b"}]})",
                          "t.json");
    });
    CHECK(nested.where().field == "/interim_targets/1/source");
    // the same key in two different objects is fine (the valid text has "year" and "source" twice)
    CHECK_NOTHROW(io::parse_targets(targets("2017"), "t.json"));
}

TEST_CASE("json: a key given twice deep in arrays and objects is named by its escaped JSON path", "[json][errors]") {
    // top key "a/b" -> segment "a~1b"; its array's element 1; key "x"; that array's element 1; the key
    // "k~" given twice -> segment "k~0" (RFC 6901: ~ as ~0, / as ~1).
    const auto e =
        error_of([] { io::parse_scenario(R"({"a/b": [1, {"x": [{}, {"k~": 1, "k~": 2}]}], "name": "n"})", "s.json"); });
    CHECK(e.where().file == "s.json");
    CHECK(e.where().field == "/a~1b/1/x/1/k~0");
    CHECK(e.problem() == "key 'k~' appears twice in this object");
    CHECK(e.fix() == "keep one of them; JSON keys must be unique");
}

TEST_CASE("json: every bundled JSON file parses to the document nlohmann's own parser builds", "[json]") {
    // klima's parser builds the document itself to see a duplicate key where it goes in; the
    // document must be nlohmann::json::parse's, value for value (the same types, the same numbers).
    namespace fs = std::filesystem;
    int files = 0;
    for (const auto* dir : {"/../scenarios", "/../data/targets", "/../scenarios/proposals"})
        for (const auto& entry : fs::directory_iterator(std::string(KLIMA_TEST_DIR) + dir)) {
            if (entry.path().extension() != ".json") continue;
            const auto text = io::read_file(entry.path().string(), io::kMaxJsonFileBytes);
            INFO(entry.path().string());
            CHECK(io::parse_json(text, entry.path().string()) == nlohmann::json::parse(text));
            ++files;
        }
    CHECK(files > 10);
    const std::string edge = R"({"n": null, "t": true, "f": false, "i": -7, "u": 18446744073709551615,
                                 "d": 0.1, "e": 1e-300, "s": "\u00e6\n", "a": [[], {}, [1, [2]]], "o": {"": 1}})";
    const auto parsed = io::parse_json(edge, "edge.json");
    CHECK(parsed == nlohmann::json::parse(edge));
    CHECK(parsed["u"].is_number_unsigned());
    CHECK(parsed["i"].is_number_integer());
    CHECK(parsed["d"].is_number_float());
    CHECK(io::parse_json("[1, 2]", "top.json") == nlohmann::json::parse("[1, 2]"));
    CHECK(io::parse_json("\"x\"", "top.json") == nlohmann::json::parse("\"x\""));
}

TEST_CASE("cli: a targets file with 1e400 is bad data (exit 1) naming the file", "[json][cli][errors]") {
    test::TempDir dir;
    const auto bad = dir.write("huge.json", targets("2017", "1e400"));
    const auto r = test::run_cli("report --scenario " + test::fixture("scenario/two_measures.json") + " --data-dir " +
                                 test::fixture("scenario/data") + " --year 2023 --targets " + bad);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith("klima: error: " + bad + ":3: number 1e400 is too large"));
    CHECK(r.out.empty());
}

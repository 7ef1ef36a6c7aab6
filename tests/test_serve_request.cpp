// api::ScenarioRequest with the scenario given as JSON text (what the web
// server runs): the same run as from the file, and errors that name the
// scenario and the line or JSON path at fault.
#include "support.hpp"

#include "klima/api/scenario.hpp"
#include "klima/error.hpp"
#include "klima/report/scenario_report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

using klima::test::fixture;

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
klima::api::ScenarioRequest request_for(const std::string& file) {
    klima::api::ScenarioRequest r;
    r.scenario_file = file;
    r.data_dir = fixture("scenario/data");
    r.from_year = 2017;
    return r;
}
}  // namespace

TEST_CASE("scenario as JSON text: the same run, byte for byte, as from the file", "[serve][scenario]") {
    const auto file = fixture("scenario/two_measures.json");
    const auto from_file = klima::api::run_scenario(request_for(file));
    auto r = request_for(file);
    r.scenario_json = read(file);
    const auto from_text = klima::api::run_scenario(r);
    const auto a = klima::report::render_scenario(from_file.run, *from_file.ref, klima::report::Format::json);
    const auto b = klima::report::render_scenario(from_text.run, *from_text.ref, klima::report::Format::json);
    CHECK(a == b);
    // the relative paths inside are anchored at scenario_file's folder
    CHECK(nlohmann::json::parse(b)["activity_file"].get<std::string>().rfind(fixture("scenario/"), 0) == 0);
}

TEST_CASE("scenario as JSON text: the text is run, not the file it is named after", "[serve][scenario]") {
    const auto file = fixture("scenario/two_measures.json");
    auto doc = nlohmann::json::parse(read(file));
    doc["measures"] = nlohmann::json::array();  // no measures: the scenario is BAU
    auto r = request_for(file);
    r.scenario_json = doc.dump();
    const auto o = klima::api::run_scenario(r);
    CHECK(o.run.result.measures.empty());
    const auto from_file = klima::api::run_scenario(request_for(file));
    REQUIRE(from_file.run.result.measures.size() == 2);  // the file has two
    // 2030 cars: BAU 7505 t (test_scenario.cpp), and with no measure the scenario is the same
    CHECK(klima::units::in_tonnes(o.run.result.scenario.total(2030)) ==
          Approx(klima::units::in_tonnes(o.run.result.bau.total(2030))));
}

TEST_CASE("scenario as JSON text: malformed JSON names the scenario and the line", "[serve][scenario]") {
    auto r = request_for(fixture("scenario/edited.json"));
    r.scenario_json = "{\n  \"name\": \"x\",\n  \"municipality\": \n}";
    try {
        klima::api::run_scenario(r);
        FAIL("no error");
    } catch (const klima::Error& e) {
        CHECK(e.kind() == klima::ErrorKind::input);
        CHECK(e.where().file == fixture("scenario/edited.json"));
        CHECK(e.where().line == 4);  // the '}' where a value was expected
    }
}

TEST_CASE("scenario as JSON text: a wrong value names its JSON path", "[serve][scenario]") {
    const auto file = fixture("scenario/two_measures.json");
    auto doc = nlohmann::json::parse(read(file));
    doc["measures"][1]["start_year"] = 1900;
    auto r = request_for(file);
    r.scenario_json = doc.dump();
    try {
        klima::api::run_scenario(r);
        FAIL("no error");
    } catch (const klima::Error& e) {
        CHECK(e.where().field == "/measures/1/start_year");
    }
}

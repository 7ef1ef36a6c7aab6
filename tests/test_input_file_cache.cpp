// The workbench's parsed input files (klima/input_file_cache.hpp): each file parsed once while it
// is unchanged on disk, parsed again after an edit or a file renamed over it, and a run through
// the caches (with the scenario parsed once by the caller) byte for byte a run reading every file.
#include "support.hpp"

#include "klima/api/scenario.hpp"
#include "klima/input_file_cache.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/report/scenario_report.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace klima;

namespace {

std::string root() { return std::string(KLIMA_TEST_DIR) + "/.."; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The data files, each read counted.
class CountingFiles : public FileSource {
public:
    std::map<std::string, int> reads;
    std::shared_ptr<const Drivers> drivers(const std::string& file) override {
        ++reads["drivers"];
        return FileSource::drivers(file);
    }
    std::shared_ptr<const TargetSet> targets(const std::string& file) override {
        ++reads["targets"];
        return FileSource::targets(file);
    }
    std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec,
                                                std::shared_ptr<const ReferenceData>& ref) override {
        ++reads["activity"];
        return FileSource::activity(spec, ref);
    }
};

api::ScenarioRequest koege_run() {
    api::ScenarioRequest r;
    r.scenario_file = root() + "/scenarios/koege.json";
    r.data_dir = root() + "/data";
    return r;
}

std::string run_json(const api::ScenarioRequest& request) {
    const auto o = api::run_scenario(request);
    return report::render_scenario(o.run, *o.ref, report::Format::json, o.scope);
}

}  // namespace

TEST_CASE("an input file cache parses a file once while it is unchanged, and again after an edit",
          "[input_file_cache]") {
    const test::TempDir dir;
    const auto original = slurp(root() + "/data/koege/drivers.csv");
    const auto file = dir.write("drivers.csv", original);
    InputFileCache cache;
    CountingFiles files;
    CHECK(units::in_count(cache.drivers(file, files)->at(2017).population) == 59600.0);  // the file's 2017 row
    CHECK(units::in_count(cache.drivers(file, files)->at(2017).population) == 59600.0);
    CHECK(files.reads["drivers"] == 1);  // the second from the kept copy

    // The same size, renamed over the file (as editors save): a new inode, read again.
    auto edited = original;
    const auto at = edited.find("2017,59600,");
    REQUIRE(at != std::string::npos);
    edited.replace(at, 11, "2017,59700,");
    dir.write("drivers.new", edited);
    std::filesystem::rename(dir.file("drivers.new"), file);
    CHECK(units::in_count(cache.drivers(file, files)->at(2017).population) == 59700.0);
    CHECK(files.reads["drivers"] == 2);

    // Written in place with another size: read again.
    edited.replace(at, 11, "2017,159700,");
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << edited; }
    CHECK(units::in_count(cache.drivers(file, files)->at(2017).population) == 159700.0);
    CHECK(files.reads["drivers"] == 3);
    CHECK(units::in_count(cache.drivers(file, files)->at(2017).population) == 159700.0);
    CHECK(files.reads["drivers"] == 3);

    // A read that fails is not kept: the next call reads (and fails) again with the reader's error.
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << "year,population\n2017,x\n"; }
    CHECK_THROWS_WITH(cache.drivers(file, files), Catch::Contains("drivers.csv"));
    CHECK_THROWS_WITH(cache.drivers(file, files), Catch::Contains("drivers.csv"));
    CHECK(files.reads["drivers"] == 5);
    // A file that is gone is the reader's error, not a kept copy.
    std::filesystem::remove(file);
    CHECK_THROWS(cache.drivers(file, files));
}

TEST_CASE("a run through the input file cache, with the scenario parsed once, gives what a run reading every file does",
          "[input_file_cache]") {
    auto plain = koege_run();
    const auto expected = run_json(plain);
    auto kept = koege_run();
    kept.reference_cache = std::make_shared<ReferenceCache>();
    kept.input_files = std::make_shared<InputFileCache>();
    // As the workbench posts it: the scenario's text, parsed once by the caller and handed on.
    kept.scenario_json = slurp(kept.scenario_file);
    kept.scenario_spec =
        std::make_shared<const ScenarioSpec>(io::parse_scenario(*kept.scenario_json, kept.scenario_file));
    CHECK(run_json(kept) == expected);
    CHECK(run_json(kept) == expected);  // activity, drivers and targets from the kept copies
    // Factor overrides change the reference data the activity is checked against: read, not kept.
    plain.factor_overrides = root() + "/data/overrides/evida-naturgas.csv";
    kept.factor_overrides = plain.factor_overrides;
    CHECK(run_json(kept) == run_json(plain));
}

TEST_CASE("the workbench's stacked sources read the activity file once while it is unchanged", "[input_file_cache]") {
    // Stacked as api::run_scenario stacks them for `klima serve`: the kept reference data over the
    // kept files over the files. Once the reference data is kept, the outer source answers for it
    // alone, and the activity must still come from the kept copy.
    auto files = std::make_unique<CountingFiles>();
    const auto& reads = files->reads;
    const auto kept = std::make_shared<InputFileCache>();
    CachedReferenceSource source(std::make_unique<CachedFileSource>(std::move(files), kept, true, root() + "/data"),
                                 std::make_shared<ReferenceCache>());
    PlanRequest request;
    request.scenario_file = root() + "/scenarios/koege.json";
    request.data_dir = root() + "/data";
    const auto first = load_plan(request, source);
    const auto second = load_plan(request, source);
    const auto third = load_plan(request, source);
    CHECK(reads.at("activity") == 1);
    CHECK(reads.at("drivers") == 1);
    REQUIRE(!first.activity->empty());
    CHECK(second.activity->size() == first.activity->size());
    CHECK(third.activity->size() == first.activity->size());
}

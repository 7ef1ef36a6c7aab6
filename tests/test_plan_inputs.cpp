// Load once, compute many (klima/plan_inputs.hpp): a report with its MACC,
// portfolio and Monte Carlo reads each of its inputs once, counted through the
// input-source interface; a replaced source supplies what the facades see.
#include "support.hpp"

#include "klima/api/report.hpp"
#include "klima/api/scenario.hpp"
#include "klima/executor.hpp"
#include "klima/input_file_cache.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/report/scenario_report.hpp"
#include "klima/store/repository.hpp"
#include "store_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace klima;
using Catch::Detail::Approx;

namespace {

// The data files, each read counted by what it reads.
class CountingSource : public FileSource {
public:
    std::map<std::string, int> reads;
    std::shared_ptr<const ReferenceData> reference_data(const std::string& data_dir, ChpAllocation a) override {
        ++reads["reference data " + data_dir];
        return FileSource::reference_data(data_dir, a);
    }
    ScenarioSpec scenario(const std::string& file) override {
        ++reads["scenario " + file];
        return FileSource::scenario(file);
    }
    std::shared_ptr<const ActivitySet> activity(ScenarioSpec& spec,
                                                std::shared_ptr<const ReferenceData>& ref) override {
        ++reads["activity " + spec.activity_file];
        return FileSource::activity(spec, ref);
    }
    std::shared_ptr<const Drivers> drivers(const std::string& file) override {
        ++reads["drivers " + file];
        return FileSource::drivers(file);
    }
    std::shared_ptr<const TargetSet> targets(const std::string& file) override {
        ++reads["targets " + file];
        return FileSource::targets(file);
    }
};

api::ReportRequest koege_plan_report() {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    api::ReportRequest r;
    r.scenario.scenario_file = root + "/scenarios/koege-plan.json";
    r.scenario.data_dir = root + "/data";
    r.report_year = 2023;
    r.draws = 50;
    return r;
}

}  // namespace

TEST_CASE("the Køge plan report with its MACC, portfolio and Monte Carlo reads each input once") {
    CountingSource source;
    const auto outcome = api::build_report(koege_plan_report(), source);
    // The analyses ran on the same load: a MACC (the plan has measures, 2030 lies after 2023)
    // and a Monte Carlo (its data carry distributions).
    REQUIRE(outcome.data.analysis.abatement);
    REQUIRE(outcome.data.analysis.uncertainty);
    // Reference data, scenario, activity, drivers, targets: five inputs, one read each
    // (before: three loads, one for the report, one for the MACC, one for the Monte Carlo).
    CHECK(source.reads.size() == 5);
    for (const auto& [what, n] : source.reads) {
        INFO(what);
        CHECK(n == 1);
    }
}

namespace {

// Reads of the reference data counted in a map the test keeps (the cached source owns its inner source).
class CountingReferenceSource : public FileSource {
public:
    explicit CountingReferenceSource(std::map<std::string, int>& reads, std::mutex& m) : reads_(reads), m_(m) {}
    std::shared_ptr<const ReferenceData> reference_data(const std::string& data_dir, ChpAllocation a) override {
        {
            const std::lock_guard lock(m_);
            ++reads_["reference data " + data_dir + " " + std::to_string(static_cast<int>(a))];
        }
        return FileSource::reference_data(data_dir, a);
    }
    ScenarioSpec scenario(const std::string& file) override {
        {
            const std::lock_guard lock(m_);
            ++reads_["scenario " + file];
        }
        return FileSource::scenario(file);
    }

private:
    std::map<std::string, int>& reads_;
    std::mutex& m_;
};

api::ScenarioRequest koege_run() {
    const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
    api::ScenarioRequest r;
    r.scenario_file = root + "/scenarios/koege.json";
    r.data_dir = root + "/data";
    return r;
}

std::string run_json(const api::ScenarioRequest& request) {
    const auto o = api::run_scenario(request);
    return report::render_scenario(o.run, *o.ref, report::Format::json, o.scope);
}

}  // namespace

TEST_CASE("a reference cache reads each data directory's reference data once and hands out the same data") {
    std::map<std::string, int> reads;
    std::mutex m;
    auto cache = std::make_shared<ReferenceCache>();
    const auto request = koege_run();
    PlanRequest plan;
    plan.scenario_file = request.scenario_file;
    plan.data_dir = request.data_dir;
    FileSource files;
    const auto uncached = load_plan(plan, files);
    // Four requests on threads of their own, each with a source of its own over the one cache.
    std::vector<PlanInputs> loaded(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < loaded.size(); ++i)
        threads.emplace_back([&, i] {
            CachedReferenceSource source(std::make_unique<CountingReferenceSource>(reads, m), cache);
            loaded[i] = load_plan(plan, source);
        });
    for (auto& t : threads) t.join();
    CHECK(reads["reference data " + request.data_dir + " 0"] == 1);
    CHECK(reads["scenario " + request.scenario_file] == 4);  // everything else is read by each request
    for (const auto& in : loaded) {                          // the whole run is compared byte for byte in the next test
        CHECK(in.ref->allocation == uncached.ref->allocation);
        CHECK(in.activity->size() == uncached.activity->size());
    }
    // Another CHP allocation is another key: read once more, then kept.
    CachedReferenceSource other(std::make_unique<CountingReferenceSource>(reads, m), cache);
    CHECK(other.reference_data(request.data_dir, ChpAllocation::energy)->allocation == ChpAllocation::energy);
    other.reference_data(request.data_dir, ChpAllocation::energy);
    CHECK(reads["reference data " + request.data_dir + " " + std::to_string(static_cast<int>(ChpAllocation::energy))] ==
          1);
}

TEST_CASE("a run through the reference cache gives, byte for byte, what a run reading the files gives") {
    auto plain = koege_run();
    auto cached = koege_run();
    cached.reference_cache = std::make_shared<ReferenceCache>();
    const auto expected = run_json(plain);
    CHECK(run_json(cached) == expected);
    CHECK(run_json(cached) == expected);  // the second from the kept copy
    // Factor overrides are laid over the request's copy, never over the kept data.
    plain.factor_overrides = std::string(KLIMA_TEST_DIR) + "/../data/overrides/evida-naturgas.csv";
    cached.factor_overrides = plain.factor_overrides;
    CHECK(run_json(cached) == run_json(plain));
    cached.factor_overrides.reset();
    CHECK(run_json(cached) == expected);
}

namespace {

// The overrides among a library's factors: rows laid over the reference rows (FactorLibrary::lay_over).
std::size_t overrides_in(const ReferenceData& ref) {
    std::size_t n = 0;
    for (const auto* f : ref.factors.all()) n += f->override_layer ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("requests through a reference cache share its one object, and factor overrides go on a copy of their own") {
    const auto request = koege_run();
    PlanRequest plan;
    plan.scenario_file = request.scenario_file;
    plan.data_dir = request.data_dir;
    auto cache = std::make_shared<ReferenceCache>();
    CachedReferenceSource one(std::make_unique<FileSource>(), cache);
    CachedReferenceSource other(std::make_unique<FileSource>(), cache);
    const auto first = load_plan(plan, one);
    const auto second = load_plan(plan, other);
    // One object handed to both requests through the seam: the same address, not two copies.
    CHECK(first.ref == second.ref);
    CHECK(first.ref == cache->get(plan.data_dir, plan.allocation, one));
    const std::size_t factors = first.ref->factors.size();

    // data/overrides/evida-naturgas.csv holds 4 rows (naturgas CO2, one for each year 2020–2023).
    auto with_overrides = plan;
    with_overrides.factor_overrides = std::string(KLIMA_TEST_DIR) + "/../data/overrides/evida-naturgas.csv";
    const auto overridden = load_plan(with_overrides, one);
    CHECK(overridden.ref != first.ref);  // its own copy
    CHECK(overrides_in(*overridden.ref) == 4);
    CHECK(overridden.ref->factors.size() == factors + 4);
    // The kept object is as it was read: no override in it, as many factors as before.
    CHECK(overrides_in(*first.ref) == 0);
    CHECK(first.ref->factors.size() == factors);
    const auto third = load_plan(plan, one);
    CHECK(third.ref == first.ref);
    CHECK(overrides_in(*third.ref) == 0);
}

TEST_CASE(
    "plain runs through the caches around a run with factor overrides answer as before, and the overridden run as a "
    "cold one") {
    auto kept = koege_run();
    kept.reference_cache = std::make_shared<ReferenceCache>();
    kept.input_files = std::make_shared<InputFileCache>();
    const auto plain = run_json(koege_run());  // cold: every file read, nothing kept
    auto cold_overridden = koege_run();
    cold_overridden.factor_overrides = std::string(KLIMA_TEST_DIR) + "/../data/overrides/evida-naturgas.csv";
    const auto overridden = run_json(cold_overridden);
    REQUIRE(overridden != plain);  // the overrides change the answer (Køge burns natural gas in 2023)

    CHECK(run_json(kept) == plain);
    auto kept_overridden = kept;
    kept_overridden.factor_overrides = cold_overridden.factor_overrides;
    CHECK(run_json(kept_overridden) == overridden);
    CHECK(run_json(kept) == plain);  // the kept reference data did not take the overrides
    CHECK(run_json(kept_overridden) == overridden);
}

TEST_CASE("the report's analyses see the report's run: one launch year, one target path") {
    CountingSource source;
    const auto o = api::build_report(koege_plan_report(), source);
    REQUIRE(o.data.analysis.abatement);
    const auto& a = *o.data.analysis.abatement;
    CHECK(a.launch_year == o.data.scenario.launch_year);
    CHECK(o.data.analysis.uncertainty->launch_year == o.data.scenario.launch_year);
    // The MACC's target in 2030 is the report's target path in 2030.
    CHECK(units::in_tonnes(a.target) == Approx(units::in_tonnes(o.data.path.at(a.year))));
}

TEST_CASE("reports on one shared pool give, byte for byte, what each gives on threads of its own") {
    auto own = koege_plan_report();
    own.threads = 2;
    const auto alone = api::build_report(own);
    REQUIRE(alone.data.analysis.uncertainty);
    ThreadPool shared(3);
    auto on_pool = koege_plan_report();
    on_pool.executor = &shared;
    for (int run = 0; run < 2; ++run) {  // the pool serves one report after the other
        const auto o = api::build_report(on_pool);
        REQUIRE(o.data.analysis.uncertainty);
        const auto& a = alone.data.analysis.uncertainty->years;
        const auto& b = o.data.analysis.uncertainty->years;
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].scenario.p5 == b[i].scenario.p5);
            CHECK(a[i].scenario.p50 == b[i].scenario.p50);
            CHECK(a[i].scenario.p95 == b[i].scenario.p95);
            CHECK(a[i].bau.mean == b[i].bau.mean);
        }
    }
}

TEST_CASE("a thread pool runs every task once, batch after batch") {
    ThreadPool pool(3);
    CHECK(pool.workers() == 3);
    for (int batch = 0; batch < 20; ++batch) {
        std::vector<std::atomic<int>> ran(17);
        pool.run(17, [&](int i) { ++ran[static_cast<std::size_t>(i)]; });
        for (const auto& r : ran) CHECK(r.load() == 1);
    }
    InlineExecutor inline_executor;
    int sum = 0;
    inline_executor.run(4, [&](int i) { sum += i; });
    CHECK(sum == 0 + 1 + 2 + 3);
}

TEST_CASE("a store source reads the activity and factors of one snapshot through the Repository interface") {
    test::TempDir dir;
    const auto path = dir.path() + "/klima.db";
    {
        store::Store s(path);
        test::seed(s);  // version 1: the fixture factors; version 2: the fixture activity
    }
    const std::unique_ptr<store::Repository> repo = store::open_repository(path);
    {
        const auto snapshot = repo->read_snapshot();
        CHECK(repo->versions().size() == 2);
        REQUIRE(repo->current());
        CHECK(repo->current()->id == 2);
        CHECK(repo->activity(*repo->current()).size() == test::fixture_activity().size());
    }
    StoreSource source(path);
    ScenarioSpec spec;
    auto ref = source.reference_data(test::fixture_data_dir(), ChpAllocation::declared);
    const auto read = ref;
    const auto activity = source.activity(spec, ref);
    CHECK(activity->size() == test::fixture_activity().size());
    CHECK(spec.activity_file == path);  // errors about the activity name the store
    // The store's factor set is laid over a copy: the reference data handed in (which a cache may
    // keep) is another object, and left as it was.
    CHECK(ref != read);
    CHECK(read->factors.all().size() ==
          FileSource().reference_data(test::fixture_data_dir(), ChpAllocation::declared)->factors.all().size());
}

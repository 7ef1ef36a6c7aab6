// Crowded plans (tests/crowded_plan.hpp): every measure with two or three
// effects on one of five fuel rows, 20–200 measures.
// Usage:
//   build/bin/bench_crowded write DIR   the plans as scenario files in DIR (crowded-N.json, crowded-amounts-N.json),
//                                       with the fixture's activity and drivers, for bench/crowded.sh
//   build/bin/bench_crowded [N...]      run_scenario in process, files loaded once (default 20 40 60 100 150 200)
#include "bench_util.hpp"
#include "crowded_plan.hpp"

#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/scenario.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace klima;

namespace {

const std::vector<int> kSizes{20, 40, 60, 100, 150, 200};
constexpr unsigned kSeed = 26;

}  // namespace

int main(int argc, char** argv) {
    const std::string fixture = std::string(KLIMA_DEFAULT_DATA_DIR) + "/../tests/fixtures/scenario";
    if (argc == 3 && std::string(argv[1]) == "write") {
        const std::filesystem::path dir = argv[2];
        std::filesystem::create_directories(dir);
        for (const char* f : {"activity.csv", "drivers.csv"})
            std::filesystem::copy_file(fixture + "/" + f, dir / f, std::filesystem::copy_options::overwrite_existing);
        for (int n : kSizes)
            for (bool amounts : {false, true}) {
                const auto name = std::string(amounts ? "crowded-amounts-" : "crowded-") + std::to_string(n) + ".json";
                std::ofstream(dir / name) << test::crowded_scenario(n, kSeed, amounts) << "\n";
            }
        std::printf("wrote %zu plans to %s (reference data: %s/data)\n", 2 * kSizes.size(), argv[2], fixture.c_str());
        return 0;
    }
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::stoi(argv[i]));
    if (sizes.empty()) sizes = kSizes;
    const auto ref = io::load_reference_data(fixture + "/data");
    const auto activity = io::load_activity(fixture + "/activity.csv", &ref);
    const auto drivers = io::load_drivers(fixture + "/drivers.csv");
    for (bool amounts : {false, true})
        for (int n : sizes) {
            const auto spec = io::parse_scenario(test::crowded_scenario(n, kSeed, amounts), fixture + "/bench.json");
            ScenarioResult r;
            char label[96];
            std::snprintf(label, sizeof label, "run_scenario, %3d crowded measures%s", n, amounts ? " (amounts)" : "");
            bench::print(label, bench::measure(3, 1, [&] { r = run_scenario(spec, activity, drivers, ref); }));
            double bound = 0.0;
            for (const auto& e : r.estimated) bound = std::max(bound, units::in_tonnes(e.bound));
            std::printf("    %zu row-years estimated, largest bound %.4f t CO2e\n", r.estimated.size(), bound);
        }
    return 0;
}

// How fast a scenario run's answer renders: the workbench's reply to a recompute
// (report::render_scenario in JSON, what POST /api/scenario/run sends) of the bundled
// Køge scenarios, the run computed once and rendered again and again; also the table
// and CSV of the same run when no scenario is named. Prints the median and fastest time a
// render and the answer's size.
// Usage: build/bin/bench_render [SCENARIO (default: koege.json and koege-plan.json)] [ITERATIONS (default 50)]
#include "bench_util.hpp"

#include "klima/api/scenario.hpp"
#include "klima/report/scenario_report.hpp"

#include <cstdio>
#include <string>
#include <vector>

using namespace klima;

int main(int argc, char** argv) {
    std::vector<std::string> names{"koege.json", "koege-plan.json"};
    if (argc > 1) names = {argv[1]};
    const int iterations = argc > 2 ? std::stoi(argv[2]) : 50;
    for (const auto& name : names) {
        api::ScenarioRequest request;
        request.scenario_file = std::string(KLIMA_DEFAULT_DATA_DIR) + "/../scenarios/" + name;
        request.data_dir = KLIMA_DEFAULT_DATA_DIR;
        const auto outcome = api::run_scenario(request);
        const auto size =
            report::render_scenario(outcome.run, *outcome.ref, report::Format::json, outcome.scope).size();
        char label[96];
        std::snprintf(label, sizeof label, "render_scenario json %s (%zu bytes)", name.c_str(), size);
        bench::print(label, bench::measure(9, iterations, [&] {
                         (void)report::render_scenario(outcome.run, *outcome.ref, report::Format::json, outcome.scope);
                     }));
        if (argc > 1) continue;  // the workbench's answer alone, e.g. to profile it
        for (const auto format : {report::Format::table, report::Format::csv}) {
            std::snprintf(label, sizeof label, "render_scenario %s %s", format == report::Format::csv ? "csv" : "table",
                          name.c_str());
            bench::print(label, bench::measure(5, iterations / 5 + 1, [&] {
                             (void)report::render_scenario(outcome.run, *outcome.ref, format, outcome.scope);
                         }));
        }
    }
    return 0;
}

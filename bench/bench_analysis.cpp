// Benchmarks of issue 13 (docs/performance.md, "Analysis"): a scenario run
// without attribution, the inverse solve, the abatement cost, the report with
// and without its analysis (issue 21) and the Monte Carlo of the Køge plan.
// Each line: min, median and max wall time per call over the samples, and
// the median CPU time of the process (all threads) per call.

#include "klima/api/abatement.hpp"
#include "klima/api/monte_carlo.hpp"
#include "klima/api/report.hpp"
#include "klima/api/solve.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/scenario_file.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace klima;

namespace {

// The process's CPU time in ms (all threads): on a shared machine wall time measures the neighbours too.
double cpu_ms() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

void timed(const char* what, int samples, const std::function<void()>& body) {
    std::vector<double> ms, cpu;
    for (int s = 0; s < samples; ++s) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = cpu_ms();
        body();
        cpu.push_back(cpu_ms() - c0);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-62s min %9.3f  median %9.3f  max %9.3f ms  (CPU median %.3f ms)\n", what, ms.front(),
                ms[ms.size() / 2], ms.back(), cpu[cpu.size() / 2]);
}

}  // namespace

int main() {
    const std::string file = std::string(KLIMA_DEFAULT_DATA_DIR) + "/../scenarios/koege-plan.json";
    const auto ref = io::load_reference_data(KLIMA_DEFAULT_DATA_DIR);
    const auto spec = io::load_scenario(file);
    const auto acts = io::load_activity(spec.activity_file, &ref);
    const auto drv = io::load_drivers(spec.drivers_file);
    timed("run_scenario koege-plan, with attribution (files loaded once)", 21,
          [&] { (void)run_scenario(spec, acts, drv, ref); });
    timed("run_scenario koege-plan, without attribution", 21,
          [&] { (void)run_scenario(spec, acts, drv, ref, RunOptions{false}); });

    api::SolveRequest solve;
    solve.scenario.scenario_file = file;
    solve.scenario.data_dir = KLIMA_DEFAULT_DATA_DIR;
    solve.year = 2030;
    const auto all = api::solve_scenario(solve);
    std::printf("  solve all measures 2030: met %d, scale %.4f, %d runs\n", all.met, all.scale.value(), all.runs);
    timed("api::solve_scenario koege-plan 2030, all measures (loads files)", 11,
          [&] { (void)api::solve_scenario(solve); });
    solve.year = 2040;
    const auto later = api::solve_scenario(solve);
    std::printf("  solve all measures 2040: met %d, scale %.4f, limited by %s, %d runs\n", later.met,
                later.scale.value(), std::string(api::to_string(later.limited_by)).c_str(), later.runs);
    timed("api::solve_scenario koege-plan 2040, all measures (loads files)", 11,
          [&] { (void)api::solve_scenario(solve); });
    // One measure in 2035 (the plan misses the path then): a root (ladestandere, share-capped at ×5) and
    // a scale limited by an overdrawn row (fjernvarme_udbygning, found by bisection).
    solve.year = 2035;
    for (const char* id : {"ladestandere", "fjernvarme_udbygning"}) {
        solve.measure = id;
        const auto one = api::solve_scenario(solve);
        std::printf("  solve %s 2035: met %d, scale %.4f, limited by %s, %d runs\n", id, one.met, one.scale.value(),
                    std::string(api::to_string(one.limited_by)).c_str(), one.runs);
        const std::string label = std::string("api::solve_scenario koege-plan 2035, ") + id;
        timed(label.c_str(), 11, [&] { (void)api::solve_scenario(solve); });
    }

    api::AbatementRequest macc;
    macc.scenario = solve.scenario;
    timed("api::abatement_cost koege-plan 2030 (MACC, Clp portfolio)", 11, [&] { (void)api::abatement_cost(macc); });

    // The report of issue 21's goal (docs/performance.md): with its analysis (MACC, portfolio, a Monte Carlo of
    // the data's distributions, 1000 draws, one thread) and without, in one process (loading included).
    api::ReportRequest report;
    report.scenario = solve.scenario;
    report.report_year = 2023;
    timed("api::build_report koege-plan 2023, with analysis", 21, [&] { (void)api::build_report(report); });
    report.analysis = false;
    timed("api::build_report koege-plan 2023, without analysis", 21, [&] { (void)api::build_report(report); });

    // Monte Carlo: ±10 % on every activity row, the natural-gas and electricity factors, population
    // growth and three measures (illustrative spreads, bench only).
    const std::string u = "/tmp/klima_bench_uncertainty.json";
    std::ofstream(u) << R"({"inputs": [{"activity": {}, "dist": {"pct": 10}},
        {"factor": {"carrier": "naturgas"}, "dist": {"normal": {"sd": 0.05}}},
        {"factor": {"carrier": "el"}, "dist": {"triangular": {"low": 0.8, "mode": 1, "high": 1.3}}},
        {"driver": "population", "dist": {"uniform": {"low": 0.5, "high": 1.5}}},
        {"measure": "fjernvarme_udbygning", "dist": {"lognormal": {"sigma": 0.2}}},
        {"measure": "ladestandere", "dist": {"pct": 30}},
        {"measure": "biogas_i_gasnettet", "dist": {"triangular": {"low": 0.5, "mode": 0.9, "high": 1.0}}}]})";
    api::MonteCarloRequest mc;
    mc.scenario = solve.scenario;
    mc.uncertainty_file = u;
    mc.seed = 1;
    mc.draws = 10000;
    for (int threads : {1, 2}) {
        mc.threads = threads;
        const std::string label =
            "api::monte_carlo koege-plan, 10,000 draws, " + std::to_string(threads) + " thread(s)";
        timed(label.c_str(), 3, [&] { (void)api::monte_carlo(mc); });
    }
    return 0;
}

// Internal to the national module: the bootstrap of one municipality's linear forecast, and
// running it for all on an executor. Numbers in tonnes (plain doubles) on this hot path only.
#pragma once

#include "klima/executor.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace klima::national {

struct BootstrapResult {
    double p5 = 0, p50 = 0, p95 = 0;  // t CO2e at `year`
    double below = 0;                 // share of draws ≤ level
};

// Residual bootstrap: `draws` samples fitted + resampled residuals, each refitted by least squares and
// extended to `year`, floored at `floor`. Deterministic in `seed`.
BootstrapResult bootstrap_one(const std::vector<int>& years, const std::vector<double>& totals, double floor, int year,
                              double level, int draws, std::uint64_t seed);

// Calls each(i) for i in [0, count) on `executor`; the first exception thrown is rethrown once all
// have stopped.
void run_each(Executor& executor, std::size_t count, const std::function<void(std::size_t)>& each);

}  // namespace klima::national

// The residual-bootstrap Monte Carlo of each municipality's linear forecast, one municipality a task
// on an executor (docs/method.md, "National monitor"). Draw i of municipality m uses a generator
// seeded from (seed, m) only, so the result does not depend on the number of threads.
#include "national_bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <random>

namespace klima::national {

namespace {

// SplitMix64: spreads (seed, m) over the generator's seed space.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

}  // namespace

BootstrapResult bootstrap_one(const std::vector<int>& years, const std::vector<double>& totals, double floor, int year,
                              double level, int draws, std::uint64_t seed) {
    const std::size_t n = years.size();
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        mx += years[i];
        my += totals[i];
    }
    mx /= static_cast<double>(n);
    my /= static_cast<double>(n);
    double sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxx += (years[i] - mx) * (years[i] - mx);
        sxy += (years[i] - mx) * (totals[i] - my);
    }
    const double b = sxy / sxx;
    std::vector<double> fitted(n), residual(n), sample(n), out(static_cast<std::size_t>(draws));
    for (std::size_t i = 0; i < n; ++i) {
        fitted[i] = my + b * (years[i] - mx);
        residual[i] = totals[i] - fitted[i];
    }
    std::mt19937_64 rng(mix(seed));
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    int below = 0;
    for (int d = 0; d < draws; ++d) {
        double sy = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sample[i] = fitted[i] + residual[pick(rng)];
            sy += sample[i];
        }
        const double my2 = sy / static_cast<double>(n);
        double sxy2 = 0;
        for (std::size_t i = 0; i < n; ++i) sxy2 += (years[i] - mx) * (sample[i] - my2);
        const double v = std::max(floor, my2 + sxy2 / sxx * (year - mx));
        out[static_cast<std::size_t>(d)] = v;
        if (v <= level) ++below;
    }
    std::sort(out.begin(), out.end());
    // Percentile by the nearest rank: the value below which p of the draws lie.
    const auto rank = [&](double p) {
        const auto k = static_cast<std::size_t>(std::ceil(p * draws));
        return out[std::min(out.size() - 1, k == 0 ? 0 : k - 1)];
    };
    return {rank(0.05), rank(0.5), rank(0.95), static_cast<double>(below) / draws};
}

void run_each(Executor& executor, std::size_t count, const std::function<void(std::size_t)>& each) {
    std::exception_ptr failure;
    std::mutex failure_lock;
    executor.run(static_cast<int>(count), [&](int i) {
        try {
            each(static_cast<std::size_t>(i));
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failure_lock);
            if (!failure) failure = std::current_exception();
        }
    });
    if (failure) std::rethrow_exception(failure);
}

}  // namespace klima::national

// A minimal benchmark harness: run a body repeatedly, report the median and
// the fastest wall time of several samples. No dependency beyond <chrono>.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

namespace klima::bench {

struct Timing {
    double median_ms = 0, min_ms = 0;
};

inline Timing measure(int samples, int iterations, const std::function<void()>& body) {
    std::vector<double> ms;
    for (int s = 0; s < samples; ++s) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < iterations; ++i) body();
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count() / iterations);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front()};
}

inline void print(const char* what, const Timing& t) {
    std::printf("%-58s median %10.3f ms   min %10.3f ms\n", what, t.median_ms, t.min_ms);
}

}  // namespace klima::bench

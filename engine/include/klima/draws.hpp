// How many random draws a run takes, and on how many threads: the Monte Carlo
// of a plan (analysis/monte_carlo.hpp) and the national bootstrap
// (national/national_status.hpp) share the default, the seed and the limit
// (docs/analysis.md, docs/method.md). Knows nothing of what is drawn.
#pragma once

#include <cstdint>

namespace klima {

inline constexpr int kDefaultDraws = 1000;
inline constexpr std::uint64_t kDefaultSeed = 1;

// The most draws a run takes: 100,000 draws of a plan keep the stored totals near 120 MB
// (34 years × 2 series + the drawn inputs, 8 bytes each, per draw) and give percentiles whose
// sampling error is below a fifth of a percentage point.
inline constexpr int kMaxDraws = 100'000;

// The most threads a plan's Monte Carlo takes (a request's `threads`, klima serve's pool).
inline constexpr int kMaxThreads = 64;

}  // namespace klima

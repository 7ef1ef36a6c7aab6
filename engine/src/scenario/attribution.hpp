// Internal to the scenario engine: order-free attribution of one row's
// emissions in one year to the measures that act on it (docs/method.md,
// "Attribution"). The row's game is v(S), its emissions with the measures of
// S applied; a measure that does not act on the row is a null player there
// and is left out, which changes no one's Shapley value.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace klima::plan {

// From this many players on, rows whose ops are affine use affine_shapley
// (polynomial, exact); fewer are enumerated (2^m, as cheap).
inline constexpr std::size_t kMinAffinePlayers = 6;
// attribute() enumerates at most this many players (2^m coalitions).
inline constexpr std::size_t kMaxExactPlayers = 16;

// The work budget of one run's attribution, in op applications (one op of
// the program applied to one coalition's state; about 5–10 ns each here): what
// the enumerations beyond kAlwaysExact and the estimates may spend together.
inline constexpr double kWorkBudget = 4e6;
// Enumerations of at most this many op applications run whatever the budget
// (every game of the bundled plans is one of these).
inline constexpr double kAlwaysExact = 1024;
// An estimate aims at a bound of this share of its game's total effect.
inline constexpr double kTargetBound = 1e-3;

enum class Method {
    standalone,  // additive game: each measure's own change (closed form, exact Shapley)
    shapley,     // exact Shapley: all 2^m coalitions or a closed form
    estimated,   // Shapley estimated by sampling, with a bound (sampled_shapley.hpp)
};

// What one run's attribution may still spend beyond the closed forms; shared
// by the years of a run (one thread).
struct WorkBudget {
    double left = kWorkBudget;
};

// Where a key's shares in one year are estimated: the bound (kg CO2e, the
// sum of its games' bounds) and the most measures in one of its games.
struct Estimate {
    double bound = 0.0;
    std::size_t measures = 0;
};

struct Game {
    std::size_t players = 0;
    // Emissions with the players whose entry is 1 applied.
    std::function<double(const std::vector<unsigned char>&)> value;
    // Optional: `count` coalitions at once (`players` entries each, one after
    // the other) into out[0…count), each as `value` would give it; the
    // sampler uses it when set.
    std::function<void(const unsigned char* in, std::size_t count, double* out)> values;
    // v(S) = v(∅) + Σ_{j∈S} (v({j}) − v(∅)) holds by construction.
    bool additive = false;
};

// contribution[j] = player j's share of v(∅) − v(all): positive = a reduction.
// The shares sum to v(∅) − v(all) (to rounding). Additive games in closed
// form; others over all 2^m coalitions: at most kMaxExactPlayers players
// (throws std::length_error beyond).
Method attribute(const Game& game, std::vector<double>& contribution);

// Shapley weights s!(m−s−1)!/m! for s = 0…m−1.
std::vector<double> shapley_weights(std::size_t m);

}  // namespace klima::plan

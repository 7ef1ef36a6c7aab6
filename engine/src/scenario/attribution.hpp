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
// Other rows with more interacting measures than this use the Owen value over themes.
inline constexpr std::size_t kMaxExactPlayers = 16;
// Owen value: a theme with more measures on one row is split into groups of
// at most this many, consecutive in canonical order.
inline constexpr std::size_t kMaxUnionSize = 10;
// … and more unions than this are regrouped (see unions_of in attribution.cpp).
inline constexpr std::size_t kMaxUnions = 10;

enum class Method {
    standalone,  // additive game: each measure's own change (closed form, exact Shapley)
    shapley,     // exact Shapley over all 2^m coalitions
    owen,        // Owen value with the themes as unions
};

struct Game {
    std::size_t players = 0;
    // Emissions with the players whose entry is 1 applied.
    std::function<double(const std::vector<unsigned char>&)> value;
    // v(S) = v(∅) + Σ_{j∈S} (v({j}) − v(∅)) holds by construction.
    bool additive = false;
    std::vector<std::size_t> union_of;  // per player, its union (theme); players in canonical order
};

// contribution[j] = player j's share of v(∅) − v(all): positive = a reduction.
// The shares sum to v(∅) − v(all) (to rounding) whatever the method.
Method attribute(const Game& game, std::vector<double>& contribution);

// Shapley weights s!(m−s−1)!/m! for s = 0…m−1.
std::vector<double> shapley_weights(std::size_t m);

}  // namespace klima::plan

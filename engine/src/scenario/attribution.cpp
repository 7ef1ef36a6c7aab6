#include "attribution.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <stdexcept>
#include <string>

namespace klima::plan {

namespace {

// Shapley weights s!(m−s−1)!/m! for s = 0…m−1 into w[0…m).
void shapley_weights(std::size_t m, double* w) {
    for (std::size_t s = 0; s < m; ++s) {
        double v = 1.0 / static_cast<double>(m);
        // 1 / (m · C(m−1, s))
        for (std::size_t k = 1; k <= s; ++k) v *= static_cast<double>(k) / static_cast<double>(m - k);
        w[s] = v;
    }
}

}  // namespace

std::vector<double> shapley_weights(std::size_t m) {
    std::vector<double> w(m);
    shapley_weights(m, w.data());
    return w;
}

namespace {

using Members = std::vector<unsigned char>;

void standalone(const Game& g, std::vector<double>& out) {
    Members in(g.players, 0);
    const double none = g.value(in);
    for (std::size_t j = 0; j < g.players; ++j) {
        in[j] = 1;
        out[j] = none - g.value(in);
        in[j] = 0;
    }
}

// v of every coalition (bit j: player j) into v[0…2^m), visited in Gray-code order so that one
// player changes a step.
void all_values(const Game& g, std::size_t m, Members& in, double* v) {
    const std::size_t n = std::size_t{1} << m;
    if (g.values) {  // the same order, valued a chunk of coalitions at a time
        constexpr std::size_t kChunk = 256;
        std::vector<unsigned char> chunk(kChunk * in.size());
        std::vector<std::size_t> at(kChunk);
        std::vector<double> values(kChunk);
        std::size_t filled = 0;
        auto flush = [&] {
            g.values(chunk.data(), filled, values.data());
            for (std::size_t c = 0; c < filled; ++c) v[at[c]] = values[c];
            filled = 0;
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (i > 0) in[static_cast<std::size_t>(std::countr_zero(i))] ^= 1U;
            std::copy(in.begin(), in.end(), chunk.begin() + static_cast<std::ptrdiff_t>(filled * in.size()));
            at[filled++] = i ^ (i >> 1);
            if (filled == kChunk) flush();
        }
        if (filled > 0) flush();
        in.assign(in.size(), 0);
        return;
    }
    v[0] = g.value(in);
    for (std::size_t i = 1; i < n; ++i) {
        const std::size_t gray = i ^ (i >> 1);
        const auto flip = static_cast<std::size_t>(std::countr_zero(i));
        in[flip] ^= 1U;
        v[gray] = g.value(in);
    }
    in.assign(in.size(), 0);
}

// Games of at most this many players keep their 2^m values and weights on the stack.
constexpr std::size_t kOnStack = 8;

// φ_j = Σ_{S ∌ j} |S|!(m−|S|−1)!/m! · (v(S) − v(S ∪ {j})), all 2^m coalitions.
void exact_shapley(const Game& g, std::vector<double>& out) {
    const std::size_t m = g.players;
    const std::size_t n = std::size_t{1} << m;
    Members in(m, 0);
    std::array<double, std::size_t{1} << kOnStack> v_small;
    std::array<double, kOnStack> w_small;
    std::vector<double> v_large, w_large;
    double* v = v_small.data();
    double* w = w_small.data();
    if (m > kOnStack) {
        v_large.resize(n);
        w_large.resize(m);
        v = v_large.data();
        w = w_large.data();
    }
    all_values(g, m, in, v);
    shapley_weights(m, w);
    for (std::size_t s = 0; s < n; ++s) {
        const auto size = static_cast<std::size_t>(std::popcount(s));
        for (std::size_t j = 0; j < m; ++j)
            if (!(s & (std::size_t{1} << j))) out[j] += w[size] * (v[s] - v[s | (std::size_t{1} << j)]);
    }
}

}  // namespace

Method attribute(const Game& g, std::vector<double>& out) {
    out.assign(g.players, 0.0);
    if (g.players == 0) return Method::standalone;
    if (g.additive || g.players == 1) {
        standalone(g, out);
        return Method::standalone;
    }
    if (g.players > kMaxExactPlayers)
        throw std::length_error("attribute: " + std::to_string(g.players) + " players, more than can be enumerated");
    exact_shapley(g, out);
    return Method::shapley;
}

}  // namespace klima::plan

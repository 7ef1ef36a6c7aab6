#include "attribution.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string>

namespace klima::plan {

std::vector<double> shapley_weights(std::size_t m) {
    std::vector<double> w(m);
    for (std::size_t s = 0; s < m; ++s) {
        double v = 1.0 / static_cast<double>(m);
        // 1 / (m · C(m−1, s))
        for (std::size_t k = 1; k <= s; ++k) v *= static_cast<double>(k) / static_cast<double>(m - k);
        w[s] = v;
    }
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

// Coalition sizes of 0…2^m − 1 (popcount, tabled).
std::vector<unsigned char> sizes(std::size_t m) {
    std::vector<unsigned char> out(std::size_t{1} << m, 0);
    for (std::size_t s = 1; s < out.size(); ++s) out[s] = static_cast<unsigned char>(out[s >> 1] + (s & 1U));
    return out;
}

// v of every coalition, visited in Gray-code order so that one player changes a step.
std::vector<double> all_values(const Game& g, std::size_t m, const std::vector<std::size_t>& who, Members& in) {
    std::vector<double> v(std::size_t{1} << m);
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
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) in[who[static_cast<std::size_t>(std::countr_zero(i))]] ^= 1U;
            std::copy(in.begin(), in.end(), chunk.begin() + static_cast<std::ptrdiff_t>(filled * in.size()));
            at[filled++] = i ^ (i >> 1);
            if (filled == kChunk) flush();
        }
        if (filled > 0) flush();
        in.assign(in.size(), 0);
        return v;
    }
    v[0] = g.value(in);
    for (std::size_t i = 1; i < v.size(); ++i) {
        const std::size_t gray = i ^ (i >> 1);
        const auto flip = static_cast<std::size_t>(std::countr_zero(i));
        in[who[flip]] ^= 1U;
        v[gray] = g.value(in);
    }
    in.assign(in.size(), 0);
    return v;
}

// φ_j = Σ_{S ∌ j} |S|!(m−|S|−1)!/m! · (v(S) − v(S ∪ {j})), all 2^m coalitions.
void exact_shapley(const Game& g, std::vector<double>& out) {
    const std::size_t m = g.players;
    Members in(m, 0);
    std::vector<std::size_t> who(m);
    for (std::size_t j = 0; j < m; ++j) who[j] = j;
    const auto v = all_values(g, m, who, in);
    const auto w = shapley_weights(m);
    const auto size = sizes(m);
    for (std::size_t s = 0; s < v.size(); ++s)
        for (std::size_t j = 0; j < m; ++j)
            if (!(s & (std::size_t{1} << j))) out[j] += w[size[s]] * (v[s] - v[s | (std::size_t{1} << j)]);
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

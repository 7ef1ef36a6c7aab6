#include "attribution.hpp"

#include <algorithm>
#include <bit>
#include <map>

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

// Unions for the Owen value: the themes, each split into consecutive groups
// of at most kMaxUnionSize players. More than kMaxUnions unions: the players,
// in theme order, are cut into kMaxUnions consecutive groups of near-equal size.
std::vector<std::vector<std::size_t>> unions_of(const Game& g) {
    std::map<std::size_t, std::vector<std::size_t>> by_theme;
    for (std::size_t j = 0; j < g.players; ++j) by_theme[g.union_of[j]].push_back(j);
    std::vector<std::vector<std::size_t>> out;
    std::vector<std::size_t> all;
    for (const auto& [theme, members] : by_theme) {
        all.insert(all.end(), members.begin(), members.end());
        for (std::size_t i = 0; i < members.size(); i += kMaxUnionSize)
            out.emplace_back(
                members.begin() + static_cast<std::ptrdiff_t>(i),
                members.begin() + static_cast<std::ptrdiff_t>(std::min(members.size(), i + kMaxUnionSize)));
    }
    if (out.size() <= kMaxUnions) return out;
    out.assign(kMaxUnions, {});
    for (std::size_t i = 0; i < all.size(); ++i) out[i * kMaxUnions / all.size()].push_back(all[i]);
    return out;
}

// Owen value: φ_i = Σ_{R ⊆ U∖{T}} Σ_{S ⊆ T∖{i}} w_u(|R|) · w_t(|S|) · (v(Q_R ∪ S) − v(Q_R ∪ S ∪ {i})),
// T the union of i, Q_R the players of the unions in R, w_k(s) = s!(k−s−1)!/k!.
void owen(const Game& g, std::vector<double>& out) {
    const auto unions = unions_of(g);
    const std::size_t u = unions.size();
    const auto wu = shapley_weights(u);
    Members in(g.players, 0);
    for (std::size_t t = 0; t < u; ++t) {
        const auto& members = unions[t];
        const std::size_t size = members.size();
        const auto wt = shapley_weights(size);
        std::vector<std::size_t> others;
        for (std::size_t k = 0; k < u; ++k)
            if (k != t) others.push_back(k);
        const auto inner = sizes(size);
        for (std::size_t r = 0; r < (std::size_t{1} << others.size()); ++r) {
            std::fill(in.begin(), in.end(), 0);
            for (std::size_t k = 0; k < others.size(); ++k)
                if (r & (std::size_t{1} << k))
                    for (std::size_t p : unions[others[k]]) in[p] = 1;
            Members base = in;
            const auto v = all_values(g, size, members, in);
            in = base;
            const double weight_r = wu[static_cast<std::size_t>(std::popcount(r))];
            for (std::size_t s = 0; s < v.size(); ++s)
                for (std::size_t k = 0; k < size; ++k)
                    if (!(s & (std::size_t{1} << k)))
                        out[members[k]] += weight_r * wt[inner[s]] * (v[s] - v[s | (std::size_t{1} << k)]);
        }
    }
}

}  // namespace

double owen_coalitions(const std::vector<std::size_t>& union_of) {
    Game g;
    g.players = union_of.size();
    g.union_of = union_of;
    const auto unions = unions_of(g);
    double n = 0.0;
    for (const auto& u : unions)
        n += static_cast<double>(std::size_t{1} << (unions.size() - 1)) *
             static_cast<double>(std::size_t{1} << u.size());
    return n;
}

Method attribute(const Game& g, std::vector<double>& out) {
    out.assign(g.players, 0.0);
    if (g.players == 0) return Method::standalone;
    if (g.additive || g.players == 1) {
        standalone(g, out);
        return Method::standalone;
    }
    if (g.players <= kMaxExactPlayers) {
        exact_shapley(g, out);
        return Method::shapley;
    }
    owen(g, out);
    return Method::owen;
}

}  // namespace klima::plan

// Internal to the scenario engine: Shapley values estimated by stratified
// permutation sampling, for the games no closed form solves and whose 2^m
// coalitions cost more than the work budget allows (docs/method.md,
// "Attribution", estimated rows). Knows nothing of rows, years or output.
//
// Castro, Gómez & Tejada (2009), "Polynomial calculation of the Shapley value
// based on sampling", Computers & Operations Research 36(5), 1726–1730: a
// measure's mean marginal contribution over random orders. Stratified by
// position as in Maleki et al. (2013, "Bounding the estimation error of
// sampling-based Shapley value approximation", arXiv:1306.4265): a block is
// the m cyclic shifts of one random order, so each measure is sampled once at
// each coalition size (or, past kMaxCyclic measures or when such blocks cost
// too much, an order and its reverse). Blocks are independent; the bound is the 99 % Student-t
// half-width over them. Every order's contributions sum to v(∅) − v(all), so
// the estimates do too; the rounding left over is given to the measures in
// proportion to their variance and added to the bound.
#pragma once

#include "attribution.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace klima::plan {

// At least this many blocks, so that the bound rests on a spread.
inline constexpr std::size_t kMinBlocks = 4;
// Blocks of m cyclic shifts up to this many measures; more, an order and its reverse.
inline constexpr std::size_t kMaxCyclic = 16;

struct SampleResult {
    double bound = 0.0;  // the largest half-width over the measures, in the game's unit
    double work = 0.0;   // op applications spent (value evaluations × `ops`)
    std::size_t orders = 0;
};

// `count` coalitions (`players` entries each, one after the other) valued
// into out[c · outputs + o], output o of coalition c.
using CoalitionValues = std::function<void(const unsigned char* in, std::size_t count, double* out)>;

struct JointSample {
    std::vector<double> bounds;  // per output, the largest half-width over the measures
    double work = 0.0;
    std::size_t orders = 0;
};

// Several games over the same players sampled with one set of orders (the
// games of rows one program values: each coalition is valued once for all).
// Each output is estimated, bounded and made efficient as on its own; blocks
// run until every output's bound is at most its `targets` entry or another
// block would pass `max_work`. `ops`: op applications one call of `values`
// costs per coalition. out[o][i]: player i's share in output o.
JointSample sampled_shapley(std::size_t players, std::size_t outputs, const CoalitionValues& values, double ops,
                            std::uint64_t seed, const std::vector<double>& targets, double max_work,
                            std::vector<std::vector<double>>& out);

// One game. `ops`: op applications one evaluation of g.value costs. Runs blocks until
// the bound is at most `target` or another block would pass `max_work` (at
// least kMinBlocks blocks whatever the work). Deterministic for one `seed`.
SampleResult sampled_shapley(const Game& g, double ops, std::uint64_t seed, double target, double max_work,
                             std::vector<double>& out);

}  // namespace klima::plan

// Internal to the scenario engine: exact Shapley values in polynomial time
// for a row whose amount is one chain of affine steps (docs/method.md,
// "Attribution", closed form 5). Knows nothing of rows, years or output.
//
// The game: one amount y passes through the row's activity ops in canonical
// order, each y → a·y + b (a share taken or switched away: a = 1 − σ; a fixed
// amount taken or added: b; the op that moves y into the valued row of a
// term: a = its share × the conversion, and 0 when its measure is absent),
// then the row's intensity through the factor ops, I → m·I + c; the value is
// y × I. A measure may have several ops at any places in that order. Its
// value is a multilinear polynomial in the measures' indicators, so by Owen
// (1972, "Multilinear extensions of games", Management Science 18(5), P64–P79)
//   φ_i = ∫₀¹ [f(x_i = 0; t) − f(x_i = 1; t)] dt,
// f(x_i; t) the expected value with every other measure in with probability t
// independently. y is a sum over its sources (the start, each fixed amount)
// of the source times the later shares, so each source's term, with the
// intensity carried along as a 2×2 upper-triangular map per measure, is a
// product over measures; the integrand is a polynomial of degree < n in t,
// integrated exactly by Gauss–Legendre quadrature with ⌈n/2⌉ + 1 nodes.
// Cost O(n² · (sources + 1)) for n measures, against 2^n coalitions.
#pragma once

#include "plan.hpp"

#include <vector>

namespace klima::plan {

// `program`: activity ops on local rows in canonical order (slot 0 the row
// valued; for a term, `term_game`, the one op whose target is slot 0 moves the
// term into it); `factors`: factor ops on the row's intensity; `player` = local
// player index. Fills `out` with each player's share of v(∅) − v(all) and
// returns true; returns false (out unspecified) when the game is not such a
// chain: an op reads another row into the chain, takes from several rows in
// proportion, could take more than the chain holds in some coalition, or a
// measure with several factor ops is mixed with factor values (not all
// factor ops commute).
bool chain_shapley(const std::vector<Op>& program, const std::vector<Op>& factors, const std::vector<double>& start,
                   double intensity, std::size_t players, bool term_game, std::vector<double>& out);

// All terms of a receiving row that move shares out of one chain at once:
// `program` holds the ops on that chain (slot 0; other rows elsewhere), `taps`
// the share switches (program indices) whose moves are valued at `intensity`.
// The same values as chain_shapley on each term, summed, for O(K·steps·sources)
// instead of one game a term. False (out unspecified) when the row is not a
// chain, or a share of 1 leaves nothing for the later steps.
bool tap_shapley(const std::vector<Op>& program, const std::vector<std::size_t>& taps, const std::vector<double>& start,
                 double intensity, std::size_t players, std::vector<double>& out);

// Whether row 0 of `program` is such a chain (fixed amounts allowed).
bool is_chain(const std::vector<Op>& program, const std::vector<double>& start);

// Gauss–Legendre nodes and weights on [0, 1], exact for polynomials of degree < 2·n.
void gauss_legendre(std::size_t n, std::vector<double>& nodes, std::vector<double>& weights);

}  // namespace klima::plan

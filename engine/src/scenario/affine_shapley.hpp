// Internal to the scenario engine: exact Shapley values in polynomial time
// for a row whose value is built by ops that are affine maps of the row
// amounts, one op a measure (docs/method.md, "Attribution").
//
// Sums over all coalitions of a size are carried through the ops in their
// canonical order (an affine map of a sum of states is the sum of the mapped
// states when the coalition count rides along as a homogeneous coordinate),
// so φ_i = Σ_t t!(n−t−1)!/n! · (Σ_{|T|=t, i∉T} v(T) − Σ_{|T|=t, i∉T} v(T ∪ {i}))
// costs O(n²·q) for n measures and q ops instead of 2^n evaluations.
#pragma once

#include "plan.hpp"

#include <vector>

namespace klima::plan {

// `program`: activity ops on local rows (slot 0 is the row valued), in
// canonical order, `player` = local player index; `factors`: factor ops on the
// row, applied to E = intensity × slot 0 after the activity. Fills `out` with
// each player's share of v(∅) − v(all) and returns true; returns false (and
// leaves `out` alone) when an op is not affine here: a player with more than
// one op, a fixed removal shared over several rows, or one that could ask
// for more than its row holds in some coalition.
bool affine_shapley(const std::vector<Op>& program, const std::vector<Op>& factors, const std::vector<double>& start,
                    double intensity, std::size_t players, std::vector<double>& out);

}  // namespace klima::plan

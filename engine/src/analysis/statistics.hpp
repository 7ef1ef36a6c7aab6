// Internal to the Monte Carlo: the order statistics of its draws. Quantiles by
// selection of the few order statistics they need instead of a full sort, and
// ranks (ties sharing their mean rank) by a radix sort of the values' bits
// instead of a comparison sort. Both give exactly the numbers of a full sort
// (docs/method.md, "Monte Carlo"). Knows nothing of draws, years or inputs;
// the values are finite (the Monte Carlo refuses any other total).
#pragma once

#include <cstddef>
#include <vector>

namespace klima::analysis::stats {

// The type-7 quantile (Hyndman and Fan 1996: linear interpolation between the
// order statistics ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)q) at each of `qs` (ascending,
// each in [0, 1]) of `values` (not empty), which it reorders. Bit for bit the
// value of the same formula on the sorted values.
std::vector<double> quantiles(std::vector<double>& values, const std::vector<double>& qs);

// The rank of each value (0 for the smallest), values that compare equal
// sharing the mean of their ranks (so −0.0 and 0.0 tie).
std::vector<double> ranks(const std::vector<double>& values);

// Spearman's rank correlation of x with the variable whose ranks (as ranks()
// gives them) are `ry`, of the same size; 0 when either is constant.
double spearman(const std::vector<double>& x, const std::vector<double>& ry);

}  // namespace klima::analysis::stats

// The years klima works in: DK2020 inventories from the 1990 baseline of the
// Danish Climate Act to net zero in 2050. Every check of a year's range and
// every default end year uses these two constants.
#pragma once

#include <algorithm>
#include <string>
#include <utility>

namespace klima {

inline constexpr int kFirstYear = 1990;
inline constexpr int kLastYear = 2050;

inline bool in_horizon(int year) { return year >= kFirstYear && year <= kLastYear; }

// Narrows `span` (first, last: years around `year`, inclusive) to the years in which a row valid
// from..to (inclusive) covers them as it covers `year`: whether it covers a year changes only at
// `from` and at `to` + 1. Never overflows, whatever the row's years.
inline void keep_same_cover(std::pair<int, int>& span, int from, int to, int year) {
    if (from <= year) span.first = std::max(span.first, from);
    else span.second = std::min(span.second, from - 1);
    if (to < year) span.first = std::max(span.first, to + 1);
    else span.second = std::min(span.second, to);
}
// "1990–2050", for messages.
inline std::string horizon_text() { return std::to_string(kFirstYear) + "–" + std::to_string(kLastYear); }

}  // namespace klima

// The years klima works in: DK2020 inventories from the 1990 baseline of the
// Danish Climate Act to net zero in 2050. Every check of a year's range and
// every default end year uses these two constants.
#pragma once

#include <string>

namespace klima {

inline constexpr int kFirstYear = 1990;
inline constexpr int kLastYear = 2050;

inline bool in_horizon(int year) { return year >= kFirstYear && year <= kLastYear; }
// "1990–2050", for messages.
inline std::string horizon_text() { return std::to_string(kFirstYear) + "–" + std::to_string(kLastYear); }

}  // namespace klima

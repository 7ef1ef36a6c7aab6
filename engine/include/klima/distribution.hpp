// A distribution of a multiplier (mean or median 1) on an uncertain input:
// an activity row, an emission factor, a driver's growth or a measure's size.
// Written in a CSV cell or a JSON string as one line of text
// (docs/analysis.md, "Where distributions live"):
//   pct 5              uniform on [0.95, 1.05]
//   normal 0.05        sd 0.05 of the value
//   lognormal 0.2      sd of ln m 0.2 (median 1)
//   triangular 0.8 1 1.1   low, mode, high
//   uniform 0.9 1.1    low, high
#pragma once

#include "klima/error.hpp"

#include <random>
#include <string>
#include <string_view>

namespace klima {

struct Distribution {
    enum class Kind { normal, lognormal, triangular, uniform };
    Kind kind = Kind::uniform;
    double a = 1.0, b = 1.0,
           c = 1.0;  // normal: sd (a); lognormal: sigma (a); triangular: low, mode, high; uniform: low, high
    double draw(std::mt19937_64& rng) const;  // a multiplier

    friend bool operator==(const Distribution&, const Distribution&) = default;
};

// Parses the text form above. Throws klima::Error at `where` (the file, line
// and column of the cell, or a JSON path) naming the word at fault and the fix.
Distribution parse_distribution(std::string_view text, const Location& where);

// The text form of `d` ("uniform 0.95 1.05" for pct 5): parse_distribution reads it back.
std::string to_text(const Distribution& d);

}  // namespace klima

// Number and column formatting shared by the text renderers (private to
// engine/src/report).
#pragma once

#include "klima/taxonomy.hpp"

#include <cstdio>
#include <string>

namespace klima::report::text {

inline std::string fixed(double v, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

inline std::string pad(const std::string& s, std::size_t width, bool right = true) {
    // Width in characters, not bytes: æ, ø, å are two bytes in UTF-8.
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    if (chars >= width) return s;
    const std::string fill(width - chars, ' ');
    return right ? fill + s : s + fill;
}

inline std::string csv_quote(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// A sector's Danish name, marked when it is reported apart from the territorial total.
inline std::string sector_label(const Taxonomy& taxonomy, const std::string& sector) {
    const Subsector& s = taxonomy.first_subsector(sector);
    return s.sector_da + (s.territorial ? "" : " (reported apart)");
}

}  // namespace klima::report::text

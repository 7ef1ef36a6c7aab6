// Number and column formatting shared by the text renderers (private to
// engine/src/report). Numbers are formatted with {fmt}, which gives the same
// digits as printf without a format string parsed at run time for each call.
#pragma once

#include "klima/taxonomy.hpp"

#include <fmt/format.h>

#include <iterator>
#include <string>
#include <string_view>

namespace klima::report::text {

// `v` with `decimals` decimals, as printf's "%.*f": 1234.5 → "1234.5".
inline std::string fixed(double v, int decimals = 1) { return fmt::format("{:.{}f}", v, decimals); }
inline void append_fixed(std::string& to, double v, int decimals) {
    fmt::format_to(std::back_inserter(to), "{:.{}f}", v, decimals);
}
// `v` as an ostream writes a double by default (printf's "%g", six significant digits): 28 → "28".
inline std::string general(double v) { return fmt::format("{:.6g}", v); }

inline std::string pad(const std::string& s, std::size_t width, bool right = true) {
    // Width in characters, not bytes: æ, ø, å are two bytes in UTF-8.
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    if (chars >= width) return s;
    const std::string fill(width - chars, ' ');
    return right ? fill + s : s + fill;
}

// A CSV field appended to `to`: quoted, with quotes doubled, when it holds a comma, quote or newline.
inline void append_csv_field(std::string& to, std::string_view s) {
    std::size_t i = 0;  // a plain loop: find_first_of calls memchr once a character
    while (i < s.size() && s[i] != ',' && s[i] != '"' && s[i] != '\n') ++i;
    if (i == s.size()) {
        to.append(s);
        return;
    }
    to += '"';
    for (auto q = s.find('"'); q != std::string_view::npos; q = s.find('"')) {
        to.append(s.substr(0, q + 1)).append(1, '"');
        s.remove_prefix(q + 1);
    }
    to.append(s).append(1, '"');
}

inline std::string csv_quote(const std::string& s) {
    std::string q;
    append_csv_field(q, s);
    return q;
}

// A sector's Danish name, marked when it is reported apart from the territorial total.
inline std::string sector_label(const Taxonomy& taxonomy, const std::string& sector) {
    const Subsector& s = taxonomy.first_subsector(sector);
    return s.sector_da + (s.territorial ? "" : " (reported apart)");
}

}  // namespace klima::report::text

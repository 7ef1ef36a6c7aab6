#include "klima/io/csv_dialect.hpp"

#include "klima/error.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>

namespace klima::io {
namespace {

// 1-based line of byte `offset`; "\r\n", "\n" and a lone "\r" each end a line.
int line_at(std::string_view text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) ++line;
    }
    return line;
}

// Offset of the first byte that is not part of valid UTF-8, or of a NUL byte.
std::optional<std::size_t> first_bad_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        // Eight bytes at a time while they are ASCII and none is NUL: most text is.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, s + i, 8);
            const bool high = (w & 0x8080808080808080ull) != 0;
            const bool nul = ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) != 0;
            if (high || nul) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned c = s[i];
        if (c == 0) return i;
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0, min = 0;
        if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
        else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07, min = 0x10000;
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

// Windows-1252 0x80–0x9F (0 where the code page defines no character); 0xA0–0xFF are Latin-1.
constexpr std::array<std::uint16_t, 32> kCp1252High{0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string_view header_line(std::string_view text) {
    const auto end = text.find_first_of("\r\n");
    return end == std::string_view::npos ? text : text.substr(0, end);
}

std::string_view trim(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
}

bool all_digits(std::string_view t) {
    if (t.empty()) return false;
    for (char c : t)
        if (c < '0' || c > '9') return false;
    return true;
}

// "1.234.567" → "1234567" when every group after the first has three digits
// and the first one to three; nullopt otherwise.
std::optional<std::string> ungroup(std::string_view digits, char sep) {
    std::string out;
    std::size_t start = 0;
    bool first = true;
    while (true) {
        const auto p = digits.find(sep, start);
        const auto group = digits.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start);
        if (!all_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
        out += group;
        first = false;
        if (p == std::string_view::npos) return out;
        start = p + 1;
    }
}

double finite_number(std::string_view canonical, std::string_view original) {
    double v = 0;
    const auto [ptr, ec] = std::from_chars(canonical.data(), canonical.data() + canonical.size(), v);
    if (ec == std::errc::result_out_of_range)
        throw Error({}, "'" + std::string(original) + "' is out of range", "write a number below 1e300");
    if (canonical.empty() || ec != std::errc() || ptr != canonical.data() + canonical.size() || !std::isfinite(v))
        return std::nan("");
    return v;
}

// The common case read at once, without copies: digits, with at most one
// decimal point inside them when the decimal mark is a point ("1234.5").
// nullopt for anything else, which the full reader then reads or refuses.
std::optional<double> plain_number(std::string_view t, char decimal) {
    if (t.empty() || t.size() > 40 || t.front() == '.' || t.back() == '.') return std::nullopt;
    int points = 0;
    for (char c : t) {
        if (c == '.' && decimal == '.') ++points;
        else if (c < '0' || c > '9') return std::nullopt;
    }
    if (points > 1) return std::nullopt;
    double v = 0;
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace

std::string CsvDialect::describe() const {
    if (decimal == '\0') return "spreadsheet text, decimal point or comma";
    std::string out = std::string("'") + delimiter + "'-separated, decimal " + (decimal == ',' ? "comma" : "point");
    return out + (encoding == TextEncoding::utf8 ? ", UTF-8" : ", Windows-1252");
}

CsvDialect detect_dialect(std::string_view text, const std::string& name) {
    const bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom) text.remove_prefix(3);
    const auto header = header_line(text);
    const bool commas = header.find(',') != std::string_view::npos;
    const bool semicolons = header.find(';') != std::string_view::npos;
    if (commas && semicolons)
        throw Error({name, 1, ""}, "the header line holds both ',' and ';', so the delimiter is unclear",
                    "separate the column names with one delimiter: ',' (decimal point) or ';' (decimal comma)");
    CsvDialect d = semicolons ? CsvDialect::danish() : CsvDialect::comma();
    if (const auto bad = first_bad_utf8(text)) {
        if (text[*bad] != '\0' && semicolons && !bom) d.encoding = TextEncoding::windows1252;
        else check_utf8(text, name);  // throws with line and fix
    }
    return d;
}

void check_utf8(std::string_view text, const std::string& name) {
    if (const auto bad = first_bad_utf8(text)) {
        const int line = line_at(text, *bad);
        if (text[*bad] == '\0')
            throw Error({name, line, ""}, "NUL byte in the text: this is not a CSV text file",
                        "give a text file (Excel: Save As, CSV UTF-8)");
        throw Error({name, line, ""}, "not valid UTF-8 text",
                    "save the file as UTF-8 (Excel: Save As, CSV UTF-8), or declare it Windows-1252");
    }
}

std::string to_utf8(std::string_view text, TextEncoding encoding, const std::string& name) {
    if (encoding == TextEncoding::utf8) {
        check_utf8(text, name);
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0)
            throw Error({name, line_at(text, i), ""}, "NUL byte in the text: this is not a CSV text file",
                        "give a text file (Excel: Save As, CSV)");
        if (c < 0x80) out += static_cast<char>(c);
        else if (c >= 0xA0) append_utf8(out, c);
        else if (const auto cp = kCp1252High[c - 0x80]) append_utf8(out, cp);
        else
            throw Error({name, line_at(text, i), ""},
                        "byte 0x" + std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15] +
                            " is not a character in Windows-1252",
                        "check the file's encoding; save it as UTF-8 (Excel: Save As, CSV UTF-8)");
    }
    return out;
}

namespace {

// The fix for a number with one group mark before three digits ("870.000"
// with a decimal comma: 870000 or 870): how to write each reading so that it
// reads one way only in this file. `sheet`: a text cell of a spreadsheet,
// which reads either decimal mark, so a decimal with three places there is
// best entered as a number cell.
std::string two_ways_fix(const std::string& sign, std::string_view integer, char group, const std::string& ungrouped,
                         char decimal, bool sheet) {
    std::string point(integer);
    point[point.find(group)] = '.';
    while (point.back() == '0') point.pop_back();
    if (point.back() == '.') point.pop_back();
    const bool whole = point.find('.') == std::string::npos;
    std::string shown = point;
    if (!whole && !sheet) shown[shown.find('.')] = decimal;
    const std::string mark = group == '.' ? "dot" : "comma";
    std::string fix = "write " + sign + ungrouped + " if " + sign + ungrouped + " is meant (no thousands " + mark + ")";
    if (whole || !sheet) fix += ", or " + sign + shown + " if " + sign + shown + " is meant";
    else fix += ", or enter " + sign + point + " as a number cell if the decimal is meant";
    return fix;
}

double parse_in(std::string_view text, const CsvDialect& dialect, bool sheet);

}  // namespace

double parse_number(std::string_view text, const CsvDialect& dialect) { return parse_in(text, dialect, false); }

namespace {

double parse_in(std::string_view text, const CsvDialect& dialect, bool sheet) {
    if (dialect.decimal == '\0') {
        // Either convention; a number that only one of them reads is that
        // number, one that both read alike is fine, anything else is refused.
        const auto attempt = [&](const CsvDialect& d) -> std::optional<double> {
            try {
                return parse_in(text, d, true);
            } catch (const Error& e) {
                if (e.problem().find("could be read two ways") != std::string::npos) throw;
                return std::nullopt;
            }
        };
        const auto point = attempt(CsvDialect::comma()), comma = attempt(CsvDialect::danish());
        if (point && comma && *point != *comma)
            throw Error({}, "'" + std::string(text) + "' could be read two ways",
                        "write the number without separators");
        if (point || comma) return point ? *point : *comma;
        throw Error({}, "'" + std::string(text) + "' is not a number",
                    "enter a number (a number cell, or text such as 1234,5 or 1234.5)");
    }
    if (const auto v = plain_number(text, dialect.decimal)) return *v;
    const std::string_view t = trim(text);
    const std::string shown(text);
    const char group = dialect.decimal == ',' ? '.' : ',';
    std::string_view body = t;
    std::string sign;
    if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
        if (body.front() == '-') sign = "-";
        body.remove_prefix(1);
    }
    std::string_view integer = body, rest;
    if (const auto p = body.find(dialect.decimal); p != std::string_view::npos) {
        integer = body.substr(0, p);
        rest = body.substr(p + 1);
    } else if (const auto e = body.find_first_of("eE"); e != std::string_view::npos) {
        integer = body.substr(0, e);
        rest = body.substr(e);
    }
    const std::string example = dialect.decimal == ',' ? "1234,5 or 1.234,5" : "1234.5";
    std::string digits(integer);
    if (integer.find(group) != std::string_view::npos) {
        // A single group mark followed by exactly three digits and nothing
        // after could be the decimal mark of the other convention.
        const bool lone =
            integer.find(group) == integer.rfind(group) && rest.empty() && integer.size() - integer.find(group) == 4;
        const auto ungrouped = ungroup(integer, group);
        if (lone && ungrouped)
            throw Error({}, "'" + shown + "' could be read two ways: as " + sign + *ungrouped + " or as a decimal",
                        two_ways_fix(sign, integer, group, *ungrouped, dialect.decimal, sheet));
        if (!ungrouped)
            throw Error({}, "'" + shown + "' is not a number in this file (" + dialect.describe() + ")",
                        "write a number such as " + example);
        digits = *ungrouped;
    }
    std::string canonical = sign + digits;
    if (!rest.empty()) {
        if (rest.front() != 'e' && rest.front() != 'E') canonical += '.';
        canonical += rest;
    }
    const bool plain = all_digits(digits) || (digits.empty() && !rest.empty());
    const double v = plain ? finite_number(canonical, text) : std::nan("");
    if (std::isnan(v))
        throw Error({}, "'" + shown + "' is not a number", "write a finite decimal number such as " + example);
    return v;
}

}  // namespace

}  // namespace klima::io

// The one reader of a distribution: its text form (a CSV cell, a JSON
// string) and its JSON object form ({"normal": {"sd": 0.1}}), with the same
// ranges for both (docs/analysis.md, "Where distributions live").
#include "klima/distribution.hpp"

#include "json_object.hpp"
#include "readers.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

namespace klima {
namespace {

constexpr const char* kForms =
    "write one of: pct 5, normal 0.05, lognormal 0.2, triangular 0.8 1 1.1, uniform 0.9 1.1 (docs/analysis.md)";

// What is wrong with the parameters of `d` (nullopt: nothing), as in both forms.
struct Fault {
    int param;  // 0: a (or the whole), 1: b, 2: c
    std::string what, fix;
};

// The largest multiplier a distribution may draw: ten times the value. Far beyond any inventory's
// uncertainty, and small enough that a drawn value stays a finite number in every sum (issue 20:
// uniform 0 1e300 made totals of inf and -nan, and the error blamed a measure).
constexpr double kMaxMultiplier = 10;
const char* const kTooHigh = "the high end may be at most 10 (ten times the value)";
const char* const kTooHighFix = "a distribution multiplies the value: give a multiplier near 1, e.g. 0.9 to 1.1";

std::optional<Fault> fault(const Distribution& d) {
    using K = Distribution::Kind;
    switch (d.kind) {
        case K::normal:
            if (!(d.a >= 0 && d.a <= 0.5))
                return Fault{0, "sd must be in [0, 0.5] (of the value)", "give a share, e.g. 0.1"};
            break;
        case K::lognormal:
            if (!(d.a >= 0 && d.a <= 2)) return Fault{0, "sigma must be in [0, 2]", "give the sd of the log, e.g. 0.2"};
            break;
        case K::triangular:
            if (!(0 <= d.a && d.a <= d.b && d.b <= d.c && d.a < d.c))
                return Fault{0, "a triangular distribution needs 0 ≤ low ≤ mode ≤ high, low < high",
                             "reorder the values"};
            if (d.c > kMaxMultiplier) return Fault{2, kTooHigh, kTooHighFix};
            break;
        case K::uniform:
            if (!(0 <= d.a && d.a < d.b))
                return Fault{0, "a uniform distribution needs 0 ≤ low < high", "reorder the values"};
            if (d.b > kMaxMultiplier) return Fault{1, kTooHigh, kTooHighFix};
            break;
    }
    return std::nullopt;
}

Distribution from_pct(double p) { return {Distribution::Kind::uniform, 1 - p / 100, 1 + p / 100, 1.0}; }

bool pct_ok(double p) { return p >= 0 && p < 100; }

// A number word: digits with one '.' or ',' as the decimal mark, an optional sign and exponent; finite.
std::optional<double> number_word(std::string_view w) {
    std::string s(w);
    for (char& ch : s)
        if (ch == ',') ch = '.';
    if (s.empty() || s.find_first_not_of("0123456789.+-eE") != std::string::npos) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace

Distribution parse_distribution(std::string_view text, const Location& where) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    if (words.empty()) throw Error(where, "the distribution is empty", kForms);
    const std::string kind(words[0]);
    std::size_t wanted = 0;
    Distribution d;
    if (kind == "pct" || kind == "normal" || kind == "lognormal") wanted = 1;
    else if (kind == "uniform") wanted = 2;
    else if (kind == "triangular") wanted = 3;
    else
        throw Error(where, "unknown distribution '" + kind + "' (word 1)",
                    "use pct, normal, lognormal, triangular or uniform; " + std::string(kForms));
    if (words.size() != wanted + 1)
        throw Error(where,
                    "'" + kind + "' takes " + std::to_string(wanted) + (wanted == 1 ? " number" : " numbers") +
                        ", the cell gives " + std::to_string(words.size() - 1),
                    kForms);
    double v[3] = {1.0, 1.0, 1.0};
    for (std::size_t k = 1; k <= wanted; ++k) {
        const auto n = number_word(words[k]);
        if (!n)
            throw Error(where, "word " + std::to_string(k + 1) + " '" + std::string(words[k]) + "' is not a number",
                        "write a plain number such as 0.05 (a decimal comma is read as a point)");
        v[k - 1] = *n;
    }
    if (kind == "pct") {
        if (!pct_ok(v[0]))
            throw Error(where, "pct must be a number in [0, 100), word 2 is " + std::string(words[1]),
                        "give the ± percentage, e.g. pct 10");
        return from_pct(v[0]);
    }
    d.kind = kind == "normal"      ? Distribution::Kind::normal
             : kind == "lognormal" ? Distribution::Kind::lognormal
             : kind == "uniform"   ? Distribution::Kind::uniform
                                   : Distribution::Kind::triangular;
    d.a = v[0];
    d.b = v[1];
    d.c = v[2];
    if (const auto f = fault(d)) throw Error(where, f->what + " ('" + std::string(text) + "')", f->fix);
    return d;
}

std::string to_text(const Distribution& d) {
    const auto n = [](double x) { return io::short_number(x); };
    switch (d.kind) {
        case Distribution::Kind::normal: return "normal " + n(d.a);
        case Distribution::Kind::lognormal: return "lognormal " + n(d.a);
        case Distribution::Kind::triangular: {
            std::string s = "triangular ";
            return s.append(n(d.a)).append(" ").append(n(d.b)).append(" ").append(n(d.c));
        }
        case Distribution::Kind::uniform: {
            std::string s = "uniform ";
            return s.append(n(d.a)).append(" ").append(n(d.b));
        }
    }
    return {};
}

namespace io {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& file, const std::string& at, const std::string& what, const std::string& fix) {
    throw Error({file, 0, at}, what, fix);
}

double number(const json& j, const char* key, const std::string& file, const std::string& at) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_number())
        bad(file, at + "/" + key, std::string("'") + key + "' must be a number", "give it as a number");
    return j[key].get<double>();
}

}  // namespace

Distribution distribution_from_json(const json& j, const std::string& file, const std::string& at) {
    if (j.is_string()) return parse_distribution(j.get<std::string>(), {file, 0, at});
    if (!j.is_object() || j.size() != 1)
        bad(file, at, "a distribution is one of normal, lognormal, triangular, uniform or pct",
            "write e.g. {\"normal\": {\"sd\": 0.1}}, {\"pct\": 10} or \"pct 10\"");
    // Not *j.items().begin(): the proxy items() returns would die with the statement.
    const auto first = j.begin();
    const std::string kind = first.key();
    const json& p = first.value();
    const std::string here = at + "/" + kind;
    Distribution d;
    if (kind == "pct") {
        if (!p.is_number() || !pct_ok(p.get<double>()))
            bad(file, here, "pct must be a number in [0, 100)", "give the ± percentage, e.g. 10");
        return from_pct(p.get<double>());
    }
    const char* const* keys = nullptr;
    static const char* const kNormal[] = {"sd"};
    static const char* const kLognormal[] = {"sigma"};
    static const char* const kTriangular[] = {"low", "mode", "high"};
    static const char* const kUniform[] = {"low", "high"};
    std::size_t count = 0;
    if (kind == "normal") d.kind = Distribution::Kind::normal, keys = kNormal, count = 1;
    else if (kind == "lognormal") d.kind = Distribution::Kind::lognormal, keys = kLognormal, count = 1;
    else if (kind == "triangular") d.kind = Distribution::Kind::triangular, keys = kTriangular, count = 3;
    else if (kind == "uniform") d.kind = Distribution::Kind::uniform, keys = kUniform, count = 2;
    else bad(file, here, "unknown distribution '" + kind + "'", "use normal, lognormal, triangular, uniform or pct");
    double v[3] = {1.0, 1.0, 1.0};
    for (std::size_t k = 0; k < count; ++k) v[k] = number(p, keys[k], file, here);
    if (p.size() != count) {
        for (const auto& [key, value] : p.items()) {
            bool known = false;
            for (std::size_t k = 0; k < count; ++k) known = known || key == keys[k];
            if (!known) bad(file, here + "/" + key, "unknown key '" + key + "'", "leave it out");
        }
    }
    d.a = v[0];
    d.b = v[1];
    d.c = v[2];
    if (const auto f = fault(d))
        bad(file, count == 1 || f->param > 0 ? here + "/" + keys[f->param] : here, f->what, f->fix);
    return d;
}

}  // namespace io
}  // namespace klima

// A JSON object read key by key, for klima's JSON files (activity, scenario,
// targets). Every error names the file and the JSON path of the key. Where a
// file format must refuse keys nobody asked for (a typo is never ignored),
// the reader calls finish().
#pragma once

#include "klima/error.hpp"
#include "klima/units.hpp"
#include "readers.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

class JsonObject {
public:
    // Throws when `j` is not an object; `path` is its JSON path ("" at the top).
    JsonObject(const nlohmann::json& j, std::string path, const std::string& file);

    Location at(const std::string& key) const { return {file_, 0, path_ + "/" + key}; }
    const std::string& path() const { return path_; }
    bool has(const std::string& key) const { return j_.contains(key); }

    const nlohmann::json& value(const std::string& key);  // throws when missing
    std::string text(const std::string& key);             // a non-empty string
    // An identifier (a measure's or growth area's id): non-empty text without a space, ':', '/'
    // or '.', which would break the keys it becomes part of (attribution, store, file names).
    std::string id(const std::string& key);
    std::string text_or(const std::string& key, const std::string& fallback);
    std::string choice(const std::string& key, const std::vector<std::string>& allowed);
    double number(const std::string& key);
    // A number in [min, max], or (min, max] with min_open.
    double number(const std::string& key, double min, double max, bool min_open = false);
    int integer(const std::string& key);
    int year(const std::string& key);  // a whole number within klima's 1990–2050
    const nlohmann::json& array(const std::string& key);
    // This object as a table of years: every key a year ("2030") within 1990–2050 with a share in
    // [0, 1], years increasing (a phase-in table, a trend's path). With `falling_fix`, a share
    // below the year before is refused with that fix. Empty when the object is.
    std::vector<std::pair<int, units::Ratio>> year_shares(std::string_view falling_fix = {});

    // Throws at the first key no accessor asked for; `guide` names the doc of the format.
    void finish(std::string_view guide) const;

private:
    std::string where() const { return path_.empty() ? "the top level" : path_; }

    const nlohmann::json& j_;
    std::string path_;
    const std::string& file_;
    std::vector<const nlohmann::json*> used_;  // the values asked for (finish() refuses the others)
};

// A number in its shortest form (12, 0.25, 1e+06), as error messages quote it.
std::string short_number(double v);

// Parses JSON text strictly; every failure is a klima::Error naming `name`:
// a text over 256 MiB or nested deeper than 128 levels, checked before parsing
// (io::check_json_limits, klima/io/json_limits.hpp), a syntax error and a
// number too large for a double (1e400) with their line, a key given twice in
// one object with its JSON path ("/measures/2/params/x").
// io::parse_json (readers.hpp) forwards to it.
nlohmann::json parse_json_document(std::string_view text, const std::string& name);

}  // namespace klima::io

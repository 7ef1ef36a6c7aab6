#include "json_object.hpp"

#include "klima/io/data_files.hpp"
#include "klima/join.hpp"

#include <sstream>

namespace klima::io {

std::string short_number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

JsonObject::JsonObject(const nlohmann::json& j, std::string path, const std::string& file)
    : j_(j), path_(std::move(path)), file_(file) {
    if (!j_.is_object())
        throw Error({file_, 0, path_.empty() ? "/" : path_}, "expected an object", "write {\"key\": value, …}");
}

const nlohmann::json& JsonObject::value(const std::string& key) {
    used_.insert(key);
    const auto it = j_.find(key);
    if (it == j_.end()) throw Error(at(key), "missing key '" + key + "'", "add \"" + key + "\" to " + where());
    return *it;
}

std::string JsonObject::text(const std::string& key) {
    const auto& v = value(key);
    if (!v.is_string() || v.get<std::string>().empty())
        throw Error(at(key), "expected a non-empty string", "write \"" + key + "\": \"…\"");
    return v.get<std::string>();
}

std::string JsonObject::text_or(const std::string& key, const std::string& fallback) {
    if (has(key)) return text(key);
    used_.insert(key);
    return fallback;
}

std::string JsonObject::choice(const std::string& key, const std::vector<std::string>& allowed) {
    const auto v = text(key);
    for (const auto& a : allowed)
        if (a == v) return v;
    throw Error(at(key), "'" + v + "' is not allowed here", "use one of " + join(allowed, ", "));
}

double JsonObject::number(const std::string& key) {
    const auto& v = value(key);
    if (!v.is_number()) throw Error(at(key), "expected a number", "write \"" + key + "\": 123, without quotes");
    return v.get<double>();
}

double JsonObject::number(const std::string& key, double min, double max, bool min_open) {
    const double x = number(key);
    if (x < min || x > max || (min_open && x == min))
        throw Error(at(key), "value " + short_number(x) + " is out of range",
                    "give a value in " + std::string(min_open ? "(" : "[") + short_number(min) + ", " +
                        short_number(max) + "]");
    return x;
}

int JsonObject::integer(const std::string& key) {
    const auto& v = value(key);
    if (!v.is_number_integer()) throw Error(at(key), "expected a whole number", "write e.g. 2030");
    return v.get<int>();
}

int JsonObject::year(const std::string& key) { return checked_year(integer(key), at(key)); }

const nlohmann::json& JsonObject::array(const std::string& key) {
    const auto& v = value(key);
    if (!v.is_array()) throw Error(at(key), "expected an array", "write [ {…}, … ]");
    return v;
}

void JsonObject::finish(std::string_view guide) const {
    for (const auto& [k, v] : j_.items())
        if (!used_.count(k))
            throw Error(at(k), "unknown key '" + k + "'",
                        "remove it or correct its spelling (see " + std::string(guide) + ")");
}

}  // namespace klima::io

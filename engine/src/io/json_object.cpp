#include "json_object.hpp"

#include "klima/io/data_files.hpp"
#include "klima/io/json_limits.hpp"
#include "klima/join.hpp"
#include "readers.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>
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
    const auto it = j_.find(key);
    if (it == j_.end()) throw Error(at(key), "missing key '" + key + "'", "add \"" + key + "\" to " + where());
    used_.push_back(&*it);
    return *it;
}

std::string JsonObject::text(const std::string& key) {
    const auto& v = value(key);
    if (!v.is_string() || v.get<std::string>().empty())
        throw Error(at(key), "expected a non-empty string", "write \"" + key + "\": \"…\"");
    return v.get<std::string>();
}

std::string JsonObject::id(const std::string& key) {
    // [A-Za-z0-9_-]{1,64}, as docs/scenarios.md says: an id reaches file names, URLs and web pages,
    // where anything else could be markup or a path (issue 20)
    auto v = text(key);
    const bool ok = !v.empty() && v.size() <= 64 && std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (!ok) {
        std::string shown = v.substr(0, 64);  // a hostile id is not echoed whole
        for (char& c : shown)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
        throw Error(at(key),
                    v.empty()       ? "the id is empty"
                    : v.size() > 64 ? "id '" + shown + "…' is longer than 64 characters"
                                    : "id '" + shown + "' holds a character other than A–Z, a–z, 0–9, '_' and '-'",
                    "use 1 to 64 ASCII letters, digits, '_' or '-', e.g. \"heat_pumps_2030\"");
    }
    return v;
}

std::string JsonObject::text_or(const std::string& key, const std::string& fallback) {
    if (has(key)) return text(key);
    return fallback;  // nothing to mark: finish() looks only at the keys the object has
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
    // Range-check the 64-bit value before narrowing: 4294969313 must not wrap to 2017.
    const bool fits = v.is_number_unsigned() ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(INT_MAX)
                                             : v.get<std::int64_t>() >= INT_MIN && v.get<std::int64_t>() <= INT_MAX;
    if (!fits) throw Error(at(key), "whole number " + v.dump() + " is out of range", "write e.g. 2030");
    return v.get<int>();
}

int JsonObject::year(const std::string& key) { return checked_year(integer(key), at(key)); }

std::vector<std::pair<int, units::Ratio>> JsonObject::year_shares(std::string_view falling_fix) {
    std::vector<std::pair<int, units::Ratio>> out;
    for (const auto& item : j_.items()) {
        const std::string& year_text = item.key();
        const Location where = at(year_text);
        int year = 0;
        try {
            std::size_t used = 0;
            year = std::stoi(year_text, &used);
            if (used != year_text.size()) throw std::invalid_argument(year_text);
        } catch (const std::exception&) {
            throw Error(where, "'" + year_text + "' is not a year", "write years as \"2030\"");
        }
        checked_year(year, where);
        const double share = number(year_text, 0, 1);
        if (!out.empty() && year <= out.back().first)
            throw Error(where, "years must increase", "list the years in order");
        if (!falling_fix.empty() && !out.empty() && share < out.back().second.value())
            throw Error(
                where, "the share falls from " + short_number(out.back().second.value()) + " to " + short_number(share),
                std::string(falling_fix));
        out.push_back({year, units::ratio(share)});
    }
    return out;
}

const nlohmann::json& JsonObject::array(const std::string& key) {
    const auto& v = value(key);
    if (!v.is_array()) throw Error(at(key), "expected an array", "write [ {…}, … ]");
    return v;
}

void JsonObject::finish(std::string_view guide) const {
    for (const auto& [k, v] : j_.items())
        if (std::find(used_.begin(), used_.end(), &v) == used_.end())
            throw Error(at(k), "unknown key '" + k + "'",
                        "remove it or correct its spelling (see " + std::string(guide) + ")");
}

namespace {

// JSON Pointer escaping of one path segment (RFC 6901): ~ as ~0, / as ~1.
std::string pointer_segment(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

// Builds the document as nlohmann's own DOM parser does (json::parse), and refuses a key that its
// object already has (nlohmann would keep the last silently), naming the key's JSON path. The
// duplicate is seen where the key goes into its object, so no key is copied or looked up twice.
class DomWithoutDuplicates {
public:
    using json = nlohmann::json;

    DomWithoutDuplicates(json& root, const std::string& file) : root_(root), file_(file) {}

    bool null() { return put(nullptr); }
    bool boolean(bool v) { return put(v); }
    bool number_integer(json::number_integer_t v) { return put(v); }
    bool number_unsigned(json::number_unsigned_t v) { return put(v); }
    bool number_float(json::number_float_t v, const json::string_t& /*text*/) { return put(v); }
    bool string(json::string_t& v) { return put(v); }
    bool binary(json::binary_t& v) { return put(json::binary(v)); }
    bool start_object(std::size_t /*elements*/) {
        stack_.push_back({place(json::value_t::object), nullptr});
        return true;
    }
    bool key(json::string_t& k) {
        auto& level = stack_.back();
        const auto [it, added] = level.container->get_ref<json::object_t&>().emplace(k, nullptr);
        level.key = &it->first;
        if (!added)
            throw Error({file_, 0, path()}, "key '" + k + "' appears twice in this object",
                        "keep one of them; JSON keys must be unique");
        slot_ = &it->second;
        return true;
    }
    bool end_object() {
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t /*elements*/) {
        stack_.push_back({place(json::value_t::array), nullptr});
        return true;
    }
    bool end_array() {
        stack_.pop_back();
        return true;
    }
    // The parser's own exception, of its own type (parse_error, out_of_range), as json::parse throws it.
    template <class Exception>
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/, const Exception& e) {
        throw e;
    }

private:
    struct Level {
        json* container;
        const std::string* key;  // the key being read, in an object (the object's own, stable)
    };

    // `v` as the next value: the root, the next element of an array, or the value of the key just read.
    template <class Value>
    json* place(Value&& v) {
        if (stack_.empty()) {
            root_ = json(std::forward<Value>(v));
            return &root_;
        }
        json& c = *stack_.back().container;
        if (c.is_array()) {
            c.get_ref<json::array_t&>().emplace_back(std::forward<Value>(v));
            return &c.back();
        }
        *slot_ = json(std::forward<Value>(v));
        return slot_;
    }
    template <class Value>
    bool put(Value&& v) {
        place(std::forward<Value>(v));
        return true;
    }

    // The JSON path of the key being read: each array's element being read, each object's key.
    std::string path() const {
        std::string out;
        for (const auto& l : stack_)
            out += "/" + (l.container->is_array() ? std::to_string(l.container->size() - 1) : pointer_segment(*l.key));
        return out;
    }

    json& root_;
    const std::string& file_;
    std::vector<Level> stack_;
    json* slot_ = nullptr;  // the value of the key just read
};

int line_of(std::string_view text, std::size_t byte) {
    const auto upto = std::min(byte, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upto), '\n'));
}

std::string with_unit(std::size_t bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? std::to_string(bytes / (1024 * 1024)) + " MiB"
           : bytes >= 1024 && bytes % 1024 == 0               ? std::to_string(bytes / 1024) + " KiB"
                                                              : std::to_string(bytes) + " bytes";
}

}  // namespace

void check_json_limits(std::string_view text, const std::string& name, const JsonLimits& limits) {
    if (text.size() > limits.max_bytes)
        throw Error({name, 0, ""},
                    "the JSON text is " + std::to_string(text.size()) + " bytes, more than the " +
                        with_unit(limits.max_bytes) + " klima reads",
                    "split it, or leave out what klima does not need");
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limits.max_depth)
                throw Error({name, line_of(text, i), ""},
                            "arrays and objects nest deeper than " + std::to_string(limits.max_depth) + " levels",
                            "no klima format nests this deep; check what wrote the file");
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

nlohmann::json parse_json_document(std::string_view text, const std::string& name) {
    check_json_limits(text, name);  // before nlohmann builds, and later code recurses into, anything
    try {
        nlohmann::json doc;
        DomWithoutDuplicates dom(doc, name);
        nlohmann::json::sax_parse(text, &dom);
        return doc;
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        if (const auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
        throw Error({name, line_of(text, e.byte), ""}, "malformed JSON: " + what, "fix the JSON syntax at that line");
    } catch (const nlohmann::json::out_of_range& e) {
        // 406: "number overflow parsing '1e400'", the only out_of_range the parser throws
        std::string what = e.what(), number;
        if (const auto p = what.find("parsing '"); p != std::string::npos)
            number = what.substr(p + 9, what.find('\'', p + 9) - (p + 9));
        const auto at = number.empty() ? std::string_view::npos : text.find(number);
        throw Error({name, at == std::string_view::npos ? 0 : line_of(text, at), ""},
                    "number " + (number.empty() ? std::string("?") : number) + " is too large",
                    "give numbers below 1.8e308; check for a typo in the exponent");
    } catch (const nlohmann::json::exception& e) {
        throw Error({name, 0, ""}, std::string("malformed JSON: ") + e.what(), "fix the JSON text");
    }
}

}  // namespace klima::io

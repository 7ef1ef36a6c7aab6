#include "json_writer.hpp"

// For nlohmann::detail::to_chars: the very function nlohmann::json's dump
// prints doubles with (Grisu2, which is not always the shortest form), so that
// the digits match byte for byte. tests/test_json_writer.cpp holds it to that.
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace klima::report {

JsonWriter::JsonWriter(OutputBuffer& out) : out_(out), buf_(out_.text()) {}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty()) return;
    Level& l = levels_.back();
    buf_ += l.empty ? "\n" : ",\n";
    l.empty = false;
    buf_.append(2 * levels_.size(), ' ');
}

void JsonWriter::begin_object() {
    before_value();
    buf_ += '{';
    levels_.push_back({true});
}

void JsonWriter::begin_array() {
    before_value();
    buf_ += '[';
    levels_.push_back({false});
}

void JsonWriter::close(char bracket) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) {
        buf_ += '\n';
        buf_.append(2 * levels_.size(), ' ');
    }
    buf_ += bracket;
    out_.maybe_flush();
}

void JsonWriter::end_object() { close('}'); }
void JsonWriter::end_array() { close(']'); }

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    append_escaped(buf_, k);
    buf_ += ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::value(std::string_view s) {
    before_value();
    append_escaped(buf_, s);
}

void JsonWriter::value(double v) {
    before_value();
    append_number(buf_, v);
}

void JsonWriter::integer(long long v) {
    before_value();
    char b[24];
    const auto r = std::to_chars(b, b + sizeof b, v);
    buf_.append(b, static_cast<std::size_t>(r.ptr - b));
}

void JsonWriter::value(bool v) {
    before_value();
    buf_ += v ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    buf_ += "null";
}

void JsonWriter::append_number(std::string& to, double v) {
    if (!std::isfinite(v)) {
        to += "null";
        return;
    }
    char b[64];
    const char* end = nlohmann::detail::to_chars(b, b + sizeof b, v);
    to.append(b, static_cast<std::size_t>(end - b));
}

void JsonWriter::append_escaped(std::string& to, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    to += '"';
    std::size_t plain = 0;  // start of the run of bytes copied as they are
    const auto has_zero = [](std::uint64_t w) {
        return ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) != 0;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Eight bytes at a time while none needs escaping (a control character, quote or backslash).
        while (i + 8 <= s.size()) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            const bool control = ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) != 0;
            if (control || has_zero(w ^ 0x2222222222222222ull) || has_zero(w ^ 0x5C5C5C5C5C5C5C5Cull)) break;
            i += 8;
        }
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        to.append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"': to += "\\\""; break;
            case '\\': to += "\\\\"; break;
            case '\b': to += "\\b"; break;
            case '\f': to += "\\f"; break;
            case '\n': to += "\\n"; break;
            case '\r': to += "\\r"; break;
            case '\t': to += "\\t"; break;
            default: {
                const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                to.append(u, sizeof u);
            }
        }
    }
    to.append(s.data() + plain, s.size() - plain);
    to += '"';
}

}  // namespace klima::report

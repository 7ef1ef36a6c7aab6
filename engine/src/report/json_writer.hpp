// A JSON writer that streams: each value goes to an output stream as it is
// written, so a document of any size costs the memory of one small buffer.
// Its bytes are those of nlohmann::json's dump(2) of the same document: two
// spaces of indentation, "key": value, {} and [] for empty containers,
// numbers as nlohmann prints them (the same shortest round-trip digits, "28.0"
// for a whole double, null for a value that is not finite), strings escaped as
// nlohmann escapes them (quote, backslash, \b \f \n \r \t, other control
// characters as \u00xx, other bytes kept as they are: klima checks that text is
// UTF-8 when it reads it). It does not sort keys: a caller that must match
// nlohmann::json (whose objects are sorted maps) writes keys in byte order.
// Private to engine/src/report. Not for concurrent use.
#pragma once

#include "output_buffer.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace klima::report {

class JsonWriter {
public:
    // Writes into `out`, which must outlive the writer.
    explicit JsonWriter(OutputBuffer& out);

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The key of the next value; only inside an object.
    JsonWriter& key(std::string_view k);

    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(double v);
    void value(int v) { integer(v); }
    void value(long v) { integer(v); }
    void value(long long v) { integer(v); }
    void value(bool v);
    void null();

    // Hands what is buffered to the stream. Throws klima::Error of kind io
    // when the stream has failed (so does closing an object or array once the
    // buffer has filled).
    void flush() { out_.flush(); }

    // `s` as a JSON string literal, quotes included, as nlohmann::json escapes it.
    static void append_escaped(std::string& to, std::string_view s);
    // `v` as nlohmann::json prints a double.
    static void append_number(std::string& to, double v);

private:
    struct Level {
        bool object;
        bool empty = true;
    };
    void integer(long long v);
    void before_value();  // the comma, newline and indentation that precede a value
    void close(char bracket);

    OutputBuffer& out_;
    std::string& buf_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

}  // namespace klima::report

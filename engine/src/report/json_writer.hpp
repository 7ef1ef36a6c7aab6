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
// A writer remembers the text of fractions it has written lately (up to 1,024, in
// a table of 32 KiB made at its first fraction), so that a value repeated across a
// document (BAU and scenario rows a measure leaves alone) is mostly converted once;
// nothing outlives the writer.
// Private to engine/src/report. Not for concurrent use.
#pragma once

#include "output_buffer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
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
    void value(unsigned long v) { unsigned_integer(v); }
    void value(unsigned long long v) { unsigned_integer(v); }
    void value(bool v);
    void null();
    // An array of `n` numbers, the i-th `number(i)` (a double): the bytes of begin_array(),
    // value(number(i)) for each i and end_array(), written in one go.
    template <class Number>
    void number_array(std::size_t n, Number number);

    // Hands what is buffered to the stream. Throws klima::Error of kind io
    // when the stream has failed (so does closing an object or array once the
    // buffer has filled).
    void flush() { out_.flush(); }

    // `s` as a JSON string literal, quotes included, as nlohmann::json escapes it.
    static void append_escaped(std::string& to, std::string_view s);
    // `v` as nlohmann::json prints a double.
    static void append_number(std::string& to, double v);
    // The same into `b`, which has room for kMaxNumber bytes; returns the end of the text.
    static char* write_number(char* b, double v);
    static constexpr std::size_t kMaxNumber = 32;
    static constexpr double kWholeBelow = 1e15;  // whole numbers below this are written as integers with ".0"

private:
    struct Level {
        bool object;
        bool empty = true;
    };
    // The text of a number lately written: `bits` its double's bit pattern (0, which is 0.0
    // and never remembered, marks an empty entry). The text is copied whole (all 23 bytes).
    struct Remembered {
        std::uint64_t bits;
        std::uint8_t size;
        char text[23];
    };
    static constexpr int kRememberedBits = 10;  // 1024 entries, one for each value of a hash

    char* number_into(char* p, double v);  // write_number, remembered; p has room for kMaxNumber bytes
    void integer(long long v);
    void unsigned_integer(unsigned long long v);
    void before_value();  // the comma, newline and indentation that precede a value
    void newline();       // a newline and the indentation of the current level
    void open(char bracket, bool object);
    void close(char bracket);

    OutputBuffer& out_;
    std::string& buf_;
    std::vector<Level> levels_;
    // A newline and the spaces of the deepest level so far, at least kIndentCopy bytes.
    std::string indent_ = std::string(kIndentCopy, ' ').replace(0, 1, "\n");
    static constexpr std::size_t kIndentCopy = 32;  // copied whole when an indentation is shorter
    std::unique_ptr<Remembered[]> remembered_;
    bool after_key_ = false;
};

template <class Number>
void JsonWriter::number_array(std::size_t n, Number number) {
    if (n == 0) {
        begin_array();
        end_array();
        return;
    }
    before_value();
    const std::size_t inner = 1 + 2 * (levels_.size() + 1);  // a newline and the elements' indentation
    if (indent_.size() < inner) indent_.resize(inner, ' ');
    const std::size_t start = buf_.size();
    // Room for the worst case (cut below), and for copying kIndentCopy bytes of indentation at a time.
    buf_.resize(start + 2 + n * (1 + inner + kMaxNumber) + inner + kIndentCopy);
    char* p = buf_.data() + start;
    *p++ = '[';
    const bool short_indent = inner <= kIndentCopy;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) *p++ = ',';
        if (short_indent) std::memcpy(p, indent_.data(), kIndentCopy);  // what is past `inner` is written over
        else std::memcpy(p, indent_.data(), inner);
        p += inner;
        p = number_into(p, number(i));
    }
    std::memcpy(p, indent_.data(), inner - 2);  // the newline and indentation of the array's own level
    p += inner - 2;
    *p++ = ']';
    buf_.resize(static_cast<std::size_t>(p - buf_.data()));
    out_.maybe_flush();
}

}  // namespace klima::report

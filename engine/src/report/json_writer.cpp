#include "json_writer.hpp"

// For nlohmann::detail::dtoa_impl: the Grisu2 that nlohmann::json's dump prints
// doubles with (not always the shortest form: std::to_chars gives other digits
// for about one double in a thousand), so that the digits match byte for byte.
// tests/test_json_numbers.cpp holds the writer to nlohmann's text.
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace klima::report {
namespace {

namespace dtoa = nlohmann::detail::dtoa_impl;

// x / 10^e and x % 10^e for e in 0..9, each by a constant (a multiplication, not a division).
void divide_by_pow10(std::uint32_t x, int e, std::uint32_t& q, std::uint32_t& r) {
    switch (e) {
        case 0: q = x, r = 0; return;
        case 1: q = x / 10u, r = x % 10u; return;
        case 2: q = x / 100u, r = x % 100u; return;
        case 3: q = x / 1000u, r = x % 1000u; return;
        case 4: q = x / 10000u, r = x % 10000u; return;
        case 5: q = x / 100000u, r = x % 100000u; return;
        case 6: q = x / 1000000u, r = x % 1000000u; return;
        case 7: q = x / 10000000u, r = x % 10000000u; return;
        case 8: q = x / 100000000u, r = x % 100000000u; return;
        default: q = x / 1000000000u, r = x % 1000000000u; return;
    }
}

// nlohmann's grisu2_digit_gen (nlohmann/detail/conversions/to_chars.hpp, after Loitsch 2010), step
// for step and so digit for digit, except that the integral part's digits are divided off by
// constants: nlohmann divides by a power of ten held in a variable, a division instruction per
// digit, which took a third of the time of a number.
void generate_digits(char* buffer, int& length, int& decimal_exponent, dtoa::diyfp M_minus, dtoa::diyfp w,
                     dtoa::diyfp M_plus) {
    std::uint64_t delta = dtoa::diyfp::sub(M_plus, M_minus).f;
    std::uint64_t dist = dtoa::diyfp::sub(M_plus, w).f;
    const dtoa::diyfp one(std::uint64_t{1} << -M_plus.e, M_plus.e);
    auto p1 = static_cast<std::uint32_t>(M_plus.f >> -one.e);
    std::uint64_t p2 = M_plus.f & (one.f - 1);
    std::uint32_t pow10{};
    int n = dtoa::find_largest_pow10(p1, pow10);  // pow10 = 10^(n-1)
    while (n > 0) {
        std::uint32_t d, r;
        divide_by_pow10(p1, n - 1, d, r);
        buffer[length++] = static_cast<char>('0' + d);
        p1 = r;
        n--;
        const std::uint64_t rest = (std::uint64_t{p1} << -one.e) + p2;
        if (rest <= delta) {
            decimal_exponent += n;
            dtoa::grisu2_round(buffer, length, dist, delta, rest, std::uint64_t{pow10} << -one.e);
            return;
        }
        pow10 /= 10;
    }
    int m = 0;
    for (;;) {
        p2 *= 10;
        const std::uint64_t d = p2 >> -one.e;
        const std::uint64_t r = p2 & (one.f - 1);
        buffer[length++] = static_cast<char>('0' + d);
        p2 = r;
        m++;
        delta *= 10;
        dist *= 10;
        if (p2 <= delta) break;
    }
    decimal_exponent -= m;
    dtoa::grisu2_round(buffer, length, dist, delta, p2, one.f);
}

// nlohmann::detail::to_chars of a finite `value` other than ±0, with the digit generation above:
// its boundaries, cached power, products and layout are nlohmann's own functions.
char* grisu2_to_chars(char* first, double value) {
    if (std::signbit(value)) {
        value = -value;
        *first++ = '-';
    }
    const dtoa::boundaries b = dtoa::compute_boundaries(value);
    const dtoa::cached_power cached = dtoa::get_cached_power_for_binary_exponent(b.plus.e);
    const dtoa::diyfp c_minus_k(cached.f, cached.e);
    const dtoa::diyfp w = dtoa::diyfp::mul(b.w, c_minus_k);
    const dtoa::diyfp w_minus = dtoa::diyfp::mul(b.minus, c_minus_k);
    const dtoa::diyfp w_plus = dtoa::diyfp::mul(b.plus, c_minus_k);
    const dtoa::diyfp M_minus(w_minus.f + 1, w_minus.e);
    const dtoa::diyfp M_plus(w_plus.f - 1, w_plus.e);
    int len = 0;
    int decimal_exponent = -cached.k;
    generate_digits(first, len, decimal_exponent, M_minus, w, M_plus);
    return dtoa::format_buffer(first, len, decimal_exponent, -4, std::numeric_limits<double>::digits10);
}

}  // namespace

JsonWriter::JsonWriter(OutputBuffer& out) : out_(out), buf_(out_.text()) {}

void JsonWriter::newline() { buf_.append(indent_.data(), 1 + 2 * levels_.size()); }

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty()) return;
    Level& l = levels_.back();
    if (!l.empty) buf_ += ',';
    l.empty = false;
    newline();
}

void JsonWriter::open(char bracket, bool object) {
    before_value();
    buf_ += bracket;
    levels_.push_back({object});
    if (indent_.size() < 1 + 2 * levels_.size()) indent_.resize(1 + 2 * levels_.size(), ' ');
}

void JsonWriter::begin_object() { open('{', true); }
void JsonWriter::begin_array() { open('[', false); }

void JsonWriter::close(char bracket) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) newline();
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
    char b[kMaxNumber];
    buf_.append(b, static_cast<std::size_t>(number_into(b, v) - b));
}

char* JsonWriter::number_into(char* p, double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    if (bits == 0) {  // 0.0, most numbers of a run's answer
        std::memcpy(p, "0.0", 3);
        return p + 3;
    }
    // Other whole numbers are quick to write too; remembering them would not pay.
    if (!std::isfinite(v) || (std::fabs(v) < kWholeBelow && std::trunc(v) == v)) return write_number(p, v);
    if (!remembered_) remembered_ = std::make_unique<Remembered[]>(std::size_t{1} << kRememberedBits);  // zeroed
    Remembered& r = remembered_[(bits * 0x9E3779B97F4A7C15ull) >> (64 - kRememberedBits)];
    if (r.bits == bits) {
        static_assert(sizeof r.text <= kMaxNumber);
        std::memcpy(p, r.text, sizeof r.text);
        return p + r.size;
    }
    char* end = write_number(p, v);
    const auto size = static_cast<std::size_t>(end - p);
    if (size <= sizeof r.text) {
        r.bits = bits;
        r.size = static_cast<std::uint8_t>(size);
        std::memcpy(r.text, p, size);
    }
    return end;
}

void JsonWriter::integer(long long v) {
    before_value();
    char b[24];
    const auto r = std::to_chars(b, b + sizeof b, v);
    buf_.append(b, static_cast<std::size_t>(r.ptr - b));
}

void JsonWriter::unsigned_integer(unsigned long long v) {
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

char* JsonWriter::write_number(char* b, double v) {
    if (!std::isfinite(v)) {
        std::memcpy(b, "null", 4);
        return b + 4;
    }
    // A whole number below 1e15 is, in nlohmann's text, its integer's digits and ".0": below 1e15
    // (< 2^50) doubles lie at most 1/8 apart, so Grisu2 picks the shortest digits within 1/16 of
    // the integer, and no other number with that few significant digits lies there; nlohmann
    // writes up to 15 digits before the point without an exponent (to_chars.hpp, format_buffer).
    // Zero is "0.0", -0.0 "-0.0", as nlohmann writes them. tests/test_json_numbers.cpp holds all
    // of it to nlohmann's text.
    if (std::fabs(v) < kWholeBelow && std::trunc(v) == v) {
        if (v == 0.0 && std::signbit(v)) *b++ = '-';
        b = std::to_chars(b, b + 20, static_cast<long long>(v)).ptr;
        std::memcpy(b, ".0", 2);
        return b + 2;
    }
    return grisu2_to_chars(b, v);
}

void JsonWriter::append_number(std::string& to, double v) {
    char b[kMaxNumber];
    to.append(b, static_cast<std::size_t>(write_number(b, v) - b));
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

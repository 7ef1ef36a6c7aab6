// The JSON writer's numbers are nlohmann::json's text, byte for byte, however they are written:
// whole numbers and zero written without Grisu2, fractions converted once and remembered, arrays of
// numbers written in one go. Each case compares with nlohmann::json's own dump of the same value.
#include "support.hpp"

#include "report/json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <sstream>
#include <vector>

using namespace klima;
using report::JsonWriter;

namespace {

std::string number(double v) {
    std::string out;
    JsonWriter::append_number(out, v);
    return out;
}

double from_bits(std::uint64_t b) {
    double v;
    std::memcpy(&v, &b, sizeof v);
    return v;
}

// Every value of `values` and its negative as the writer prints it and as nlohmann does; the first
// that differs is reported.
void check_numbers(const std::vector<double>& values) {
    for (double v : values)
        for (double x : {v, -v}) {
            if (!std::isfinite(x)) continue;
            const auto expected = nlohmann::json(x).dump();
            if (number(x) != expected) {
                INFO(expected);
                REQUIRE(number(x) == expected);
            }
        }
}

// `values` as one array written by `write`, against nlohmann's dump(2) of the same array in an object.
template <class Write>
void check_array(const std::vector<double>& values, Write write) {
    std::ostringstream out;
    report::OutputBuffer buf(out);
    JsonWriter w(buf);
    w.begin_object();
    w.key("v");
    write(w, values);
    w.end_object();
    w.flush();
    CHECK(out.str() == nlohmann::json{{"v", values}}.dump(2));
}

}  // namespace

TEST_CASE("JSON numbers: whole numbers below 1e15 are nlohmann's text", "[report][json]") {
    // Written as the integer and ".0" without Grisu2: 28.0 is "28.0", 1e14 is "100000000000000.0",
    // 999999999999999 is "999999999999999.0"; from 1e15 on nlohmann writes an exponent ("1e+15").
    CHECK(number(28.0) == "28.0");
    CHECK(number(-1915.0) == "-1915.0");
    CHECK(number(1e14) == "100000000000000.0");
    CHECK(number(999999999999999.0) == "999999999999999.0");
    CHECK(number(1e15) == "1e+15");
    CHECK(number(0.0) == "0.0");
    CHECK(number(-0.0) == "-0.0");
    std::vector<double> whole;
    for (int i = 0; i <= 300000; ++i) whole.push_back(i);
    for (double p = 10.0; p < 1e16; p *= 10.0)
        for (double d : {-2.0, -1.0, 0.0, 1.0, 2.0}) whole.push_back(p + d);  // around each power of ten
    std::mt19937_64 rng(31);
    std::uniform_int_distribution<long long> big(1, 2'000'000'000'000'000LL);  // up to 2e15, past the cut
    for (int i = 0; i < 200000; ++i) whole.push_back(static_cast<double>(big(rng)));
    for (int i = 0; i < 50000; ++i) whole.push_back(std::nextafter(1e15, 0.0) - static_cast<double>(i));
    check_numbers(whole);
}

TEST_CASE("JSON numbers: any double is nlohmann's text", "[report][json]") {
    std::vector<double> values;
    std::mt19937_64 bits(2026);
    for (int i = 0; i < 400000; ++i) values.push_back(from_bits(bits()));  // any bit pattern (not finite skipped)
    for (int i = 0; i < 100000; ++i) values.push_back(from_bits(bits() & 0x000FFFFFFFFFFFFFull));  // subnormal
    values.push_back(std::numeric_limits<double>::denorm_min());
    values.push_back(std::numeric_limits<double>::min());
    values.push_back(std::numeric_limits<double>::max());
    for (int e = -324; e <= 308; ++e) {  // powers of ten and their neighbours: where the format changes
        const double p = std::pow(10.0, e);
        values.insert(values.end(),
                      {p, std::nextafter(p, 0.0), std::nextafter(p, std::numeric_limits<double>::infinity()), 1.5 * p,
                       0.1 * p + 0.2 * p});
    }
    std::uniform_real_distribution<double> tonnes(0.0, 1e6);  // fractions such as the runs give
    for (int i = 0; i < 200000; ++i) values.push_back(tonnes(bits) / 3.0);
    check_numbers(values);
    CHECK(number(std::numeric_limits<double>::infinity()) == "null");
    CHECK(number(-std::numeric_limits<double>::infinity()) == "null");
    CHECK(number(std::nan("")) == "null");
}

TEST_CASE("JSON numbers: every number of the golden outputs is written back as it stands", "[report][json]") {
    std::vector<double> values;
    for (const char* name : {"koege-scenario.json", "koege-inventory-2017.json", "koege-mc.json"}) {
        std::ifstream in(std::string(KLIMA_TEST_DIR) + "/golden/" + name, std::ios::binary);
        const auto doc = nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
        std::vector<const nlohmann::json*> todo{&doc};
        while (!todo.empty()) {
            const auto* j = todo.back();
            todo.pop_back();
            if (j->is_structured())
                for (const auto& v : *j) todo.push_back(&v);
            else if (j->is_number_float()) values.push_back(j->get<double>());
        }
    }
    REQUIRE(values.size() > 12000);  // koege-scenario.json alone holds 12,788 numbers
    check_numbers(values);
}

TEST_CASE("JSON numbers: a value written again is the same text, remembered or not", "[report][json]") {
    // 3,000 fractions, each written three times in a shuffled order through a table of 1,024 entries:
    // some come back from the table, others were pushed out of it by a value of the same hash.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> frac(-1e5, 1e5);
    std::vector<double> values;
    for (int i = 0; i < 3000; ++i) values.push_back(frac(rng));
    values.insert(values.end(), values.begin(), values.end());
    values.insert(values.end(), values.begin(), values.begin() + 3000);
    std::shuffle(values.begin(), values.end(), rng);
    values.insert(values.end(), {0.0, -0.0, 28.0, 1e300, 1e-300, 0.1});
    check_array(values, [](JsonWriter& w, const std::vector<double>& v) {
        w.begin_array();
        for (double x : v) w.value(x);
        w.end_array();
    });
    check_array(values, [](JsonWriter& w, const std::vector<double>& v) {
        w.number_array(v.size(), [&](std::size_t i) { return v[i]; });
    });
}

TEST_CASE("JSON numbers: an array written in one go is laid out as value by value", "[report][json]") {
    // Empty, one number, and arrays nested 1 to 20 deep: the indentation of the deepest (42 bytes
    // with its newline) is longer than the 32 bytes the writer copies at a time.
    check_array({}, [](JsonWriter& w, const std::vector<double>& v) {
        w.number_array(v.size(), [&](std::size_t i) { return v[i]; });
    });
    check_array({2.5}, [](JsonWriter& w, const std::vector<double>& v) {
        w.number_array(v.size(), [&](std::size_t i) { return v[i]; });
    });
    for (int depth = 1; depth <= 20; ++depth) {
        std::ostringstream out;
        report::OutputBuffer buf(out);
        JsonWriter w(buf);
        nlohmann::json expected = {1.0 / 3.0, 0.0, -7.0, 1e21};
        for (int d = 1; d < depth; ++d) {
            w.begin_array();
            expected = nlohmann::json::array({expected, nlohmann::json::array()});
        }
        w.number_array(4, [](std::size_t i) { return std::array{1.0 / 3.0, 0.0, -7.0, 1e21}[i]; });
        for (int d = 1; d < depth; ++d) {
            w.begin_array();
            w.end_array();
            w.end_array();
        }
        w.flush();
        INFO("depth " << depth);
        CHECK(out.str() == expected.dump(2));
    }
}

// The streamed inventory outputs: the JSON writer gives nlohmann::json's bytes
// (escaping, numbers, layout), CSV fields are quoted so that a CSV reader gets
// them back, and an output that fails half-way is an io error that leaves an
// old file whole.
#include "support.hpp"

#include "report/json_writer.hpp"

#include "klima/inventory.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"
#include "klima/io/output_file.hpp"
#include "klima/report/inventory_report.hpp"

#include <sys/resource.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <random>
#include <sstream>

using namespace klima;
using report::JsonWriter;

namespace {

const std::string kHeader = "year,sector,subsector,carrier,quantity,unit,source\n";

std::string escaped(std::string_view s) {
    std::string out;
    JsonWriter::append_escaped(out, s);
    return out;
}

std::string number(double v) {
    std::string out;
    JsonWriter::append_number(out, v);
    return out;
}

// A stream that takes `limit` bytes and then fails, as a full disk or a closed pipe would.
class FailingBuffer : public std::streambuf {
public:
    explicit FailingBuffer(std::size_t limit) : limit_(limit) {}
    std::size_t taken = 0;

protected:
    int_type overflow(int_type c) override {
        if (taken >= limit_) return traits_type::eof();
        ++taken;
        return traits_type::not_eof(c);
    }

private:
    std::size_t limit_;
};

// The inventory JSON as klima built it before it streamed: a whole nlohmann::json document.
std::string json_as_a_document(const InventoryResult& inv, const ReferenceData& ref, const std::string& title) {
    using nlohmann::json;
    const auto total = [](const Total& t) {
        json j{{"t_co2e", units::in_tonnes(t.co2e)}, {"lines", t.lines}, {"missing", t.missing}};
        for (Gas g : kAllGases) j["t_co2e_by_gas"][std::string(to_string(g))] = units::in_tonnes(t.gas_co2e[int(g)]);
        return j;
    };
    // added since: each sector's share and the tonnes on illustrative and derived factors
    const auto figures = report::inventory_figures(inv, ref);
    const auto property = [](const FuelProperty& p) {
        return json{{"value", p.written}, {"unit", p.unit},
                    {"status", p.status}, {"years", std::to_string(p.year_from) + "-" + std::to_string(p.year_to)},
                    {"source", p.source}, {"origin", to_string(p.origin)}};
    };
    json j{{"title", title}, {"year", inv.year}, {"gwp_set", inv.gwp_set}, {"unit", "t CO2e"}};
    const auto& gwp = ref.gwp.require(inv.gwp_set);
    for (Gas g : {Gas::CH4, Gas::N2O})
        j["gwp"][std::string(to_string(g))] = {{"gwp100", gwp.gwp100[int(g)]}, {"source", gwp.source[int(g)]}};
    j["totals"] = {{"territorial", total(inv.territorial)},
                   {"territorial_excl_lulucf", total(inv.territorial_excl_lulucf)},
                   {"reported_apart", total(inv.reported_apart)},
                   {"missing_cells", inv.missing_cells()}};
    for (const auto& [k, t] : inv.by_sector) {
        j["sectors"][k] = total(t);
        if (figures.share_pct.count(k)) j["sectors"][k]["share_pct"] = figures.share_pct.at(k);
    }
    j["factor_status"] = {{"derived",
                           {{"factors", figures.derived_factors},
                            {"pct_of_territorial", figures.derived_pct},
                            {"t_co2e", units::in_tonnes(figures.derived_co2e)}}},
                          {"illustrative",
                           {{"factors", figures.illustrative_factors},
                            {"pct_of_territorial", figures.illustrative_pct},
                            {"t_co2e", units::in_tonnes(figures.illustrative_co2e)}}}};
    for (const auto& [k, t] : inv.by_subsector) j["subsectors"][k] = total(t);
    j["lines"] = json::array();
    for (const auto& l : inv.lines) {
        const auto& r = l.record;
        json line{{"sector", r.sector},           {"subsector", r.subsector},
                  {"carrier", r.carrier},         {"gpc_ref", l.subsector->gpc_ref},
                  {"scope", l.subsector->scope},  {"activity_source", r.source},
                  {"origin", to_string(r.origin)}};
        if (l.missing()) {
            line["quantity"] = nullptr;
            line["missing"] = true;
        } else {
            const auto kind = units::kind_of(*r.amount);
            line["quantity"] = units::display_value(*r.amount);
            line["unit"] = units::display_unit(kind);
            line["t_co2e"] = units::in_tonnes(l.co2e);
            for (const auto& g : l.gases)
                line["gases"].push_back(
                    {{"gas", to_string(g.gas)},
                     {"t", units::in_tonnes(g.mass)},
                     {"t_co2e", units::in_tonnes(g.co2e)},
                     {"gwp100", g.gwp},
                     {"factor",
                      {{"value", units::display_factor_value(g.factor->value)},
                       {"unit", units::display_factor_unit(kind)},
                       {"status", g.factor->illustrative ? "illustrative" : "official"},
                       {"years", std::to_string(g.factor->year_from) + "-" + std::to_string(g.factor->year_to)},
                       {"source", g.factor->source},
                       {"origin", to_string(g.factor->origin)}}}});
        }
        if (const auto& c = l.conversion) {
            line["conversion"] = {{"formula", c->formula()},
                                  {"unit", c->unit},
                                  {"energy_gj", units::in_gj(c->energy)},
                                  {"heating_value", property(*c->heating_value)}};
            if (c->density) line["conversion"]["density"] = property(*c->density);
        }
        j["lines"].push_back(line);
    }
    return j.dump(2) + "\n";
}

}  // namespace

TEST_CASE("JSON writer: strings are escaped as nlohmann::json escapes them", "[report][json]") {
    std::string controls;
    for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
    for (const std::string& s : {std::string(), controls, std::string("say \"hi\" \\ back\\slash"),
                                 std::string("K\xC3\xB8ge \xC3\xA6\xC3\xB8\xC3\xA5 \xE2\x82\xAC \xF0\x9F\x8C\xB3"),
                                 std::string("tab\there, DEL \x7F stays, a/slash"), std::string("\r\n\b\f")}) {
        INFO(nlohmann::json(s).dump());
        CHECK(escaped(s) == nlohmann::json(s).dump());
    }
    CHECK(escaped(std::string("\x01", 1)) == "\"\\u0001\"");  // lowercase hex, as nlohmann writes it
    CHECK(escaped("\x1f") == "\"\\u001f\"");
}

TEST_CASE("JSON writer: numbers are nlohmann::json's digits", "[report][json]") {
    for (double v : {0.0, -0.0, 1.0, 28.0, 265.0, 0.1, 1e-5, 1.5e-7, 1e15, 1e16, 1e21, 123456789012345678.0, 1.0 / 3.0,
                     570108.1234, -2.5, 5e-324, 1.7976931348623157e308})
        CHECK(number(v) == nlohmann::json(v).dump());
    std::mt19937_64 bits(12);
    for (int i = 0; i < 20000; ++i) {
        double v;
        const auto b = bits();
        std::memcpy(&v, &b, sizeof v);
        if (!std::isfinite(v)) continue;
        REQUIRE(number(v) == nlohmann::json(v).dump());
    }
    CHECK(number(std::numeric_limits<double>::infinity()) == "null");  // as nlohmann dumps it
    CHECK(number(std::nan("")) == "null");
}

TEST_CASE("JSON writer: layout is nlohmann::json's dump(2)", "[report][json]") {
    std::ostringstream out;
    report::OutputBuffer buf(out);
    JsonWriter w(buf);
    w.begin_object();
    w.key("a").begin_object();
    w.end_object();
    w.key("b").begin_array();
    w.end_array();
    w.key("c").begin_array();
    w.value(1);
    w.begin_object();
    w.key("d").null();
    w.key("e").value(true);
    w.end_object();
    w.begin_array();
    w.value("x");
    w.end_array();
    w.end_array();
    w.key("f").value(2.5);
    w.end_object();
    w.flush();
    const auto doc =
        nlohmann::ordered_json::parse(R"({"a": {}, "b": [], "c": [1, {"d": null, "e": true}, ["x"]], "f": 2.5})");
    CHECK(out.str() == doc.dump(2));
}

TEST_CASE("inventory JSON: streamed, it is byte for byte the document klima used to build", "[report][json]") {
    // a converted fuel line (litres: conversion with density), a missing line, sources that need escaping
    const auto records = io::parse_activity_csv(kHeader +
                                                    "2017,transport,busser,gasolie,1000,l,\"fleet \"\"card\"\"\"\n"
                                                    "2017,energi,el,el,1000,MWh,\"grid, tab\tand K\xC3\xB8ge\"\n"
                                                    "2017,energi,fjernvarme,fjernvarme,,MWh,not reported\n",
                                                "a.csv");
    const auto& ref = test::fixture_reference();
    const auto inv = compute_inventory(records, 2017, ref);
    REQUIRE(inv.lines[0].conversion.has_value());
    REQUIRE(inv.lines[2].missing());
    const std::string title = "K\xC3\xB8ge \"test\"";
    CHECK(report::render_inventory(inv, ref, {report::Format::json, title, false, {}, {}}) ==
          json_as_a_document(inv, ref, title));
}

TEST_CASE("inventory CSV: a source with commas, quotes or a line break is quoted and reads back whole",
          "[report][csv]") {
    const std::string tricky = "counted, \"by hand\"\nsecond line";
    const auto records = io::parse_activity_csv(
        kHeader + "2017,energi,el,el,1000,MWh,\"counted, \"\"by hand\"\"\nsecond line\"\n", "a.csv");
    REQUIRE(records[0].source == tricky);
    const auto csv = report::render_inventory(compute_inventory(records, 2017, test::fixture_reference()),
                                              test::fixture_reference(), {report::Format::csv, "t", false, {}, {}});
    CHECK_THAT(csv, Catch::Contains(",\"counted, \"\"by hand\"\"\nsecond line\","));
    const auto table = io::CsvTable::parse(csv, "out.csv", {"activity_source", "factor_source"});
    REQUIRE(table.rows().size() == 1);
    CHECK(table.rows()[0].text("activity_source") == tricky);
    CHECK(table.rows()[0].text("factor_source") == "test fixture");  // no comma: as it is
}

TEST_CASE("inventory output: a stream that fails half-way is an io error", "[report][errors]") {
    const auto records = io::load_activity(test::fixture("activity.csv"), &test::fixture_reference());
    const auto inv = compute_inventory(records, 2017, test::fixture_reference());
    for (const auto format : {report::Format::json, report::Format::csv, report::Format::table}) {
        FailingBuffer failing(100);
        std::ostream out(&failing);
        try {
            report::write_inventory(out, inv, test::fixture_reference(), {format, "t", false, {}, {}});
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::io);
            CHECK_THAT(e.what(), Catch::Contains("cannot write the output"));
        }
        CHECK(failing.taken == 100);
    }
}

TEST_CASE("write_file_atomically: a streamed write that fails leaves the old file whole", "[report][errors]") {
    test::TempDir dir;
    const auto path = dir.write("inventory.json", "the old inventory\n");
    const auto names = [&] {
        std::vector<std::string> out;
        for (const auto& e : std::filesystem::directory_iterator(dir.path()))
            out.push_back(e.path().filename().string());
        return out;
    };
    const std::string block(4096, 'x');

    // The writer fails (a renderer's own error): that error passes on.
    CHECK_THROWS_WITH(io::write_file_atomically(path,
                                                [&](std::ostream& out) {
                                                    for (int i = 0; i < 40; ++i) out << block;
                                                    throw Error({"", 0, ""}, "renderer failed");
                                                }),
                      Catch::Contains("renderer failed"));
    CHECK(io::read_file(path) == "the old inventory\n");
    CHECK(names() == std::vector<std::string>{"inventory.json"});

    // The file system refuses more bytes (a file-size limit, as a full disk would): an io error naming the file.
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 64 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::optional<Error> error;
    try {
        const auto inv = compute_inventory(io::load_activity(test::fixture("activity.csv"), &test::fixture_reference()),
                                           2017, test::fixture_reference());
        io::write_file_atomically(path, [&](std::ostream& out) {
            for (int i = 0; i < 100; ++i)
                report::write_inventory(out, inv, test::fixture_reference(),
                                        {report::Format::json, "t", false, {}, {}});
        });
    } catch (const Error& e) {
        error = e;
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    REQUIRE(error.has_value());
    CHECK(error->kind() == ErrorKind::io);
    CHECK_THAT(error->what(), Catch::StartsWith(path) && Catch::Contains("File too large"));
    CHECK(io::read_file(path) == "the old inventory\n");
    CHECK(names() == std::vector<std::string>{"inventory.json"});

    // A complete write replaces it.
    io::write_file_atomically(path, [](std::ostream& out) { out << "new\n"; });
    CHECK(io::read_file(path) == "new\n");
}

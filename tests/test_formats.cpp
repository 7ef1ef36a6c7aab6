// One format enum (report::Format): each renderer's list of the formats it makes, the one parser a
// front end reads a name with, and the one tail that refuses a format a renderer does not make
// before anything is rendered or written. The CLI accepts exactly its renderer's list and names it.
#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/analysis/impact.hpp"
#include "klima/error.hpp"
#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/national/national_report.hpp"
#include "klima/report/analysis_report.hpp"
#include "klima/report/format.hpp"
#include "klima/report/impact_report.hpp"
#include "klima/report/inventory_report.hpp"
#include "klima/report/scenario_report.hpp"
#include "klima/report/status_counts_report.hpp"
#include "klima/report/status_report.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace klima;
using Catch::Contains;
using report::Format;

namespace {

// The usage error parse_format throws for `text`, checked to be one.
Error parse_error(std::string_view text, report::Formats supported, std::string_view kind = {},
                  std::span<const std::string_view> more = {}) {
    try {
        report::parse_format(text, supported, {"", 0, "--format"}, kind, more);
    } catch (const Error& e) {
        return e;
    }
    FAIL("'" << text << "' was taken");
    throw;  // not reached
}

// The error `render` throws, checked to be one.
template <class Render>
Error render_error(Render render) {
    try {
        render();
    } catch (const Error& e) {
        return e;
    }
    FAIL("rendered");
    throw;  // not reached
}

}  // namespace

TEST_CASE("formats: each format's name reads back as that format", "[report][formats]") {
    const std::vector<std::pair<Format, std::string>> all{{Format::table, "table"}, {Format::md, "md"},
                                                          {Format::csv, "csv"},     {Format::json, "json"},
                                                          {Format::html, "html"},   {Format::xlsx, "xlsx"}};
    std::vector<Format> every;
    for (const auto& [f, name] : all) every.push_back(f);
    for (const auto& [f, name] : all) {
        CHECK(report::format_name(f) == name);
        CHECK(report::parse_format(name, every, {}) == f);
    }
}

TEST_CASE("formats: a name outside the renderer's list is a usage error naming exactly the list", "[report][formats]") {
    // csv is a format, but not one the impact is made in
    const auto e = parse_error("csv", report::kImpactFormats, "impact");
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(e.where().field == "--format");
    CHECK(e.problem() == "unknown impact format 'csv'");
    CHECK(e.fix() == "use md, html or json");
    // no kind: "unknown format"; the list in the renderer's order
    const auto inv = parse_error("xml", report::kInventoryFormats);
    CHECK(inv.problem() == "unknown format 'xml'");
    CHECK(inv.fix() == "use table, json or csv");
    CHECK(parse_error("", national::kNationalFormats).fix() == "use table, md, csv, json, html or xlsx");
    CHECK(parse_error("MD", report::kStatusCountFormats).problem() == "unknown format 'MD'");  // names are lower case
    // words the caller takes itself come last in the list
    const std::string_view more[] = {"export-csv (the export for the national monitoring)"};
    CHECK(parse_error("pdf", report::kStatusFormats, "status", more).fix() ==
          "use md, csv, json, html, xlsx or export-csv (the export for the national monitoring)");
}

TEST_CASE("formats: a long name is echoed cut to 40 bytes, not inside a character", "[report][formats]") {
    std::string long_name;
    for (int i = 0; i < 50; ++i) long_name += "\xC3\xB8";  // ø, two bytes: 100 bytes in all
    std::string twenty;
    for (int i = 0; i < 20; ++i) twenty += "\xC3\xB8";  // 40 bytes: 20 whole characters
    CHECK(parse_error(long_name, report::kReportFormats).problem() == "unknown format '" + twenty + "…'");
    // 39 ASCII bytes then ø: byte 40 would split the ø, so the cut falls before it
    const std::string split = std::string(39, 'a') + "\xC3\xB8" + "tail";
    CHECK(parse_error(split, report::kReportFormats).problem() == "unknown format '" + std::string(39, 'a') + "…'");
}

TEST_CASE("formats: a renderer refuses a format it does not make before it writes a byte", "[report][formats]") {
    const auto records = io::load_activity(test::fixture("activity.csv"), &test::fixture_reference());
    const auto inv = compute_inventory(records, 2017, test::fixture_reference());
    std::ostringstream out;
    const auto e = render_error([&] {
        report::write_inventory(out, inv, test::fixture_reference(), {Format::html, "t", false, std::nullopt, {}});
    });
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(e.problem() == "the inventory is not made as html");
    CHECK(e.fix() == "give table, json or csv");
    CHECK(out.str().empty());

    const auto counts = render_error([] { report::render_status_counts({}, Format::xlsx, report::Lang::en); });
    CHECK(counts.kind() == ErrorKind::usage);
    CHECK(counts.fix() == "give md, csv or json");
    const auto impact = render_error([] { report::render_impact({}, Format::table, report::Lang::da); });
    CHECK(impact.problem() == "the impact is not made as table");
    CHECK(render_error([] { report::render_abatement({}, Format::md); }).fix() == "give table, json or csv");
}

TEST_CASE("formats: the national export is a layout of the status, made only as CSV", "[report][formats]") {
    const status::YearlyStatus status;
    const std::string code = "0259";
    const report::StatusView view{test::hand_report(), status, code};
    const auto e = render_error(
        [&] { report::render_status(view, Format::md, report::Lang::da, report::StatusLayout::national_export); });
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(e.problem() == "the status export for the national monitoring is not made as md");
    CHECK(e.fix() == "give csv");
    // xlsx is the status report's, but a file: only write_status_xlsx makes it
    const auto x = render_error([&] { report::render_status(view, Format::xlsx, report::Lang::da); });
    CHECK(x.kind() == ErrorKind::internal);
    CHECK_THAT(x.fix(), Contains("write_status_xlsx"));
}

TEST_CASE("formats: each command accepts its renderer's formats and names them when refused, before reading a file",
          "[cli][formats]") {
    struct Case {
        std::string args, problem, fix;
    };
    // Every file named does not exist: the format is refused first, exit 2, not 1.
    const std::string none = "/nonexistent/klima-formats/";
    const std::vector<Case> cases{
        {"impact --scenario " + none + "s.json --proposal " + none + "p.json --format csv",
         "unknown impact format 'csv'", "use md, html or json"},
        {"status --scenario " + none + "s.json --year 2024 --status " + none + "st.csv --format table",
         "unknown status format 'table'",
         "use md, csv, json, html, xlsx or export-csv (the export for the national monitoring)"},
        {"national --data-dir " + none + " --format pdf", "unknown format 'pdf'",
         "use table, md, csv, json, html or xlsx"},
        {"national --status-export " + none + "x.csv --format html", "unknown --status-export format 'html'",
         "use md, csv or json"},
        {"report --scenario " + none + "s.json --year 2023 --format table", "unknown report format 'table'",
         "use md, csv, json, html or xlsx"},
        {"scenario mc " + none + "s.json --format md", "unknown format 'md'", "use table, json or csv"},
    };
    for (const auto& c : cases) {
        const auto r = test::run_cli(c.args);
        INFO(c.args << "\n" << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Contains("field '--format': " + c.problem + " (fix: " + c.fix + ")"));
    }
}

TEST_CASE("formats: --help shows each command's formats as before the one enum", "[cli][formats][help]") {
    const std::vector<std::pair<std::string, std::string>> shown{
        {"inventory", "--format table|json|csv"},
        {"scenario run", "--format table|json|csv"},
        {"scenario macc", "--format table|json|csv"},
        {"scenario mc", "--format table|json|csv"},
        {"scenario solve", "--format table|json|csv"},
        {"report", "--format md|csv|json|html|xlsx"},
        {"impact", "--format FORMAT"},
        {"status", "--format FORMAT"},
        {"national", "--format FORMAT"},
    };
    for (const auto& [command, line] : shown) {
        const auto r = test::run_cli(command + " --help");
        INFO(command << "\n" << r.out);
        CHECK_THAT(r.out, Contains(line));
    }
}

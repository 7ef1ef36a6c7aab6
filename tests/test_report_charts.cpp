// Charts that print (issue 25): in every SVG chart the bundled examples' HTML reports make, no two
// text labels overlap and every label lies inside the picture; the MACC numbers each bar and lists
// the numbers with the names. Text boxes are estimated as the charts estimate them: a character
// 0.6 × the font size wide (wider than a digit or most letters of a sans-serif font), the box from
// 0.8 × the font size above the baseline to 0.2 × below.
#include "bundled_reports.hpp"
#include "report_fixture.hpp"
#include "support.hpp"

#include "klima/io/csv.hpp"

#include "report/report_text.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

using namespace klima;

namespace {

struct TextBox {
    std::string text;
    double x0, x1, y0, y1;
};

std::string attribute(const std::string& tag, const std::string& name) {
    const auto at = tag.find(" " + name + "=\"");
    if (at == std::string::npos) return {};
    const auto from = at + name.size() + 3;
    return tag.substr(from, tag.find('"', from) - from);
}

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// "&amp;" and the like count as one character.
std::string unescaped(std::string s) {
    for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;"})
        for (auto at = s.find(e); at != std::string::npos; at = s.find(e)) s.replace(at, std::string(e).size(), "x");
    return s;
}

// The boxes of the <text> elements of one <svg>…</svg>; a <title> inside a text is a tooltip, not drawn.
std::vector<TextBox> text_boxes(const std::string& svg) {
    std::vector<TextBox> out;
    for (std::size_t at = 0; (at = svg.find("<text ", at)) != std::string::npos;) {
        const auto tag_end = svg.find('>', at);
        const auto tag = svg.substr(at, tag_end - at);
        auto content = svg.substr(tag_end + 1, svg.find("</text>", tag_end) - tag_end - 1);
        if (const auto title = content.find("<title>"); title != std::string::npos) content.erase(title);
        at = tag_end;
        REQUIRE(attribute(tag, "transform").empty());  // no rotated labels: the estimate would not hold
        const double x = std::stod(attribute(tag, "x")), y = std::stod(attribute(tag, "y"));
        const double size = std::stod(attribute(tag, "font-size"));
        const double width = 0.6 * size * static_cast<double>(characters(unescaped(content)));
        const auto anchor = attribute(tag, "text-anchor");
        const double x0 = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x;
        out.push_back({content, x0, x0 + width, y - 0.8 * size, y + 0.2 * size});
    }
    return out;
}

bool overlap(const TextBox& a, const TextBox& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

// The picture's size: the viewBox when it has one, else width and height.
std::pair<double, double> picture_size(const std::string& head) {
    const auto box = attribute(head, "viewBox");
    if (!box.empty()) {
        double x = 0, y = 0, w = 0, h = 0;
        std::istringstream(box) >> x >> y >> w >> h;
        return {w, h};
    }
    return {std::stod(attribute(head, "width")), std::stod(attribute(head, "height"))};
}

// Every HTML page with charts the bundled examples make: the progress reports (both languages), the
// impact page of each bundled proposal and the national page.
std::vector<std::string> bundled_pages() {
    static test::TempDir dir;
    static const std::vector<std::string> pages = [] {
        const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
        std::vector<std::string> out;
        for (const auto& r : test::bundled_reports())
            if (r.format == "html") out.push_back(r.path);
        for (const char* proposal : {"koege-groen-transport", "koege-boligomraade"}) {
            const auto run = test::run_cli("impact --data-dir '" + root + "/data' --scenario '" + root +
                                           "/scenarios/koege.json' --proposal '" + root + "/scenarios/proposals/" +
                                           proposal + ".json' --format html");
            INFO(run.err);
            REQUIRE(run.exit_code == 0);
            out.push_back(dir.write(std::string(proposal) + ".html", run.out));
        }
        const auto national = dir.file("national.html");
        const auto run =
            test::run_cli("national --data-dir '" + root + "/data' --format html --out '" + national + "'");
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        out.push_back(national);
        return out;
    }();
    return pages;
}

std::vector<std::string> svgs(const std::string& html) {
    std::vector<std::string> out;
    for (std::size_t at = 0; (at = html.find("<svg ", at)) != std::string::npos; ++at)
        out.push_back(html.substr(at, html.find("</svg>", at) - at));
    return out;
}

}  // namespace

TEST_CASE("charts: no two labels of any chart of the bundled reports overlap, all inside the picture",
          "[report][charts]") {
    int charts = 0, labels = 0;
    for (const auto& page : bundled_pages()) {
        for (const auto& svg : svgs(io::read_file(page))) {
            const auto head = svg.substr(0, svg.find('>'));
            const auto [width, height] = picture_size(head);
            const auto boxes = text_boxes(svg);
            ++charts, labels += static_cast<int>(boxes.size());
            for (std::size_t i = 0; i < boxes.size(); ++i) {
                INFO(page << " " << attribute(head, "id") << ": \"" << boxes[i].text << "\"");
                CHECK(boxes[i].x0 >= 0);
                CHECK(boxes[i].x1 <= width);
                CHECK(boxes[i].y0 >= 0);
                CHECK(boxes[i].y1 <= height);
                for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                    INFO("overlaps \"" << boxes[j].text << "\"");
                    CHECK_FALSE(overlap(boxes[i], boxes[j]));
                }
            }
        }
    }
    // 3 scenarios × 2 languages; each report has trajectory, wedges and sectors, and the
    // analysis adds the MACC (and the fan when the scenario has distributions): at least 4 each;
    // the impact pages one each, the national page its map and one forecast per municipality (98).
    CHECK(charts >= 3 * 2 * 4 + 2 + 1 + 98);
    CHECK(labels >= 3 * 2 * 4 * 10);  // a report chart has its title, ≥ 5 axis values and its legend
}

TEST_CASE("charts: the MACC numbers each bar and lists every number with the measure's name", "[report][charts]") {
    for (const auto& r : test::bundled_reports()) {
        if (r.format != "html") continue;
        const auto html = io::read_file(r.path);
        const auto at = html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-macc\"");
        REQUIRE(at != std::string::npos);
        const auto svg = html.substr(at, html.find("</svg>", at) - at);
        const int bars = test::occurrences(svg, "class=\"macc-bar\"") + test::occurrences(svg, "class=\"macc-nocost\"");
        INFO(r.path);
        CHECK(bars > 0);
        CHECK(test::occurrences(svg, "class=\"macc-number\"") == bars);
        CHECK(test::occurrences(svg, "class=\"macc-legend\"") == bars);
        // The last bar's number is on the bar and leads the last legend line.
        const auto n = std::to_string(bars);
        CHECK(svg.find("text-anchor=\"middle\">" + n + "</text>") != std::string::npos);
        CHECK(std::regex_search(svg, std::regex("class=\"macc-legend\"[^>]*>" + n + " [^<]+</text>")));
    }
}

TEST_CASE("xlsx sheet names: at most 31 characters, cut after a whole word, unique", "[report][xlsx]") {
    std::vector<std::string> taken;
    // 29 characters: kept whole
    CHECK(report::sheet_name("Fremdrift pr. sektor (t CO2e)", taken) == "Fremdrift pr. sektor (t CO2e)");
    // 36 characters with its unit: the unit goes first, leaving 27 ("Manko pr. sektor og år 2030")
    CHECK(report::sheet_name("Manko pr. sektor og år 2030 (t CO2e)", taken) == "Manko pr. sektor og år 2030");
    // 46 characters, no unit: cut after "for" (31 characters would end "hver" mid-word)
    CHECK(report::sheet_name("Effekt 2030 ved niveau for hvert enkelt tiltag", taken) == "Effekt 2030 ved niveau for");
    // Excel's forbidden characters become '-'
    CHECK(report::sheet_name("Mål: 2030/2050", taken) == "Mål- 2030-2050");
    // The same heading again gets " 2"
    CHECK(report::sheet_name("Fremdrift pr. sektor (t CO2e)", taken) == "Fremdrift pr. sektor (t CO2e) 2");
    // Counted in characters, not bytes: 31 × "ø" is 62 bytes and fits
    const std::string oes = [] {
        std::string s;
        for (int i = 0; i < 31; ++i) s += "ø";
        return s;
    }();
    CHECK(report::sheet_name(oes, taken) == oes);
}

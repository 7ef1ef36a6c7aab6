// Danish output is Danish (issue 25): the Danish md, html and xlsx progress reports of every bundled
// example are scanned for internal codes and English words; any hit fails, naming the file and
// the line. What a person sees is scanned: the Markdown as it is, the HTML without its tags and
// style sheet (tooltips included), the workbook's cell texts, sheet names and chart titles.
#include "bundled_reports.hpp"
#include "support.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

using namespace klima;

namespace {

// Words that are English and not Danish (so "for", "by", "is", "to", "budget", "total", "neutral" are not here).
const std::vector<std::string> kEnglish{"the",        "and",       "of",
                                        "with",       "from",      "without",
                                        "which",      "not",       "measure",
                                        "measures",   "target",    "targets",
                                        "scenario",   "emissions", "declared",
                                        "allocation", "cost",      "level",
                                        "none",       "yes",       "seed",
                                        "draws",      "left",      "reported",
                                        "apart",      "missing",   "gap",
                                        "path",       "track",     "reduce",
                                        "climate",    "plan's",    "illustrative assumption"};

// Allowed although they look English or like codes — each with its reason. Keep this list short.
const std::set<std::string> kAllowed{
    // none yet: BAU, LULUCF, MACC, Monte Carlo, CO2e and P5/P95 are not matched by the rules below
    // (upper case or digits), and are the terms Danish DK2020 and Energistyrelsen texts use.
};

// The visible text of an HTML page: no <style>, no tags; entities left as they are.
std::string visible_text(std::string html) {
    if (const auto s = html.find("<style>"); s != std::string::npos) html.erase(s, html.find("</style>") + 8 - s);
    std::string out;
    bool in_tag = false;
    for (char c : html) {
        if (c == '<') in_tag = true, out += ' ';
        else if (c == '>') in_tag = false;
        else if (!in_tag) out += c;
    }
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Each hit as "line N: …the line…".
std::vector<std::string> hits(const std::string& text, const std::regex& re) {
    std::vector<std::string> out;
    std::size_t line_no = 0, from = 0;
    while (from <= text.size()) {
        auto to = text.find('\n', from);
        if (to == std::string::npos) to = text.size();
        const auto line = text.substr(from, to - from);
        ++line_no;
        for (std::sregex_iterator it(line.begin(), line.end(), re), end; it != end; ++it)
            if (!kAllowed.count(it->str()))
                out.push_back("line " + std::to_string(line_no) + ": «" + it->str() + "» in " + line.substr(0, 300));
        from = to + 1;
    }
    return out;
}

// The measure ids of a bundled scenario, each as it would show: "(id)".
std::vector<std::string> measure_ids(const std::string& scenario) {
    const auto json =
        nlohmann::json::parse(io::read_file(std::string(KLIMA_TEST_DIR) + "/../scenarios/" + scenario + ".json"));
    std::vector<std::string> ids;
    for (const auto& m : json.at("measures")) ids.push_back(m.at("id").get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("Danish reports: no internal codes and no English words in md, html and xlsx of every bundled example",
          "[report][danish]") {
    // snake_case codes (territorial_incl_lulucf, cost_dkk, fjernvarme_udbygning), a code of the
    // taxonomy in lower case (lulucf), an English word, and the old word "målspor" for "målsti".
    std::string english;
    for (const auto& w : kEnglish) english += (english.empty() ? "" : "|") + w;
    const std::regex code(R"(\b[a-z0-9]+_[a-z0-9_]+\b|\blulucf\b|målspor)");
    const std::regex words("\\b(" + english + ")\\b", std::regex::icase);
    int scanned = 0;
    for (const auto& r : test::bundled_reports()) {
        if (r.lang != "da") continue;
        const auto raw = r.format == "xlsx" ? test::xlsx_text(r.path) : io::read_file(r.path);
        const auto text = r.format == "html" ? visible_text(raw) : raw;
        ++scanned;
        INFO(r.path);
        std::vector<std::string> found = hits(text, code);
        for (auto& h : hits(text, words)) found.push_back(std::move(h));
        for (const auto& id : measure_ids(r.scenario))
            if (text.find("(" + id + ")") != std::string::npos) found.push_back("the measure id (" + id + ")");
        for (const auto& f : found) FAIL_CHECK(f);
        CHECK(found.empty());
        // The scan saw the report: its summary heading is there
        CHECK(text.find("Status i korte træk") != std::string::npos);
    }
    CHECK(scanned == 3 * 3);  // 3 scenarios × md, html, xlsx
}

TEST_CASE("Danish reports: the scan finds a code and an English word when they are there", "[report][danish]") {
    // The scan itself can fail: the English report of the same plan has the measure ids and English words.
    const std::regex words("\\b(the|scenario|measures)\\b", std::regex::icase);
    for (const auto& r : test::bundled_reports()) {
        if (r.lang != "en" || r.format != "md") continue;
        const auto text = io::read_file(r.path);
        INFO(r.path);
        CHECK_FALSE(hits(text, words).empty());
        CHECK(lower(text).find("summary") != std::string::npos);
    }
}

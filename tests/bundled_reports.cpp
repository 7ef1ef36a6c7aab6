#include "bundled_reports.hpp"

#include "klima/io/csv.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

namespace klima::test {

const std::vector<BundledReport>& bundled_reports() {
    static TempDir dir;  // removed when the test binary exits
    static const std::vector<BundledReport> reports = [] {
        const std::string root = std::string(KLIMA_TEST_DIR) + "/..";
        std::vector<BundledReport> out;
        for (const char* scenario : {"koege", "koege-plan", "ballerup"})
            for (const char* lang : {"da", "en"})
                for (const char* format : {"md", "html", "xlsx"}) {
                    BundledReport r{scenario, lang, format,
                                    dir.file(std::string(scenario) + "-" + lang + "." + format)};
                    const auto run = run_cli("report --data-dir '" + root + "/data' --scenario '" + root +
                                             "/scenarios/" + scenario + ".json' --year 2023 --lang " + lang +
                                             " --format " + format + " --out '" + r.path + "'");
                    INFO(r.path << "\n" << run.err);
                    REQUIRE(run.exit_code == 0);
                    out.push_back(std::move(r));
                }
        return out;
    }();
    return reports;
}

std::string xlsx_text(const std::string& path) {
    static int n = 0;
    const auto out = path + ".text" + std::to_string(n++);
    // Shared strings, inline strings of any sheet, sheet names and chart titles.
    const auto cmd = "unzip -p '" + path + "' xl/sharedStrings.xml xl/workbook.xml 'xl/worksheets/*.xml' " +
                     "'xl/charts/*.xml' >'" + out + "' 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const auto xml = io::read_file(out);
    std::filesystem::remove(out);
    // The text of <t>, <t xml:space="preserve"> and <a:t> elements, and the name="" of <sheet> elements.
    std::string text;
    for (std::size_t at = 0; (at = xml.find('<', at)) != std::string::npos; ++at) {
        const auto end = xml.find('>', at);
        if (end == std::string::npos) break;
        const auto tag = xml.substr(at + 1, end - at - 1);
        if (tag == "t" || tag == "a:t" || tag.rfind("t ", 0) == 0) {
            const auto close = xml.find('<', end);
            text += xml.substr(end + 1, close - end - 1) + "\n";
        } else if (tag.rfind("sheet ", 0) == 0) {
            const auto name = tag.find("name=\"");
            if (name != std::string::npos) text += tag.substr(name + 6, tag.find('"', name + 6) - name - 6) + "\n";
        }
    }
    return text;
}

}  // namespace klima::test

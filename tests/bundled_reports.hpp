// The progress reports of the bundled examples, rendered once per test run by the klima binary:
// for the chart and wording tests that scan every report the examples make.
#pragma once

#include "support.hpp"

#include <string>
#include <vector>

namespace klima::test {

// One bundled scenario's report in one language and format.
struct BundledReport {
    std::string scenario;  // "koege-plan"
    std::string lang;      // "da" or "en"
    std::string format;    // "md", "html" or "xlsx"
    std::string path;      // the file written by `klima report --out`
};

// The reports of scenarios/{koege,koege-plan,ballerup}.json for 2023 in `langs` and `formats`,
// written once into a directory that lives as long as the test binary; REQUIREs that each run
// exits 0.
const std::vector<BundledReport>& bundled_reports();

// The text of an xlsx workbook a person sees: its shared strings and inline strings, with the
// sheet names (xl/workbook.xml), read with unzip; REQUIREs that unzip succeeds.
std::string xlsx_text(const std::string& path);

}  // namespace klima::test

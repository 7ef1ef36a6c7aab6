// The national monitor's outputs: the status of all municipalities (national_status.hpp), or one
// municipality's page, as a text table, Markdown, CSV, JSON, self-contained HTML with the map
// (national_map.hpp) or XLSX, in Danish or English. Every output names the three forecasts, the
// source and its vintage. Implemented in engine/src/report/national_*.cpp. Knows nothing of flags.
#pragma once

#include "klima/national/national_map.hpp"
#include "klima/national/national_status.hpp"
#include "klima/report/format.hpp"
#include "klima/report/progress_report.hpp"

#include <optional>
#include <string>

namespace klima::national {

// How the HTML page carries its sorting script: inline (a file on its own) or as <script src=…>
// (the workbench, whose Content-Security-Policy forbids inline script).
struct HtmlOptions {
    std::optional<std::string> script_src;        // none: inline
    std::string municipality_link = "#m-{code}";  // {code} replaced; where a click on the map goes
};

using report::Format;

// The formats of the national status: xlsx by write_national_xlsx, the others by render_national.
inline constexpr std::array kNationalFormats{Format::table, Format::md,   Format::csv,
                                             Format::json,  Format::html, Format::xlsx};
// The formats of one municipality's page (no workbook: it holds all municipalities).
inline constexpr std::array kMunicipalityFormats{Format::table, Format::md, Format::csv, Format::json, Format::html};

// The text of `format` (all but xlsx, which throws klima::Error internal: use write_national_xlsx).
// `map` is needed for html only (nullptr: no map). A format outside the list throws klima::Error
// (usage) before any work. Pure functions of their arguments, safe to call concurrently on one status.
std::string render_national(const NationalStatus& s, Format format, report::Lang lang, const NationalMap* map = nullptr,
                            const HtmlOptions& html = {});
// One municipality's page (`m` an index into s.data.municipalities), in a format of kMunicipalityFormats.
std::string render_municipality(const NationalStatus& s, std::size_t m, Format format, report::Lang lang,
                                const NationalMap* map = nullptr);
// The JSON documents of `klima national --format json` and of GET /api/national and
// /api/municipality/{code}: the same bytes from both.
std::string national_json(const NationalStatus& s);
std::string municipality_json(const NationalStatus& s, std::size_t m);
// An .xlsx workbook (sheets: municipalities, national, methods) written beside `path` and renamed;
// throws klima::Error (io) naming the path.
void write_national_xlsx(const NationalStatus& s, report::Lang lang, const std::string& path);

// The page's script: table sorting and the map's switch (inline in the command's HTML, /national.js
// in the workbench).
std::string_view national_script();

// The one-line definition of each forecast, as docs/method.md gives it, in `lang`.
std::string forecast_definition(Forecast f, const NationalParams& p, report::Lang lang);

}  // namespace klima::national

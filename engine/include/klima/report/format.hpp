// The one enum of output formats (report::Format), their names as a command line or a query
// spells them, and the one parser from a name to a Format. Every renderer declares the formats it
// makes as a constexpr list beside its render function (kInventoryFormats, kReportFormats, …), and
// a front end parses against that list, so a command accepts exactly what its renderer makes.
// Knows no renderer and no flag: the front end says where the name came from.
#pragma once

#include "klima/error.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>

namespace klima::report {

// table: plain text for a terminal; md: Markdown; csv, json: for programs; html: a self-contained
// page; xlsx: a binary workbook, written to a file by the renderer's write_*_xlsx, never as text.
enum class Format { table, md, csv, json, html, xlsx };

// The formats a renderer makes: a view of its constexpr list (static storage: the view never dangles).
using Formats = std::span<const Format>;

// "table", "md", "csv", "json", "html", "xlsx": the word a command line or a query gives.
std::string_view format_name(Format format);

// Whether `formats` holds `format`.
constexpr bool makes(Formats formats, Format format) {
    for (const auto f : formats)
        if (f == format) return true;
    return false;
}

// "a, b or c": the names of `formats` in their order, then the words of `more`.
std::string format_names(Formats formats, std::span<const std::string_view> more = {});

// `text` as one of `supported`. Anything else (another format's name, a misspelling, nothing)
// throws Error of kind usage at `where` (the front end's option or query field): "unknown <kind>
// format 'text'" with the fix "use a, b or c", naming exactly `supported` and then `more` (words
// the caller takes itself before it calls, such as `klima status --format export-csv`). An echoed
// `text` is cut to 40 bytes. Pure: safe to call from any thread.
Format parse_format(std::string_view text, Formats supported, const Location& where, std::string_view kind = {},
                    std::span<const std::string_view> more = {});

}  // namespace klima::report

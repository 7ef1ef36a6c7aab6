// The one tail of the renderers of report::Format (private to engine/src/report):
// an outcome's table, JSON and CSV forms given as callables, the one `format`
// names made. Only that one runs.
#pragma once

#include "klima/report/inventory_report.hpp"

#include <string>

namespace klima::report {

template <class Table, class Json, class Csv>
std::string render_by_format(Format format, const Table& table, const Json& json, const Csv& csv) {
    switch (format) {
        case Format::json: return json();
        case Format::csv: return csv();
        case Format::table: break;
    }
    return table();
}

}  // namespace klima::report

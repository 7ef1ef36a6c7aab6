// Reading one worksheet of an .xlsx workbook into rows of cell text, with
// libzip (the package) and expat (its XML), both Debian packages. Numbers are
// kept as the workbook stores them (canonical, decimal point) and marked, so
// that a reader never has to guess how a number cell was written. Knows
// nothing of klima's columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

struct XlsxCell {
    std::string text;     // shared or inline string, the stored number, TRUE/FALSE
    bool number = false;  // a number cell: `text` is canonical ("1234.5", "1E-3")
};

struct XlsxRow {
    int row = 0;                  // 1-based row number in the sheet
    std::vector<XlsxCell> cells;  // from column A; absent cells are empty text
};

struct XlsxSheet {
    std::string name;
    std::vector<XlsxRow> rows;  // rows that hold at least one cell, in order
};

// The sheet named `sheet`, or the first sheet when `sheet` is empty. Throws
// klima::Error naming `name` when the bytes are not an xlsx workbook (not a
// zip, a part missing, malformed XML with its line) or the sheet is absent
// (listing the sheets there are).
XlsxSheet parse_xlsx(std::string_view bytes, const std::string& name, const std::string& sheet = {});
XlsxSheet read_xlsx(const std::string& path, const std::string& sheet = {});

// "A" for column 0, "Z" for 25, "AA" for 26: the letters of a cell reference.
std::string column_letters(std::size_t column);

}  // namespace klima::io

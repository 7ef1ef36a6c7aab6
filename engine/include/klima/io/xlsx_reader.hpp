// Reading one worksheet of an .xlsx workbook into rows of cell text, with
// libzip (the package) and expat (its XML), both Debian packages. Numbers are
// kept as the workbook stores them (canonical, decimal point) and marked, so
// that a reader never has to guess how a number cell was written. Knows
// nothing of klima's columns.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

struct XlsxCell {
    // Shared or inline string, the stored number, TRUE/FALSE: a view into
    // XlsxSheet::text, so that a shared string is held once however many
    // cells show it.
    std::string_view text;
    bool number = false;  // a number cell: `text` is canonical ("1234.5", "1E-3")
};

struct XlsxRow {
    int row = 0;                  // 1-based row number in the sheet
    std::vector<XlsxCell> cells;  // from column A; absent cells are empty text
};

struct XlsxSheet {
    std::string name;
    std::vector<XlsxRow> rows;  // rows that hold at least one cell, in order
    // What the cells' text views; shared, so that a table made of the sheet
    // (CsvTable::from_sheet) keeps it without a copy. Never changed once read.
    std::shared_ptr<const std::deque<std::string>> text;
};

// Limits, each refused with klima::Error naming the cell (Sheet!C7) and a fix;
// a municipal workbook comes nowhere near them, and the memory a sheet takes
// stays within a few hundred MiB whatever the file holds.
struct XlsxLimits {
    static constexpr std::size_t cells = 1'000'000;           // cell slots: rows × columns up to the last used
    static constexpr std::size_t columns = 16'384;            // A … XFD, Excel's own limit
    static constexpr int rows = 1'048'576;                    // Excel's own limit
    static constexpr std::size_t cell_chars = 32'767;         // characters in one cell, Excel's own limit
    static constexpr std::size_t shared_strings = 1'000'000;  // entries in xl/sharedStrings.xml
    static constexpr std::size_t shared_text_bytes = std::size_t{64} << 20;  // their text together: 64 MiB
    // The text all cells show together, a shared string counted in each cell that shows it: 256 MiB.
    // What a reader copies out of the cells (a record's source) is bounded by this.
    static constexpr std::size_t shown_text_bytes = std::size_t{256} << 20;
};

// The sheet named `sheet`, or the first sheet when `sheet` is empty. Throws
// klima::Error naming `name` when the bytes are not an xlsx workbook (not a
// zip, a part missing, malformed XML with its line) or the sheet is absent
// (listing the sheets there are); naming the cell for a cell past XlsxLimits,
// a value right of the header row's last column (the first row with a
// non-blank cell), and a formula saved without its value (as openpyxl and
// pandas write them).
XlsxSheet parse_xlsx(std::string_view bytes, const std::string& name, const std::string& sheet = {});
XlsxSheet read_xlsx(const std::string& path, const std::string& sheet = {});

// "A" for column 0, "Z" for 25, "AA" for 26: the letters of a cell reference.
std::string column_letters(std::size_t column);

}  // namespace klima::io

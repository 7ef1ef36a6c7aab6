// Activity data in an .xlsx workbook: the bytes opened as a zip archive, its
// parts streamed through the XML parser within io::XlsxLimits, the first
// sheet read as a table, checked against the bundled taxonomy and carriers,
// and every year's inventory computed.
#include "fuzz_common.hpp"

#include "klima/inventory.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    return fuzz::refused_or_read([&] {
        const auto records = io::parse_activity_xlsx(fuzz::bytes(data, size), "fuzz.xlsx");
        for (const auto& r : records) fuzz::reference().validate(r);
        for (int year : years_in(records)) compute_inventory(records, year, fuzz::reference(), "AR5");
    });
}

// The yearly status readers (docs/status.md): the status as CSV and as JSON,
// a municipality's indicator values against the bundled catalogue, and the
// export for the national monitoring as klima national --status-export reads
// it. The first byte chooses the reader, the rest is its input.
#include "fuzz_common.hpp"

#include "klima/io/status_export_file.hpp"
#include "klima/io/status_file.hpp"
#include "klima/status/status_counts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    if (size == 0) return 0;
    static const auto catalogue =
        io::load_indicator_catalogue(std::string(KLIMA_DEFAULT_DATA_DIR) + "/indicators/catalogue.csv");
    const auto text = fuzz::bytes(data + 1, size - 1);
    return fuzz::refused_or_read([&] {
        switch (data[0] % 4) {
            case 0: io::parse_status_csv(text, "fuzz.csv"); break;
            case 1: io::parse_status_json(text, "fuzz.json"); break;
            case 3: status::count_by_status(io::parse_status_export(text, "fuzz.csv")); break;
            default: io::parse_indicator_values(text, "fuzz.csv", catalogue); break;
        }
    });
}

// Activity data CSV (data/*/activity.csv): parsed, checked against the
// bundled taxonomy and carriers, and every year's inventory computed.
#include "fuzz_common.hpp"

#include "klima/inventory.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    return fuzz::refused_or_read([&] {
        const auto records = io::parse_activity_csv(fuzz::bytes(data, size), "fuzz.csv");
        for (const auto& r : records) fuzz::reference().validate(r);
        for (int year : years_in(records)) compute_inventory(records, year, fuzz::reference(), "AR5");
    });
}

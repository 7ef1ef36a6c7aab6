// Local factor overrides CSV (data/overrides/*.csv, io/factor_overrides.hpp): parsed, checked
// against the bundled carriers and taxonomy, and laid over the bundled factors.
#include "fuzz_common.hpp"

#include "klima/io/factor_overrides.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    return fuzz::refused_or_read([&] {
        const auto overrides = io::parse_factor_overrides(fuzz::bytes(data, size), "fuzz.csv", fuzz::reference());
        auto ref = fuzz::reference();
        io::apply_factor_overrides(ref, overrides);
    });
}

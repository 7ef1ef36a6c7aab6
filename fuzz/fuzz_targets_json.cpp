// Targets JSON (data/targets/*.json).
#include "fuzz_common.hpp"

#include "klima/io/targets_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    return fuzz::refused_or_read([&] { io::parse_targets(fuzz::bytes(data, size), "fuzz.json"); });
}

// Scenario JSON (scenarios/*.json): the file itself, its measures and their
// parameters. The files it names (activity, drivers) are not opened.
#include "fuzz_common.hpp"

#include "klima/io/scenario_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    return fuzz::refused_or_read([&] { io::parse_scenario(fuzz::bytes(data, size), "fuzz.json"); });
}

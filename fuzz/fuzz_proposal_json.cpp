// Proposal JSON (scenarios/proposals/*.json, `klima impact --proposal`): its
// measures, read as a scenario's, and its growth area.
#include "fuzz_common.hpp"

#include "klima/io/proposal_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    return fuzz::refused_or_read([&] { io::parse_proposal(fuzz::bytes(data, size), "fuzz.json", 2017); });
}

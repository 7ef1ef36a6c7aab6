// Distributions (klima/distribution.hpp) and uncertain inputs: the bytes read
// as a distribution's text form (a CSV cell), as a distribution in JSON, and
// as the inputs of an uncertainty file or a scenario's "uncertainty" block.
// A distribution that is accepted must draw finite multipliers of 0 or more.
#include "fuzz_common.hpp"

#include "io/readers.hpp"

#include "klima/distribution.hpp"

#include <cmath>
#include <cstdlib>
#include <random>

namespace {

void check_draws(const klima::Distribution& d) {
    std::mt19937_64 rng(1);
    for (int i = 0; i < 16; ++i) {
        const double m = d.draw(rng);
        if (!std::isfinite(m) || m < 0) std::abort();  // a finding: an accepted distribution drew nonsense
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    const auto text = fuzz::bytes(data, size);
    fuzz::refused_or_read([&] { check_draws(parse_distribution(text, {"fuzz.csv", 2, "uncertainty"})); });
    fuzz::refused_or_read([&] {
        const auto j = io::parse_json(text, "fuzz.json");
        try {
            check_draws(io::distribution_from_json(j, "fuzz.json", ""));
        } catch (const Error&) {}
        std::vector<MeasureSpec> measures(1);
        measures.back().id = "m";
        for (const auto& u : io::uncertain_inputs_from_json(j, "fuzz.json", "/uncertainty", measures))
            check_draws(u.dist);
    });
    return 0;
}

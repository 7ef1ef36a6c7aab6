// What every fuzz target shares. Each target feeds libFuzzer's bytes to one
// reader. The reader's promise (docs/reliability.md): it returns, or it
// throws klima::Error naming where and what. Anything else is a finding that
// libFuzzer reports and CI fails on: another exception (std::terminate), a
// crash, a hang, or an AddressSanitizer or UndefinedBehaviorSanitizer report.
#pragma once

#include "klima/error.hpp"
#include "klima/io/data_files.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace klima::fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Runs `read`; a klima::Error is the reader refusing the input, which is fine.
template <class F>
int refused_or_read(F&& read) {
    try {
        read();
    } catch (const klima::Error&) {}
    return 0;
}

// The bundled reference data (data/ of the source tree), loaded once.
inline const ReferenceData& reference() {
    static const ReferenceData ref = io::load_reference_data(KLIMA_DEFAULT_DATA_DIR);
    return ref;
}

}  // namespace klima::fuzz

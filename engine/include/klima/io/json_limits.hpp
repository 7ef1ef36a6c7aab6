// klima's one JSON policy (docs/reliability.md, "Limits"): every JSON text klima
// reads — a data file, a scenario, a request body of the workbench — is checked
// against a size limit and a nesting limit before anything parses, recurses
// into or allocates for it. The check is a single linear pass that keeps no
// stack, so no text can make it recurse or allocate. Knows nothing of what the
// JSON means; the readers (io/) and the workbench (serve/) apply it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace klima::io {

// Deeper than any klima format needs (a scenario nests 5 levels, an uncertainty input 6), and far
// below what would exhaust a thread's stack in a recursive walk (nlohmann's dump(), destructors of
// older versions) or make an indented dump grow with the square of the depth.
inline constexpr std::size_t kJsonMaxDepth = 128;
// The largest JSON file a reader takes: far above any plan or year of activity klima ships
// (the largest bundled file is 26 KB); a request body is held to the server's own, smaller limit.
inline constexpr std::size_t kJsonMaxBytes = 256u * 1024 * 1024;

struct JsonLimits {
    std::size_t max_bytes = kJsonMaxBytes;
    std::size_t max_depth = kJsonMaxDepth;  // arrays and objects inside one another; 1 for {} or []
};

// What the workbench keeps with a saved scenario version beside it (editor_state): a page's own
// state, the scenario and one control per measure (for the 42-measure Køge plan 27 KB, 7 levels
// deep), with room to spare. The store's save and the workbench refuse a larger or deeper one.
inline constexpr JsonLimits kEditorStateLimits{512 * 1024, 16};

// Throws klima::Error (kind input) naming `name` when `text` is longer than limits.max_bytes
// (checked first, in constant time) or nests arrays and objects deeper than limits.max_depth
// (with the line where the limit is crossed). Brackets inside strings do not count. Does not
// check the rest of the syntax: the parser that runs next does. Safe to call concurrently.
void check_json_limits(std::string_view text, const std::string& name, const JsonLimits& limits = {});

}  // namespace klima::io

// CLI11's parse errors in klima's words: one UsageError naming the option, argument or
// command that does not fit, and what it accepts.
#pragma once

#include "options.hpp"

namespace CLI {
class ParseError;
}  // namespace CLI

namespace klima::cli {

// `root`: the parsed application; the error belongs to the deepest command the line reached.
UsageError usage_error(const CLI::ParseError& e, CLI::App& root);

}  // namespace klima::cli

// The engine's fixes say what to do in engine terms ("give the path of a klima store");
// this adds the flag or command that does it, by what the error is about (klima::Subject).
#pragma once

#include "klima/error.hpp"

#include <string>

namespace klima::cli {

// `e`'s fix with the klima flag or command for its subject appended.
std::string fix_with_flags(const Error& e);

}  // namespace klima::cli

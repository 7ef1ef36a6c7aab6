// The engine's errors say where and what to do in engine terms ("give the path of a klima
// store", "the request's year"); this names the flag or command that does it, by what the
// error is about (klima::Subject). The one place where engine words become flags: main uses it
// for every error, so no command catches and rethrows to rename a field.
#pragma once

#include "klima/error.hpp"

#include <string>

namespace klima::cli {

// `e`'s fix with the klima flag or command for its subject appended.
std::string fix_with_flags(const Error& e);

// `e`'s location, with a request member (Subject::request: year, measure, discount_rate, …)
// named by the flag that sets it (--year, --measure, --discount, …).
Location where_with_flags(const Error& e);

}  // namespace klima::cli

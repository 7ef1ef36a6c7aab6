// The parts of `klima db` that compare versions, shared between cmd_db.cpp
// (dispatch) and cmd_db_diff.cpp.
#pragma once

#include "args.hpp"

#include <iosfwd>

namespace klima::cli {

int db_diff(const Args& args, int v1, int v2, std::ostream& out);
int db_recalc(const Args& args, std::ostream& out);

}  // namespace klima::cli

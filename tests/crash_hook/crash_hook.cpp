// Linked only into klima_crashable, the test-only twin of klima that the
// crash tests run (tests/test_store_reliability.cpp): with
// KLIMA_TEST_CRASH_AFTER_ROWS=N the process kills itself (SIGKILL, no
// cleanup) after an import has inserted N data rows, inside the open
// transaction, to prove that such a crash writes nothing. The release klima
// binary has no such hook: the variable does nothing there.
#include "klima/store/store.hpp"

#include <csignal>
#include <cstdlib>

namespace {

int crash_after = 0;

void crash_point(int rows_written) {
    if (rows_written == crash_after) std::raise(SIGKILL);
}

// Installed before main runs.
const bool installed = [] {
    const char* v = std::getenv("KLIMA_TEST_CRASH_AFTER_ROWS");
    crash_after = v ? std::atoi(v) : 0;
    if (crash_after > 0) klima::store::set_import_row_hook(crash_point);
    return true;
}();

}  // namespace

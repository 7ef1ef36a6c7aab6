// Where klima's reference data is, and why: the one place that decides it
// (docs/user-guide.md, "Installing"). An explicit --data-dir wins, then
// $KLIMA_DATA_DIR, then the data installed next to the binary
// (../share/klima/data from bin/klima), then the data/ folder of the source
// tree a build-tree binary was built from.
#pragma once

#include <optional>
#include <string>

namespace klima::cli {

struct DataDirChoice {
    std::string path;
    std::string how;  // "--data-dir", "KLIMA_DATA_DIR", "installed next to the binary", "source tree"
};

DataDirChoice choose_data_dir(const std::optional<std::string>& option);
// The bundled data directory, ignoring --data-dir and $KLIMA_DATA_DIR: next
// to the binary when installed, else the source tree's. Its parent holds
// the example scenarios (scenarios/).
std::string bundled_data_dir();

}  // namespace klima::cli

// How fast klima reads reference data and activity files and computes an
// inventory: the bundled Køge example, and a synthetic account 1000 times
// its size. Usage: build/bin/bench_inventory [DATA_DIR]
#include "bench_util.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"

#include <string>

using namespace klima;

int main(int argc, char** argv) {
    const std::string data = argc > 1 ? argv[1] : KLIMA_DEFAULT_DATA_DIR;
    const std::string koege = data + "/koege/activity.csv";

    bench::print("load reference data (taxonomy, carriers, factors, GWP)",
                 bench::measure(7, 20, [&] { (void)io::load_reference_data(data); }));
    const auto ref = io::load_reference_data(data);

    bench::print("load + validate Køge activity.csv",
                 bench::measure(7, 200, [&] { (void)io::load_activity(koege, &ref); }));
    const auto records = io::load_activity(koege, &ref);

    bench::print("compute_inventory Køge 2017",
                 bench::measure(7, 2000, [&] { (void)compute_inventory(records, 2017, ref); }));

    // 1000 copies of the 2017 records: the size of a national account by municipality.
    ActivitySet big;
    for (int i = 0; i < 1000; ++i)
        for (const auto& r : records)
            if (r.year == 2017) big.push_back(r);
    char label[96];
    std::snprintf(label, sizeof label, "compute_inventory synthetic, %zu records", big.size());
    bench::print(label, bench::measure(5, 3, [&] { (void)compute_inventory(big, 2017, ref); }));
    return 0;
}

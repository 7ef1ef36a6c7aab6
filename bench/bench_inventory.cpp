// How fast klima reads reference data and activity files, computes an
// inventory and writes it: the bundled Køge example, a synthetic account 1000
// times its size, and the 105,000-row file of bench/make-large-activity.sh
// (skipped when absent). Usage: build/bin/bench_inventory [DATA_DIR [LARGE_CSV]]
#include "bench_util.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/inventory_report.hpp"

#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string>

using namespace klima;

namespace {

// Output that goes nowhere, as fast as the stream machinery allows: what rendering costs by itself.
class NullBuffer : public std::streambuf {
protected:
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

}  // namespace

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

    const std::string large = argc > 2 ? argv[2] : "/tmp/klima-large/koege-1000.csv";
    if (!std::filesystem::exists(large)) {
        std::printf("(%s absent: make it with bench/make-large-activity.sh)\n", large.c_str());
        return 0;
    }
    io::ActivityReadOptions year;
    year.year = 2017;
    bench::print("load + validate 105k rows, all years kept",
                 bench::measure(5, 1, [&] { (void)io::load_activity(large, &ref); }));
    bench::print("load + validate 105k rows, 2017 kept",
                 bench::measure(5, 1, [&] { (void)io::load_activity(large, &ref, year); }));
    const auto inv = compute_inventory(io::load_activity(large, &ref, year), 2017, ref);
    bench::print("load (2017 kept) + compute_inventory, 105k rows", bench::measure(5, 1, [&] {
                     (void)compute_inventory(io::load_activity(large, &ref, year), 2017, ref);
                 }));
    NullBuffer null;
    std::ostream nowhere(&null);
    for (const auto& [name, format] : {std::pair{"write_inventory json, 35k lines", report::Format::json},
                                       std::pair{"write_inventory csv, 35k lines", report::Format::csv},
                                       std::pair{"write_inventory table, 35k lines", report::Format::table}}) {
        const report::Format f = format;  // clang does not let a lambda capture a structured binding
        bench::print(name, bench::measure(5, 1, [&] {
                         report::write_inventory(nowhere, inv, ref, {f, "Køge", true, std::nullopt, {}});
                     }));
    }
    return 0;
}

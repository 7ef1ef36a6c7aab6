// The inventory store: the bytes are written to a file and opened as a store
// read-only, as `klima db versions`, `db diff` and `inventory --db` do; every
// version's activity, factors and action status are read, and an inventory computed from the
// current one. A damaged or foreign file must be refused with klima::Error.
#include "fuzz_common.hpp"

#include "klima/inventory.hpp"
#include "klima/store/store.hpp"
#include "klima/store/version_diff.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// One file per fuzzing process, rewritten for every input.
const std::string& store_file() {
    static const std::string path = [] {
        std::string tmpl = "/tmp/klima-fuzz-store-XXXXXX";
        const int fd = ::mkstemp(tmpl.data());
        if (fd < 0) std::abort();
        ::close(fd);
        return tmpl;
    }();
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace klima;
    const auto& path = store_file();
    for (const char* suffix : {"-wal", "-shm"}) std::remove((path + suffix).c_str());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    return fuzz::refused_or_read([&] {
        const store::Store s(path, store::Open::read_only);
        const store::Store::ReadTransaction snapshot(s);
        for (const auto& v : s.versions()) {
            try {  // the status of actions (schema 6), whatever the version's kind
                (void)s.statuses(v);
            } catch (const Error&) {  // a damaged status table: read the activity and factors still
            }
            try {
                (void)s.activity(v);
                (void)s.factors(v);
            } catch (const Error&) {  // a version without one half: read the others
            }
        }
        if (const auto cur = s.current()) {
            const auto ref = store::with_factors(fuzz::reference(), s.factors(*cur));
            const auto records = s.activity(*cur);
            for (int year : years_in(records)) compute_inventory(records, year, ref, "AR5");
        }
    });
}

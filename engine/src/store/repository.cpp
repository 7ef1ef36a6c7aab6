// store::Store as a Repository: its read snapshot and the factory.
#include "klima/store/repository.hpp"

#include "klima/store/store.hpp"

namespace klima::store {
namespace {

class SqliteSnapshot final : public Repository::ReadSnapshot {
public:
    explicit SqliteSnapshot(const Store& s) : tx_(s) {}

private:
    Store::ReadTransaction tx_;
};

}  // namespace

std::unique_ptr<Repository::ReadSnapshot> Store::read_snapshot() const {
    return std::make_unique<SqliteSnapshot>(*this);
}

std::unique_ptr<Repository> open_repository(const std::string& path) {
    return std::make_unique<Store>(path, Open::read_only);
}

}  // namespace klima::store

// ReadPool: read connections to one store, kept open between requests (klima/store/read_pool.hpp).
#include "klima/store/read_pool.hpp"

#include "klima/error.hpp"

#include <sys/stat.h>

#include <utility>

namespace klima::store {
namespace {

struct stat identity_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw Error({path, 0, ""}, "the store is no longer at this path (deleted or moved while klima was using it)",
                    "put the store back at this path, or start klima again with the path of the store",
                    ErrorKind::store)
            .about(Subject::store_contents);
    return st;
}

}  // namespace

ReadPool::ReadPool(std::string path, std::size_t max_idle) : path_(std::move(path)), max_idle_(max_idle) {
    const auto st = identity_of(path_);
    auto first = std::make_unique<Store>(path_, Open::read_only);
    device_ = st.st_dev;
    inode_ = st.st_ino;
    if (max_idle_ > 0) idle_.push_back(std::move(first));
}

ReadPool::~ReadPool() = default;

ReadPool::Lease ReadPool::lend() {
    const auto st = identity_of(path_);
    std::vector<std::unique_ptr<Store>> stale;  // closed outside the lock
    std::size_t generation = 0;
    {
        const std::lock_guard lock(mutex_);
        if (st.st_dev != device_ || st.st_ino != inode_) {  // another file now: its connections read the old one
            stale.swap(idle_);
            device_ = st.st_dev;
            inode_ = st.st_ino;
            ++generation_;
        }
        generation = generation_;
        if (!idle_.empty()) {
            auto store = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(store), generation);
        }
    }
    return Lease(*this, std::make_unique<Store>(path_, Open::read_only), generation);  // opened outside the lock
}

void ReadPool::give_back(std::unique_ptr<Store> store, std::size_t generation) {
    {
        const std::lock_guard lock(mutex_);
        if (generation == generation_ && idle_.size() < max_idle_) {
            idle_.push_back(std::move(store));
            return;
        }
    }
    // `store` closes here, outside the lock: it reads a file no longer at the path, or enough are idle
}

std::size_t ReadPool::idle() const {
    const std::lock_guard lock(mutex_);
    return idle_.size();
}

ReadPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), store_(std::move(other.store_)), generation_(other.generation_) {}

ReadPool::Lease::~Lease() {
    if (pool_ && store_) pool_->give_back(std::move(store_), generation_);
}

}  // namespace klima::store

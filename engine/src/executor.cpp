#include "klima/executor.hpp"

namespace klima {

ThreadPool::ThreadPool(int threads) {
    for (int t = 1; t < threads; ++t) threads_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
}

bool ThreadPool::take(int& index) {
    if (!task_ || next_ >= count_) return false;
    index = next_++;
    ++running_;
    return true;
}

void ThreadPool::work() {
    std::size_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        wake_.wait(lock, [&] { return stop_ || (generation_ != seen && task_ && next_ < count_); });
        if (stop_) return;
        int i = 0;
        while (take(i)) {
            const auto* task = task_;
            lock.unlock();
            (*task)(i);
            lock.lock();
            if (--running_ == 0 && next_ >= count_) done_.notify_all();
        }
        seen = generation_;
    }
}

void ThreadPool::run(int n, const std::function<void(int)>& task) {
    if (n <= 0) return;
    std::lock_guard<std::mutex> one_batch(run_mutex_);
    std::unique_lock<std::mutex> lock(mutex_);
    task_ = &task;
    next_ = 0;
    count_ = n;
    running_ = 0;
    ++generation_;
    wake_.notify_all();
    int i = 0;
    while (take(i)) {  // the caller works too
        lock.unlock();
        task(i);
        lock.lock();
        --running_;
    }
    done_.wait(lock, [&] { return running_ == 0 && next_ >= count_; });
    task_ = nullptr;
}

}  // namespace klima

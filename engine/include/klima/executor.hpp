// Where parallel work runs: an Executor runs n tasks and returns when all are
// done. ThreadPool keeps its threads for its lifetime, so that a batch of
// runs (several municipalities' Monte Carlos) shares one pool instead of each
// starting its own threads; InlineExecutor runs the tasks on the caller's
// thread. Knows nothing of what the tasks compute.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace klima {

class Executor {
public:
    virtual ~Executor() = default;
    // How many tasks can run at once (≥ 1).
    virtual int workers() const = 0;
    // Runs task(0) … task(n − 1), in any order and on any of its threads, and
    // returns when all have returned. A task must not throw (catch inside and
    // hand the exception back). Calls from several threads are served one after
    // the other.
    virtual void run(int n, const std::function<void(int)>& task) = 0;
};

class InlineExecutor final : public Executor {
public:
    int workers() const override { return 1; }
    void run(int n, const std::function<void(int)>& task) override {
        for (int i = 0; i < n; ++i) task(i);
    }
};

// `threads` − 1 threads of its own plus the calling thread. The destructor joins them.
class ThreadPool final : public Executor {
public:
    explicit ThreadPool(int threads);
    ~ThreadPool() override;
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int workers() const override { return static_cast<int>(threads_.size()) + 1; }
    void run(int n, const std::function<void(int)>& task) override;

private:
    void work();
    bool take(int& index);  // under mutex_: the next task index of the current batch, if any

    std::mutex run_mutex_;  // one batch at a time
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    const std::function<void(int)>* task_ = nullptr;
    int next_ = 0, count_ = 0, running_ = 0;
    std::size_t generation_ = 0;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace klima

// The workbench's compute gate (serve/connections.hpp): never more requests computing than its
// slots, and every caller admitted in the end.
#include "serve/connections.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

TEST_CASE("compute gate: at most its slots inside at once, and every caller served", "[serve][gate]") {
    klima::serve::ComputeGate gate(2);
    std::atomic<int> inside{0}, most{0}, served{0};
    std::vector<std::thread> callers;
    for (int i = 0; i < 12; ++i)
        callers.emplace_back([&] {
            for (int k = 0; k < 50; ++k) {
                const auto turn = gate.enter();
                const int now = ++inside;
                for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {}
                std::this_thread::yield();
                --inside;
                ++served;
            }
        });
    for (auto& t : callers) t.join();
    CHECK(most.load() <= 2);      // two slots
    CHECK(served.load() == 600);  // 12 callers × 50 turns
    CHECK(inside.load() == 0);
}

TEST_CASE("compute gate: a turn given back lets the next caller in", "[serve][gate]") {
    klima::serve::ComputeGate gate(1);
    std::atomic<bool> second_in{false};
    std::thread second;
    {
        const auto first = gate.enter();
        second = std::thread([&] {
            const auto turn = gate.enter();
            second_in = true;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK_FALSE(second_in.load());  // one slot, held by `first`
    }
    second.join();
    CHECK(second_in.load());
}

TEST_CASE("compute gate: the callers that wait come in in the order they arrived", "[serve][gate]") {
    klima::serve::ComputeGate gate(1);
    std::mutex mutex;
    std::vector<int> order;
    std::vector<std::thread> callers;
    {
        const auto first = gate.enter();
        for (int i = 0; i < 4; ++i) {
            callers.emplace_back([&, i] {
                const auto turn = gate.enter();
                std::lock_guard<std::mutex> lock(mutex);
                order.push_back(i);
            });
            // Each caller is waiting before the next one starts (a generous pause, not a timing check).
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
    }
    for (auto& t : callers) t.join();
    CHECK(order == std::vector<int>{0, 1, 2, 3});
}

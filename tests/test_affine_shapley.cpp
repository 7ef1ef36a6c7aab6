// White-box: the polynomial Shapley values for affine rows equal the values
// from all 2^m coalitions, on random programs of the kinds the engine builds.
#include "scenario/affine_shapley.hpp"
#include "scenario/attribution.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace klima::plan;

namespace {

// Three local rows (row 0 is valued), 1000 units each; m players, most with one op, some with more,
// sizes small enough that no removal can exceed what is there.
std::vector<Op> random_program(std::mt19937& rng, std::size_t m, std::vector<Op>& factors) {
    std::uniform_real_distribution<double> small(0.01, 0.2);
    std::vector<Op> program;
    for (std::size_t p = 0; p < m; ++p) {
        Op op;
        op.player = p;
        const std::size_t row = rng() % 3;
        if (p >= 3 && rng() % 4 == 0) op.player = rng() % 3;  // some measures have two or three ops
        switch (rng() % 7) {
            case 0:
                op.kind = Op::Kind::scale;
                op.src = {row};
                op.value = small(rng);
                break;
            case 1:
                op.kind = Op::Kind::move_share;
                op.src = {1 + rng() % 2};
                op.mult = {0.5};
                op.target = 0;
                op.value = small(rng);
                break;
            case 2:
                op.kind = Op::Kind::remove;
                op.src = {row};
                op.value = 10 * small(rng);
                break;
            case 3:
                op.kind = Op::Kind::add;
                op.target = row;
                op.value = 50 * small(rng);
                break;
            case 4:
                op.kind = Op::Kind::move_amount;
                op.src = {1 + rng() % 2};
                op.target = 0;
                op.value = 10 * small(rng);
                op.target_amount = 3 * small(rng);
                break;
            case 5:
                op.kind = Op::Kind::factor_scale;
                op.src = {0};
                op.value = small(rng);
                break;
            default:
                op.kind = Op::Kind::factor_set;
                op.src = {0};
                op.value = 2.0 * small(rng);
                op.phase = small(rng) * 4;
        }
        (op.on_factor() ? factors : program).push_back(op);
    }
    return program;
}

}  // namespace

TEST_CASE("affine Shapley values equal exact enumeration over all coalitions", "[scenario][shapley]") {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 50; ++trial) {
        const std::size_t m = 2 + trial % 11;
        std::vector<Op> factors;
        const auto program = random_program(rng, m, factors);
        const std::vector<double> start{1000.0, 1000.0, 1000.0};
        const double intensity = 0.2;
        Game g;
        g.players = m;
        std::vector<double> state;
        g.value = [&](const std::vector<unsigned char>& in) {
            return coalition_value(program, factors, start, intensity, in, state);
        };
        std::vector<double> enumerated, fast;
        REQUIRE(attribute(g, enumerated) != Method::estimated);
        REQUIRE(affine_shapley(program, factors, start, intensity, m, 1e12, fast));
        double total = 0.0;
        for (std::size_t j = 0; j < m; ++j) {
            INFO("trial " << trial << ", player " << j);
            CHECK(fast[j] == Approx(enumerated[j]).margin(1e-9 * 200.0));
            total += fast[j];
        }
        std::vector<unsigned char> none(m, 0), all(m, 1);
        CHECK(total == Approx(g.value(none) - g.value(all)).margin(1e-9 * 200.0));
    }
}

TEST_CASE("affine Shapley declines what it cannot do exactly", "[scenario][shapley]") {
    Op a;
    a.kind = Op::Kind::scale;
    a.src = {0};
    a.value = 0.1;
    a.player = 0;
    std::vector<double> out;
    std::vector<Op> many;  // nine measures with two ops each: more than it enumerates
    for (std::size_t p = 0; p < 9; ++p)
        for (int twice = 0; twice < 2; ++twice) {
            Op op = a;
            op.player = p;
            many.push_back(op);
        }
    CHECK_FALSE(affine_shapley(many, {}, {100.0}, 1.0, 9, 1e12, out));
    Op big;  // a removal larger than the row could hold after the share reduction
    big.kind = Op::Kind::remove;
    big.src = {0};
    big.value = 95.0;
    big.player = 1;
    CHECK_FALSE(affine_shapley({a, big}, {}, {100.0}, 1.0, 2, 1e12, out));
    Op shared = big;  // a fixed removal shared out over two rows
    shared.value = 1.0;
    shared.src = {0, 1};
    CHECK_FALSE(affine_shapley({a, shared}, {}, {100.0, 100.0}, 1.0, 2, 1e12, out));
}

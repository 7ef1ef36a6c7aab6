// Attribution that never blows up: the chain closed form (Owen's multilinear
// extension) against all 2^m coalitions on crowded rows of 14–16 measures with
// several ops each; sampled estimates within their bound of the exact values
// and summing exactly; a 200-measure crowded plan within the work budget.
#include "crowded_plan.hpp"
#include "scenario/attribution.hpp"
#include "scenario/chain_shapley.hpp"
#include "scenario/flat_program.hpp"
#include "scenario/sampled_shapley.hpp"
#include "scenario_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace klima;
using namespace klima::plan;

namespace {

struct Chain {
    std::vector<Op> program, factors;
    std::vector<double> start;
    double intensity = 0.2;
    std::size_t players = 0;
    bool term = false;
};

Game game_of(const Chain& c) {
    Game g;
    g.players = c.players;
    g.value = [&c](const std::vector<unsigned char>& in) {
        auto state = c.start;
        for (const Op& op : c.program)
            if (in[op.player]) apply(op, state);
        double i = c.intensity;
        for (const Op& f : c.factors)
            if (in[f.player]) i = apply_factor(f, i);
        return state[0] * i;
    };
    return g;
}

Op op_of(Op::Kind kind, std::size_t player, double value) {
    Op op;
    op.kind = kind;
    op.player = player;
    op.value = value;
    op.src = {0};
    return op;
}

// A crowded row: m measures of two or three ops each on row 0 (shares, fixed amounts
// that never run out, an addition) in canonical order, stages interleaving the measures;
// factor reductions and factor values, one each at most. `term`: row 1 is the fuel row
// and one share switch moves into the valued slot 0.
Chain crowded_chain(std::mt19937& rng, std::size_t m, bool term) {
    std::uniform_real_distribution<double> small(0.005, 0.05);
    Chain c;
    c.players = m;
    c.term = term;
    const std::size_t row = term ? 1 : 0;
    c.start = term ? std::vector<double>{0.0, 1000.0, 0.0} : std::vector<double>{1000.0, 0.0, 0.0};
    for (int stage = 0; stage < 3; ++stage)
        for (std::size_t p = 0; p < m; ++p) {
            if (rng() % 3 == 0) continue;
            Op op = op_of(Op::Kind::scale, p, small(rng));
            op.src = {row};
            if (stage == 1) {
                op.kind = rng() % 4 == 0 ? Op::Kind::add : Op::Kind::remove;
                op.value = 3.0 * small(rng);
                if (op.kind == Op::Kind::add) {
                    op.src.clear();
                    op.target = row;
                }
            } else if (stage == 2) {
                op.kind = Op::Kind::move_share;
                op.target = 2;  // a row the game does not value
                op.mult = {0.4};
            }
            c.program.push_back(op);
        }
    if (term) {  // the term: measure 3's switch into the valued slot, then later ops on the fuel row (irrelevant)
        Op into = op_of(Op::Kind::move_share, 3, 0.04);
        into.src = {1};
        into.target = 0;
        into.mult = {0.4};
        c.program.push_back(into);
        c.program.push_back(op_of(Op::Kind::scale, 5, 0.1));
        c.program.back().src = {1};
    } else {
        for (std::size_t p = 0; p < m; ++p) {
            if (rng() % 2 == 0) continue;
            Op f = op_of(rng() % 2 == 0 ? Op::Kind::factor_scale : Op::Kind::factor_set, p, small(rng));
            if (f.kind == Op::Kind::factor_set) {
                f.value = 0.15;
                f.phase = 4.0 * small(rng);
            }
            c.factors.push_back(f);
        }
    }
    return c;
}

// A crowded row the closed forms decline: as crowded_chain, row 1 holding 400, and every other
// measure also taking a fixed amount from rows 0 and 1 in proportion.
Chain shared_chain(std::mt19937& rng, std::size_t m) {
    auto c = crowded_chain(rng, m, false);
    c.start[1] = 400.0;
    for (std::size_t p = 0; p < m; p += 2) {
        Op shared = op_of(Op::Kind::remove, p, 4.0);
        shared.src = {0, 1};
        c.program.insert(c.program.begin() + static_cast<std::ptrdiff_t>(p), shared);
    }
    return c;
}

}  // namespace

TEST_CASE("the chain closed form equals all 2^m coalitions on crowded rows of 14-16 measures",
          "[scenario][shapley][crowded]") {
    std::mt19937 rng(26);
    for (int trial = 0; trial < 12; ++trial) {
        const std::size_t m = 14 + static_cast<std::size_t>(trial % 3);
        const bool term = trial % 4 == 3;
        const auto c = crowded_chain(rng, m, term);
        const Game g = game_of(c);
        std::vector<double> enumerated, chain;
        REQUIRE(attribute(g, enumerated) == Method::shapley);
        REQUIRE(chain_shapley(c.program, c.factors, c.start, c.intensity, m, term, chain));
        const double total = g.value(std::vector<unsigned char>(m, 0)) - g.value(std::vector<unsigned char>(m, 1));
        double sum = 0.0;
        for (std::size_t j = 0; j < m; ++j) {
            INFO("trial " << trial << ", measure " << j);
            CHECK(chain[j] == Approx(enumerated[j]).margin(1e-9 * std::abs(total)));
            sum += chain[j];
        }
        CHECK(sum == Approx(total).margin(1e-9 * std::abs(total)));  // efficiency
    }
}

TEST_CASE("the chain closed form by hand: two measures, a share and a fixed amount", "[scenario][shapley][crowded]") {
    // Row 1000, intensity 1, in this order: B removes 100, A takes a share 0.1, A removes 50.
    // v(∅) = 1000; v(A) = 900 − 50 = 850; v(B) = 900; v(AB) = (1000 − 100)·0.9 − 50 = 760.
    // φ_A = ½(150 + 140) = 145; φ_B = ½(100 + 90) = 95; sum 240 = 1000 − 760.
    Chain c;
    c.players = 2;
    c.start = {1000.0};
    c.intensity = 1.0;
    c.program = {op_of(Op::Kind::remove, 1, 100.0), op_of(Op::Kind::scale, 0, 0.1), op_of(Op::Kind::remove, 0, 50.0)};
    std::vector<double> phi;
    REQUIRE(chain_shapley(c.program, {}, c.start, 1.0, 2, false, phi));
    CHECK(phi[0] == Approx(145.0));
    CHECK(phi[1] == Approx(95.0));
}

TEST_CASE("the chain closed form declines what it cannot do exactly", "[scenario][shapley][crowded]") {
    std::vector<double> out;
    Op big = op_of(Op::Kind::remove, 1, 950.0);  // more than the row holds after A's share in some coalition
    CHECK_FALSE(chain_shapley({op_of(Op::Kind::scale, 0, 0.1), big}, {}, {1000.0}, 1.0, 2, false, out));
    Op shared = op_of(Op::Kind::remove, 1, 10.0);  // taken from two rows in proportion
    shared.src = {0, 1};
    CHECK_FALSE(chain_shapley({op_of(Op::Kind::scale, 0, 0.1), shared}, {}, {1000.0, 500.0}, 1.0, 2, false, out));
    Op in = op_of(Op::Kind::move_share, 1, 0.1);  // another row read into the chain
    in.src = {1};
    in.target = 0;
    in.mult = {1.0};
    CHECK_FALSE(chain_shapley({op_of(Op::Kind::scale, 0, 0.1), in}, {}, {1000.0, 500.0}, 1.0, 2, false, out));
}

TEST_CASE("sampled Shapley values lie within their bound of the exact values and sum exactly",
          "[scenario][shapley][crowded]") {
    // Crowded rows the closed forms decline: each measure also takes a fixed amount from two rows in proportion.
    std::mt19937 rng(2009);
    for (int trial = 0; trial < 6; ++trial) {
        const std::size_t m = 14 + static_cast<std::size_t>(trial % 3);
        auto c = shared_chain(rng, m);
        std::vector<double> none;
        REQUIRE_FALSE(chain_shapley(c.program, c.factors, c.start, c.intensity, m, false, none));
        const Game g = game_of(c);
        std::vector<double> exact, estimate;
        attribute(g, exact);
        const double total = g.value(std::vector<unsigned char>(m, 0)) - g.value(std::vector<unsigned char>(m, 1));
        const double ops = static_cast<double>(c.program.size() + c.factors.size());
        const auto r =
            sampled_shapley(g, ops, 1000 + static_cast<std::uint64_t>(trial), kTargetBound * total, 2e6, estimate);
        CHECK(r.bound > 0.0);
        CHECK(r.work <= 2e6 + 1.0);
        double sum = 0.0;
        for (std::size_t j = 0; j < m; ++j) {
            INFO("trial " << trial << ", measure " << j << ": estimate " << estimate[j] << ", exact " << exact[j]
                          << ", bound " << r.bound);
            CHECK(std::abs(estimate[j] - exact[j]) <= r.bound);
            sum += estimate[j];
        }
        CHECK(sum == Approx(total).margin(1e-9 * std::abs(total)));  // efficiency, whatever the sample
        std::vector<double> again;                                   // one seed, one answer
        sampled_shapley(g, ops, 1000 + static_cast<std::uint64_t>(trial), kTargetBound * total, 2e6, again);
        CHECK(again == estimate);
    }
}

TEST_CASE("a 200-measure crowded plan: within the work budget, shares summing to BAU - scenario",
          "[scenario][shapley][crowded]") {
    for (bool amounts : {false, true}) {
        const auto r = test::run(test::crowded_scenario(200, 26, amounts));
        REQUIRE(r.measures.size() == 200);
        for (int year : {2020, 2030, 2050})
            for (std::size_t row = 0; row < r.bau.row_count(); ++row) {
                double shares = 0.0;
                for (const auto& m : r.measures) shares += units::in_tonnes(m.effect.at(row, year));
                const double change = units::in_tonnes(r.bau.at(row, year) - r.scenario.at(row, year));
                INFO(r.bau.rows()[row] << " " << year);
                CHECK(shares == Approx(change).margin(1e-9 * std::max(1.0, std::abs(change))));
            }
        // Without fixed amounts every row is a chain: exact. With them the heat rows are estimated,
        // each within a bound printed with the results, far below 0.1 % of the rows' effect.
        CHECK(r.estimated.empty() == !amounts);
        for (const auto& e : r.estimated) {
            CHECK(e.row == "energi/individuel_opvarmning");
            CHECK(units::in_tonnes(e.bound) >= 0.0);
        }
    }
}

TEST_CASE("all share switches out of a crowded row at once equal all 2^m coalitions of their sum",
          "[scenario][shapley][crowded]") {
    // 14–16 measures on a fuel row (slot 0, 1000 units): shares reduced, fixed amounts taken and added, and
    // share switches, some into the row valued (slot 1, the taps), some elsewhere (slot 2).
    // v(S) = what the taps move in × 0.3.
    std::mt19937 rng(72);
    std::uniform_real_distribution<double> small(0.005, 0.05);
    for (int trial = 0; trial < 4; ++trial) {
        const std::size_t m = 14 + static_cast<std::size_t>(trial % 3);
        std::vector<Op> program;
        std::vector<std::size_t> taps;
        for (int stage = 0; stage < 3; ++stage)
            for (std::size_t p = 0; p < m; ++p) {
                if (rng() % 3 == 0) continue;
                Op op = op_of(stage == 0 ? Op::Kind::scale : Op::Kind::move_share, p, small(rng));
                if (stage == 1 && rng() % 2 == 0) {  // a fixed amount taken or added instead
                    op.kind = rng() % 3 == 0 ? Op::Kind::add : Op::Kind::remove;
                    op.value = 3.0 * small(rng);
                    if (op.kind == Op::Kind::add) {
                        op.src.clear();
                        op.target = 0;
                    }
                } else if (op.kind == Op::Kind::move_share) {
                    op.mult = {0.4};
                    op.target = rng() % 3 == 0 ? 2 : 1;
                    if (op.target == 1) taps.push_back(program.size());
                }
                program.push_back(op);
            }
        const std::vector<double> start{1000.0, 0.0, 0.0};
        Game g;
        g.players = m;
        g.value = [&](const std::vector<unsigned char>& in) {
            auto state = start;
            for (const Op& op : program)
                if (in[op.player]) apply(op, state);
            return state[1] * 0.3;
        };
        std::vector<double> exact, fast;
        attribute(g, exact);
        REQUIRE(tap_shapley(program, taps, start, 0.3, m, fast));
        const double total = g.value(std::vector<unsigned char>(m, 0)) - g.value(std::vector<unsigned char>(m, 1));
        double sum = 0.0;
        for (std::size_t j = 0; j < m; ++j) {
            INFO("trial " << trial << ", measure " << j);
            CHECK(fast[j] == Approx(exact[j]).margin(1e-9 * std::abs(total)));
            sum += fast[j];
        }
        CHECK(sum == Approx(total).margin(1e-9 * std::abs(total)));
    }
}

TEST_CASE("estimated shares do not depend on the listing order of the measures", "[scenario][shapley][crowded]") {
    // The sampling seed comes from the game (year, row, the measures' id ranks, sizes), never the listing.
    auto measures = test::crowded_measures(60, 26, true);
    const auto r = test::run(test::crowded_file(test::joined(measures)));
    REQUIRE_FALSE(r.estimated.empty());
    std::mt19937 shuffler(5);
    std::shuffle(measures.begin(), measures.end(), shuffler);
    const auto shuffled = test::run(test::crowded_file(test::joined(measures)));
    const double scale = std::max(1.0, r.bau.kg().cwiseAbs().maxCoeff());
    for (const auto& m : r.measures) {
        const auto it = std::find_if(shuffled.measures.begin(), shuffled.measures.end(),
                                     [&](const auto& o) { return o.id == m.id; });
        REQUIRE(it != shuffled.measures.end());
        INFO(m.id);
        CHECK((m.effect.kg() - it->effect.kg()).cwiseAbs().maxCoeff() <= 1e-9 * scale);
    }
    REQUIRE(shuffled.estimated.size() == r.estimated.size());
    for (std::size_t i = 0; i < r.estimated.size(); ++i) {
        CHECK(shuffled.estimated[i].row == r.estimated[i].row);
        CHECK(shuffled.estimated[i].year == r.estimated[i].year);
        CHECK(units::in_tonnes(shuffled.estimated[i].bound) ==
              Approx(units::in_tonnes(r.estimated[i].bound)).margin(1e-9));
    }
}

TEST_CASE("games over one program sampled together: each within its bound of its exact values, summing exactly",
          "[scenario][shapley][crowded]") {
    // Two fuel rows (slots 0 and 1, 1000 and 400 units) crowded by 14–16 measures as above, every other
    // measure also taking a fixed amount from both in proportion (no closed form), the switches moving
    // into slot 2. Three games over this one program: row 0 at 0.2 with its factor ops, row 1 at 0.25
    // with none, what slot 2 receives at 0.1. Sampled together (one set of orders, each coalition
    // valued once), each must be what it is alone: within its own bound, efficient on its own.
    std::mt19937 rng(4);
    for (const std::size_t m : {14, 15, 16}) {
        auto c = shared_chain(rng, m);
        for (std::size_t i = 0; i < c.program.size(); i += 3)  // a third of the ops on row 1 instead
            if (c.program[i].src == std::vector<std::size_t>{0}) c.program[i].src = {1};
        const std::vector<FlatProgram::Output> outputs{{0, c.factors, 0.2}, {1, {}, 0.25}, {2, {}, 0.1}};
        const FlatProgram together(c.program, outputs, c.start);
        std::vector<std::vector<double>> exact(3);
        std::vector<double> targets;
        for (std::size_t o = 0; o < 3; ++o) {
            Game g;  // alone, one op at a time
            g.players = m;
            g.value = [&, o](const std::vector<unsigned char>& in) {
                auto state = c.start;
                for (const Op& op : c.program)
                    if (in[op.player]) apply(op, state);
                double i = outputs[o].intensity;
                for (const Op& f : outputs[o].factors)
                    if (in[f.player]) i = apply_factor(f, i);
                return state[outputs[o].slot] * i;
            };
            attribute(g, exact[o]);
            std::vector<unsigned char> in(m);
            for (int draw = 0; draw < 20; ++draw) {  // valued together: bit for bit the value alone
                for (auto& x : in) x = static_cast<unsigned char>(rng() % 2);
                double three[3];
                together.values(in.data(), m, 1, three);
                CHECK(three[o] == g.value(in));
            }
            targets.push_back(kTargetBound * std::abs(g.value(std::vector<unsigned char>(m, 0)) -
                                                      g.value(std::vector<unsigned char>(m, 1))));
        }
        const double ops = static_cast<double>(c.program.size() + c.factors.size());
        const CoalitionValues values = [&](const unsigned char* in, std::size_t count, double* out) {
            together.values(in, m, count, out);
        };
        std::vector<std::vector<double>> estimate;
        const auto r = sampled_shapley(m, 3, values, ops, 1000 + m, targets, 6e6, estimate);
        REQUIRE(estimate.size() == 3);
        for (std::size_t o = 0; o < 3; ++o) {
            CHECK(r.bounds[o] > 0.0);
            double sum = 0.0, total = 0.0;
            for (std::size_t j = 0; j < m; ++j) {
                INFO(m << " measures, game " << o << ", measure " << j << ": estimate " << estimate[o][j] << ", exact "
                       << exact[o][j] << ", bound " << r.bounds[o]);
                CHECK(std::abs(estimate[o][j] - exact[o][j]) <= r.bounds[o]);
                sum += estimate[o][j];
                total += exact[o][j];
            }
            CHECK(sum == Approx(total).margin(1e-9 * std::abs(total)));  // efficiency, whatever the sample
        }
    }
}

#include "plan.hpp"

namespace klima::plan {

namespace {

// Takes up to `want` from the rows `src` in proportion to their size; returns the amount taken.
double take(const std::vector<std::size_t>& src, double want, std::vector<double>& a) {
    double available = 0.0;
    for (std::size_t k : src) available += a[k];
    if (available <= 0.0) return 0.0;
    const double taken = want < available ? want : available;
    const double keep = 1.0 - taken / available;
    for (std::size_t k : src) a[k] *= keep;
    return taken;
}

bool enough(double taken, double want) { return taken >= want * (1.0 - 1e-9); }

}  // namespace

bool apply(const Op& op, std::vector<double>& a) {
    switch (op.kind) {
        case Op::Kind::scale:
            for (std::size_t k : op.src) a[k] *= 1.0 - op.value;
            return true;
        case Op::Kind::remove: return enough(take(op.src, op.value, a), op.value);
        case Op::Kind::move_share:
            for (std::size_t i = 0; i < op.src.size(); ++i) {
                const double moved = a[op.src[i]] * op.value;
                a[op.src[i]] -= moved;
                a[op.target] += moved * op.mult[i];
            }
            return true;
        case Op::Kind::move_amount: {
            const double taken = take(op.src, op.value, a);
            a[op.target] += op.target_amount * (taken / op.value);
            return enough(taken, op.value);
        }
        case Op::Kind::add: a[op.target] += op.value; return true;
        case Op::Kind::factor_scale:
        case Op::Kind::factor_set: return true;
    }
    return true;
}

double remaining_phase(Op::Kind kind, double full_share, double now, double done) {
    const double rem = now - done;
    if (rem <= 0.0) return 0.0;
    double left = 1.0;  // what the launch year still holds, as a share of what the measure acts on
    switch (kind) {
        case Op::Kind::scale:
        case Op::Kind::move_share:
        case Op::Kind::factor_scale: left = 1.0 - full_share * done; break;
        case Op::Kind::factor_set: left = 1.0 - done; break;
        case Op::Kind::remove:
        case Op::Kind::move_amount:
        case Op::Kind::add: break;
    }
    return left <= 0.0 ? 0.0 : rem / left;
}

double apply_factor(const Op& op, double intensity) {
    if (op.kind == Op::Kind::factor_scale) return intensity * (1.0 - op.value);
    if (op.kind == Op::Kind::factor_set) return intensity + op.phase * (op.value - intensity);
    return intensity;
}

double coalition_value(const std::vector<Op>& program, const std::vector<Op>& factors, const std::vector<double>& start,
                       double intensity, const std::vector<unsigned char>& in, std::vector<double>& state) {
    state = start;
    for (const Op& op : program)
        if (in[op.player]) apply(op, state);
    double i = intensity;
    for (const Op& f : factors)
        if (in[f.player]) i = apply_factor(f, i);
    return state[0] * i;
}

void recycle(std::vector<Op>& list, std::vector<Op>& spare) {
    for (Op& op : list) spare.push_back(std::move(op));
    list.clear();
}

Op& reuse_back(std::vector<Op>& list, std::vector<Op>& spare) {
    if (spare.empty()) return list.emplace_back();
    list.push_back(std::move(spare.back()));
    spare.pop_back();
    return list.back();
}

}  // namespace klima::plan

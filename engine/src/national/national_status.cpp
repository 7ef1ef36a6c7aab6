// The status of every municipality (klima/national/national_status.hpp); formulas in
// docs/method.md, "National monitor".
#include "klima/national/national_status.hpp"

#include "klima/error.hpp"
#include "klima/io/targets_file.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

namespace klima::national {

namespace {

double t(units::Mass m) { return m.value() / 1000.0; }  // tonnes, for the arithmetic inside
units::Mass tonnes(double v) { return units::tonnes(v); }

std::vector<units::Mass> totals_of(const NationalData& d, std::size_t m) {
    std::vector<units::Mass> v;
    for (const auto& f : d.figures[m]) v.push_back(f.total);
    return v;
}

// The floor of every forecast: 0, or the latest total when that is already below 0 (a net sink
// such as Læsø is neither erased by the floor nor deepened by the trend).
double floor_of(const NationalData& d, std::size_t m) { return std::min(0.0, t(d.figures[m].back().total)); }

}  // namespace

std::string_view code(Forecast f) {
    switch (f) {
        case Forecast::linear: return "linear";
        case Forecast::smoothed: return "smoothed";
        case Forecast::cautious: return "cautious";
    }
    return "?";
}

LinearTrend fit_linear(const std::vector<int>& years, const std::vector<units::Mass>& totals) {
    const auto n = static_cast<double>(years.size());
    if (years.size() < 2 || years.size() != totals.size())
        throw Error({}, "a linear trend needs two or more years", "", ErrorKind::internal);
    double sx = 0, sy = 0;
    for (std::size_t i = 0; i < years.size(); ++i) {
        sx += years[i];
        sy += t(totals[i]);
    }
    const double mx = sx / n, my = sy / n;
    double sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < years.size(); ++i) {
        sxy += (years[i] - mx) * (t(totals[i]) - my);
        sxx += (years[i] - mx) * (years[i] - mx);
    }
    if (sxx == 0) throw Error({}, "a linear trend needs two different years", "", ErrorKind::internal);
    return {mx, tonnes(my), tonnes(sxy / sxx)};
}

units::Mass holt_forecast(const std::vector<units::Mass>& totals, double alpha, double beta, int h) {
    if (totals.size() < 2) throw Error({}, "Holt's smoothing needs two or more years", "", ErrorKind::internal);
    double level = t(totals[0]), trend = t(totals[1]) - t(totals[0]);
    for (std::size_t i = 1; i < totals.size(); ++i) {
        const double previous = level;
        level = alpha * t(totals[i]) + (1 - alpha) * (level + trend);
        trend = beta * (level - previous) + (1 - beta) * trend;
    }
    return tonnes(level + h * trend);
}

units::Mass forecast_at(const NationalData& d, std::size_t m, Forecast f, const NationalParams& p, int year) {
    const auto totals = totals_of(d, m);
    const int last = d.years.back();
    const double floor = floor_of(d, m);
    const auto all = fit_linear(d.years, totals);
    double v = 0;
    switch (f) {
        case Forecast::linear: v = t(all.at(year)); break;
        case Forecast::smoothed: v = t(holt_forecast(totals, p.holt_alpha, p.holt_beta, year - last)); break;
        case Forecast::cautious: {
            // The slower of the long and the recent trend, from the higher of the latest total and the
            // long trend's value in the latest year.
            const auto k = std::min<std::size_t>(std::max(2, p.recent_years), d.years.size());
            const std::vector<int> ry(d.years.end() - static_cast<long>(k), d.years.end());
            const std::vector<units::Mass> rt(totals.end() - static_cast<long>(k), totals.end());
            const double slope = std::max(t(all.per_year), t(fit_linear(ry, rt).per_year));
            const double start = std::max(t(totals.back()), t(all.at(last)));
            v = start + slope * (year - last);
            break;
        }
    }
    return tonnes(std::max(floor, v));
}

std::vector<TargetSet> load_coded_targets(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return {};  // no targets folder: no municipality has a target
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::vector<TargetSet> out;
    for (const auto& f : files) {
        auto set = io::load_targets(f);
        if (!set.municipality_code.empty()) out.push_back(std::move(set));
    }
    return out;
}

}  // namespace klima::national

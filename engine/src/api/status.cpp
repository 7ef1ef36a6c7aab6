#include "klima/api/status.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/status_file.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace klima::api {

namespace {

// The municipality's code ("259") from municipality.json beside its activity file; "" when absent.
std::string municipality_code(const std::string& activity_file) {
    const auto meta = std::filesystem::path(activity_file).parent_path() / "municipality.json";
    if (!std::filesystem::exists(meta)) return {};
    const auto j = nlohmann::json::parse(io::read_file(meta.string()), nullptr, false);
    if (!j.is_object() || !j.contains("code") || !j["code"].is_string()) return {};
    return j["code"].get<std::string>();
}

}  // namespace

StatusOutcome build_status(const StatusRequest& request) {
    const auto statuses = io::load_status(request.status_file);
    // The catalogue is read when indicator values are given (or it is named).
    std::vector<status::Indicator> catalogue;
    if (request.indicators_file || request.catalogue_file)
        catalogue = io::load_indicator_catalogue(request.catalogue_file.value_or(
            (std::filesystem::path(request.report.scenario.data_dir) / "indicators" / "catalogue.csv").string()));
    const auto values = request.indicators_file ? io::load_indicator_values(*request.indicators_file, catalogue)
                                                : std::vector<status::IndicatorValue>{};
    auto report_request = request.report;
    report_request.analysis = false;
    StatusOutcome out{build_report(report_request), {}, {}};
    const auto& run = out.report.scenario.run;
    out.status =
        status::build_status({run, out.report.scenario.ref, statuses, catalogue, values}, request.report.report_year);
    out.municipality_code =
        run.spec.history.national() ? run.spec.history.municipality_code : municipality_code(run.spec.activity_file);
    return out;
}

}  // namespace klima::api

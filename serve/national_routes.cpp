#include "national_routes.hpp"

#include "handlers.hpp"

#include "klima/error.hpp"
#include "klima/national/national_report.hpp"

#include <httplib.h>

#include <memory>
#include <mutex>

namespace klima::serve {

namespace {

// What every national route reads: computed on first use, then shared read-only.
struct NationalCache {
    std::once_flag once;
    std::unique_ptr<national::NationalStatus> status;
    std::unique_ptr<national::NationalMap> map;
    std::string failure;  // the error of the first computation, answered to every request

    const national::NationalStatus* get(const ServeConfig& c, Executor& bootstrap) {
        std::call_once(once, [&] {
            try {
                status = std::make_unique<national::NationalStatus>(
                    national::compute_status(national::load_national(c.data_dir + "/national"),
                                             national::load_coded_targets(c.data_dir + "/targets"), {}, bootstrap));
                map = std::make_unique<national::NationalMap>(
                    national::load_map(c.data_dir + "/national/municipalities.topo.json"));
            } catch (const Error& e) {
                failure = format_error(e.where(), e.problem(), e.fix());
                status.reset();
            }
        });
        return status.get();
    }
};

void reply(httplib::Response& res, const Reply& r) {
    res.status = r.status;
    res.set_content(r.body, r.content_type.c_str());
}

report::Lang lang_of(const httplib::Request& req) {
    return req.has_param("lang") && req.get_param_value("lang") == "en" ? report::Lang::en : report::Lang::da;
}

}  // namespace

void add_national_routes(httplib::Server& s, const ServeConfig& config, Executor& bootstrap) {
    auto cache = std::make_shared<NationalCache>();
    const auto with = [cache, &config, &bootstrap](auto&& answer) {
        return [cache, &config, &bootstrap, answer](const httplib::Request& req, httplib::Response& res) {
            const auto* st = cache->get(config, bootstrap);
            if (!st) {
                reply(res, error_reply(500, "input", "", "the national figures cannot be read: " + cache->failure,
                                       "fix data/national/ (docs/national.md)"));
                return;
            }
            answer(*st, *cache->map, req, res);
        };
    };
    const auto municipality = [](const national::NationalStatus& st, const httplib::Request& req,
                                 httplib::Response& res) -> std::optional<std::size_t> {
        const std::string code = req.matches[1];
        const auto m = st.data.find(code);
        if (!m)
            reply(res, error_reply(404, "usage", "code", "no municipality with code " + code,
                                   "give a four-digit kommunekode of data/national/municipalities.csv, e.g. 0259"));
        return m;
    };
    s.Get("/api/national", with([](const auto& st, const auto&, const auto&, httplib::Response& res) {
              res.set_content(national::national_json(st), "application/json; charset=utf-8");
          }));
    s.Get(R"(/api/municipality/(\d{4}))",
          with([municipality](const auto& st, const auto&, const auto& req, httplib::Response& res) {
              if (const auto m = municipality(st, req, res))
                  res.set_content(national::municipality_json(st, *m), "application/json; charset=utf-8");
          }));
    s.Get("/national", with([](const auto& st, const auto& map, const auto& req, httplib::Response& res) {
              national::HtmlOptions o;
              o.script_src = "/national.js";
              o.municipality_link = "/national/{code}";
              res.set_content(national::render_national(st, report::Format::html, lang_of(req), &map, o),
                              "text/html; charset=utf-8");
          }));
    s.Get(R"(/national/(\d{4}))",
          with([municipality](const auto& st, const auto&, const auto& req, httplib::Response& res) {
              if (const auto m = municipality(st, req, res))
                  res.set_content(national::render_municipality(st, *m, report::Format::html, lang_of(req)),
                                  "text/html; charset=utf-8");
          }));
    s.Get("/national.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(national::national_script()), "text/javascript; charset=utf-8");
    });
}

}  // namespace klima::serve

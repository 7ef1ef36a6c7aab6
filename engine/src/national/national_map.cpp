// TopoJSON to SVG paths (klima/national/national_map.hpp). TopoJSON: github.com/topojson/topojson-specification
// (arcs quantized and delta-encoded when the topology has a transform, §2.1.3 and §2.2).
#include "klima/national/national_map.hpp"

#include "../io/readers.hpp"
#include "klima/error.hpp"
#include "klima/io/csv.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace klima::national {

namespace {

constexpr std::size_t kMaxPoints = 10'000'000;

struct Point {
    double x, y;
};

}  // namespace

NationalMap read_map(std::string_view text, const std::string& name, double width, std::string_view object) {
    const auto doc = io::parse_json(text, name);
    const auto fail = [&](const std::string& path, const std::string& what) {
        return Error({name, 0, path}, what, "give the TopoJSON of data/national/municipalities.topo.json's shape");
    };
    if (!doc.is_object() || !doc.contains("transform") || !doc.contains("arcs") || !doc["arcs"].is_array())
        throw fail("", "not a quantized TopoJSON topology (no transform or arcs)");
    const auto& tr = doc["transform"];
    if (!tr.contains("scale") || !tr.contains("translate") || !tr["scale"].is_array() || tr["scale"].size() != 2 ||
        !tr["translate"].is_array() || tr["translate"].size() != 2)
        throw fail("/transform", "transform needs scale and translate, two numbers each");
    const double sx = tr["scale"][0].get<double>(), sy = tr["scale"][1].get<double>();
    const double tx = tr["translate"][0].get<double>(), ty = tr["translate"][1].get<double>();

    // Decode every arc to longitude/latitude.
    std::vector<std::vector<Point>> arcs;
    std::size_t points = 0;
    double lon_min = std::numeric_limits<double>::max(), lon_max = -lon_min, lat_min = lon_min, lat_max = -lon_min;
    for (std::size_t a = 0; a < doc["arcs"].size(); ++a) {
        const auto& arc = doc["arcs"][a];
        if (!arc.is_array()) throw fail("/arcs/" + std::to_string(a), "an arc is not an array of positions");
        points += arc.size();
        if (points > kMaxPoints) throw fail("/arcs", "more than 10 million points");
        std::vector<Point> out;
        out.reserve(arc.size());
        long x = 0, y = 0;
        for (const auto& p : arc) {
            if (!p.is_array() || p.size() < 2 || !p[0].is_number_integer() || !p[1].is_number_integer())
                throw fail("/arcs/" + std::to_string(a), "a position is not two whole numbers");
            x += p[0].get<long>();
            y += p[1].get<long>();
            const Point q{x * sx + tx, y * sy + ty};
            lon_min = std::min(lon_min, q.x), lon_max = std::max(lon_max, q.x);
            lat_min = std::min(lat_min, q.y), lat_max = std::max(lat_max, q.y);
            out.push_back(q);
        }
        arcs.push_back(std::move(out));
    }
    if (arcs.empty()) throw fail("/arcs", "no arcs");

    NationalMap map;
    const double kx = std::cos(56.0 * M_PI / 180.0);
    const double scale = width / ((lon_max - lon_min) * kx);
    map.width = width;
    map.height = std::ceil((lat_max - lat_min) * scale);
    const auto project = [&](const Point& p) { return Point{(p.x - lon_min) * kx * scale, (lat_max - p.y) * scale}; };

    const std::string objects = "/objects/" + std::string(object);
    if (!doc.contains("objects") || !doc["objects"].contains(std::string(object)))
        throw fail(objects, "no object " + std::string(object));
    const auto& geometries = doc["objects"][std::string(object)]["geometries"];
    if (!geometries.is_array()) throw fail(objects + "/geometries", "geometries is not an array");
    for (std::size_t g = 0; g < geometries.size(); ++g) {
        const auto& geom = geometries[g];
        const std::string at = objects + "/geometries/" + std::to_string(g);
        MapShape shape;
        if (geom.contains("properties") && geom["properties"].is_object()) {
            const auto& props = geom["properties"];
            if (props.contains("kode") && props["kode"].is_string()) shape.code = props["kode"].get<std::string>();
            if (props.contains("navn") && props["navn"].is_string()) shape.name = props["navn"].get<std::string>();
        }
        const std::string type = geom.value("type", "");
        if (type != "Polygon" && type != "MultiPolygon") throw fail(at + "/type", "not a Polygon or MultiPolygon");
        const auto ring = [&](const nlohmann::json& indices) {
            bool first = true;
            for (const auto& ij : indices) {
                if (!ij.is_number_integer()) throw fail(at + "/arcs", "an arc index is not a whole number");
                const long i = ij.get<long>();
                const long k = i < 0 ? ~i : i;
                if (k >= static_cast<long>(arcs.size()))
                    throw fail(at + "/arcs", "arc index " + std::to_string(i) + " out of range");
                const auto& arc = arcs[static_cast<std::size_t>(k)];
                for (std::size_t j = 0; j < arc.size(); ++j) {
                    if (!first && j == 0) continue;  // shared with the previous arc's last point
                    const auto& p = project(i < 0 ? arc[arc.size() - 1 - j] : arc[j]);
                    fmt::format_to(std::back_inserter(shape.path), "{}{:.1f} {:.1f}", first ? "M" : "L", p.x, p.y);
                    first = false;
                }
            }
            if (!first) shape.path += "Z";
        };
        const auto& ga = geom["arcs"];
        if (type == "Polygon")
            for (const auto& r : ga) ring(r);
        else
            for (const auto& poly : ga)
                for (const auto& r : poly) ring(r);
        map.shapes.push_back(std::move(shape));
    }
    return map;
}

NationalMap load_map(const std::string& path, double width) { return read_map(io::read_file(path), path, width); }

}  // namespace klima::national

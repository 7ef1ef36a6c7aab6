// The map of Denmark that klima draws itself: municipal boundaries read from TopoJSON
// (data/national/municipalities.topo.json) and turned into SVG path data. Decodes the quantized,
// delta-encoded arcs, stitches each ring from its arcs (a negative index ~i is arc i reversed) and
// projects longitude and latitude onto the page (equirectangular, x shrunk by cos 56°). Knows
// nothing of colours or of what the map shows (the renderers in engine/src/report/national_*.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace klima::national {

struct MapShape {
    std::string code, name;  // the properties kode and navn
    std::string path;        // SVG path data: "M x y L … Z" per ring, in the map's coordinates
};

struct NationalMap {
    double width = 0, height = 0;  // the viewBox, from 0 0
    std::vector<MapShape> shapes;  // in the order of the TopoJSON's geometries
};

// Reads `text` (named `name` in errors) and draws it `width` units wide. Throws klima::Error (input)
// naming the file and JSON path for: no object `object`, a geometry that is not a Polygon or
// MultiPolygon, an arc index out of range, a missing transform, more than 10 million points.
NationalMap read_map(std::string_view text, const std::string& name, double width = 600,
                     std::string_view object = "kommuner-wgs84");
NationalMap load_map(const std::string& path, double width = 600);

}  // namespace klima::national

// The national page's script (klima/national/national_report.hpp, national_script): sorts the
// table by a clicked header and switches what the map colours. Inline in `klima national --format
// html`, served as /national.js by the workbench (whose CSP forbids inline script).
#include "national_common.hpp"

namespace klima::national {

std::string_view national_script() {
    return R"JS((function () {
  "use strict";
  var table = document.getElementById("national-table");
  if (table) {
    var heads = table.querySelectorAll("th");
    heads.forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var up = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v");
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y), "da");
          return up ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  var choice = document.getElementById("map-choice");
  if (choice) {
    var show = function () {
      var k = choice.value;
      document.querySelectorAll("#national-map path[data-code]").forEach(function (p) {
        p.setAttribute("fill", p.getAttribute("data-" + k));
      });
      document.querySelectorAll(".legend").forEach(function (l) { l.hidden = l.getAttribute("data-for") !== k; });
    };
    choice.addEventListener("change", show);
    show();
  }
})();
)JS";
}

}  // namespace klima::national

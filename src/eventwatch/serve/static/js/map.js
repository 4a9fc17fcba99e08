// eventwatch map: zoom (buttons, wheel) and pan (drag) by changing the SVG viewBox.
// Markers keep their on-screen size while zooming. The map works without this file.
"use strict";

(function () {
  var svg = document.getElementById("worldmap");
  if (!svg) {
    return;
  }
  var tools = document.querySelector(".map-tools");
  var home = svg.getAttribute("data-viewbox").split(" ").map(Number);
  var view = home.slice();
  var markers = Array.prototype.slice.call(svg.querySelectorAll("circle[data-r]"));

  function apply() {
    svg.setAttribute("viewBox", view.join(" "));
    var scale = Math.sqrt(view[2] / home[2]);
    markers.forEach(function (marker) {
      marker.setAttribute("r", (parseFloat(marker.getAttribute("data-r")) * scale).toFixed(3));
    });
  }

  function zoom(factor, cx, cy) {
    var width = Math.min(home[2], Math.max(home[2] / 40, view[2] * factor));
    var height = width * home[3] / home[2];
    if (cx === undefined) {
      cx = view[0] + view[2] / 2;
      cy = view[1] + view[3] / 2;
    }
    var fx = (cx - view[0]) / view[2];
    var fy = (cy - view[1]) / view[3];
    view = [cx - fx * width, cy - fy * height, width, height];
    apply();
  }

  function toMap(event) {
    var box = svg.getBoundingClientRect();
    return [
      view[0] + (event.clientX - box.left) / box.width * view[2],
      view[1] + (event.clientY - box.top) / box.height * view[3]
    ];
  }

  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var action = event.target.getAttribute("data-zoom");
      if (action === "in") { zoom(0.5); }
      if (action === "out") { zoom(2); }
      if (action === "reset") { view = home.slice(); apply(); }
    });
  }

  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var point = toMap(event);
    zoom(event.deltaY < 0 ? 0.8 : 1.25, point[0], point[1]);
  }, { passive: false });

  var drag = null;
  var moved = false;
  svg.addEventListener("pointerdown", function (event) {
    drag = { x: event.clientX, y: event.clientY, view: view.slice() };
    moved = false;
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var box = svg.getBoundingClientRect();
    var dx = (event.clientX - drag.x) / box.width * drag.view[2];
    var dy = (event.clientY - drag.y) / box.height * drag.view[3];
    if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 4) {
      moved = true;
    }
    view = [drag.view[0] - dx, drag.view[1] - dy, drag.view[2], drag.view[3]];
    apply();
  });
  window.addEventListener("pointerup", function () { drag = null; });
  // A drag that ends on a marker or a country must not follow its link.
  svg.addEventListener("click", function (event) {
    if (moved) {
      event.preventDefault();
      moved = false;
    }
  }, true);
})();

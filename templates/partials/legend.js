/* The page's legend: a type's button hides or shows its marks (and, through the chart's
   script, their labels) in the page's charts (all events, and key events when shown). */
(function () {
  var charts = ["timeline-chart", "timeline-key-chart"].map(function (id) { return document.getElementById(id); })
    .filter(Boolean);
  Array.prototype.forEach.call(document.querySelectorAll(".legend-type"), function (button) {
    button.addEventListener("click", function () {
      if (!window.Plotly) return;
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      var type = button.getAttribute("data-type");
      charts.forEach(function (gd) {
        if (!gd.data) return;
        var traces = [];
        gd.data.forEach(function (t, i) { if (t.legendgroup === type) traces.push(i); });
        if (traces.length) Plotly.restyle(gd, {visible: on ? true : "legendonly"}, traces);
      });
    });
  });
})();

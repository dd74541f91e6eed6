/* The page's legend: a type's button hides or shows its marks (and, through the chart's
   script, their labels). */
(function () {
  var gd = document.getElementById("timeline-chart");
  Array.prototype.forEach.call(document.querySelectorAll(".legend-type"), function (button) {
    button.addEventListener("click", function () {
      if (!window.Plotly || !gd || !gd.data) return;
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      var type = button.getAttribute("data-type"), traces = [];
      gd.data.forEach(function (t, i) { if (t.legendgroup === type) traces.push(i); });
      Plotly.restyle(gd, {visible: on ? true : "legendonly"}, traces);
    });
  });
})();

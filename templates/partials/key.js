/* The switch between the key events' chart and all events' chart. */
(function () {
  var key = document.getElementById("show-key"), all = document.getElementById("show-all");
  if (!key || !all) return;
  function show(allShown) {
    document.getElementById("key-view").hidden = allShown;
    document.getElementById("all-view").hidden = !allShown;
    key.setAttribute("aria-pressed", String(!allShown));
    all.setAttribute("aria-pressed", String(allShown));
    var chart = document.getElementById(allShown ? "timeline-chart" : "timeline-key-chart");
    if (chart && window.Plotly) window.Plotly.Plots.resize(chart);  // drawn while hidden
  }
  key.addEventListener("click", function () { show(false); });
  all.addEventListener("click", function () { show(true); });
})();

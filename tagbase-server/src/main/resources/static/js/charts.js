// Draws the console's charts with Apache ECharts from data-* attributes (no inline scripts: CSP).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("size-chart");
  if (!el || !window.echarts) {
    return;
  }
  var days = el.dataset.days ? el.dataset.days.split(",") : [];
  var sizes = el.dataset.sizes ? el.dataset.sizes.split(",").map(Number) : [];
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: "axis" },
    toolbox: { feature: { saveAsImage: {} } },
    xAxis: { type: "category", data: days },
    yAxis: { type: "value" },
    series: [{ name: el.dataset.label, type: "line", data: sizes, smooth: true, areaStyle: {} }]
  });
  el.dataset.rendered = "true";
  window.addEventListener("resize", function () { chart.resize(); });
});

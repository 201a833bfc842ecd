// Period reports: members' hypertension control rates from data-attributes of #report-chart
// (CSP: no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("report-chart");
  if (!el || !window.echarts) return;
  var names = el.dataset.names ? el.dataset.names.split(",") : [];
  if (names.length === 0) { el.textContent = "暂无已上报的下级报表"; return; }
  var rates = (el.dataset.rates || "").split(",").map(function (v) { return v === "" ? null : Number(v); });
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: "value", name: "%", max: 100 },
    series: [{ name: "高血压控制率", type: "bar", data: rates,
      markLine: { silent: true, data: [{ yAxis: 40, name: "目标 40%" }] } }]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});

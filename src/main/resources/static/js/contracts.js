// Contract indicators chart: data comes from data-attributes of #contract-chart (CSP: no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("contract-chart");
  if (!el || !window.echarts) return;
  var names = el.dataset.names ? el.dataset.names.split("|") : [];
  function numbers(text) {
    return (text || "").split(",").map(function (v) { return v === "" ? null : Number(v); });
  }
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : v + "%"; } },
    legend: { data: ["签约覆盖率", "重点人群覆盖率", "续签率"] },
    xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [
      { name: "签约覆盖率", type: "bar", data: numbers(el.dataset.coverage) },
      { name: "重点人群覆盖率", type: "bar", data: numbers(el.dataset.key) },
      { name: "续签率", type: "bar", data: numbers(el.dataset.renewal) }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});

// Referral indicators chart: monthly up and down counts from data-attributes (CSP: no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("referral-chart");
  if (!el || !window.echarts) return;
  var months = el.dataset.months ? el.dataset.months.split("|") : [];
  function numbers(text) {
    return (text || "").split(",").filter(function (v) { return v !== ""; }).map(Number);
  }
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { data: ["上转", "下转"] },
    xAxis: { type: "category", data: months },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "上转", type: "bar", data: numbers(el.dataset.up) },
      { name: "下转", type: "bar", data: numbers(el.dataset.down) }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});

// Chronic patient page: BP and fasting-glucose trends from data-attributes of #chronic-chart
// (CSP: no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("chronic-chart");
  if (!el || !window.echarts) return;
  function list(text) {
    return (text || "").split(",").map(function (v) { return v === "" ? null : Number(v); });
  }
  var dates = el.dataset.dates ? el.dataset.dates.split(",") : [];
  if (dates.length === 0) { el.textContent = "暂无随访数据"; return; }
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { data: ["收缩压", "舒张压", "空腹血糖"] },
    xAxis: { type: "category", data: dates },
    yAxis: [
      { type: "value", name: "mmHg" },
      { type: "value", name: "mmol/L", position: "right" }
    ],
    series: [
      { name: "收缩压", type: "line", data: list(el.dataset.systolic), connectNulls: true,
        markLine: { silent: true, data: [{ yAxis: 140 }] } },
      { name: "舒张压", type: "line", data: list(el.dataset.diastolic), connectNulls: true,
        markLine: { silent: true, data: [{ yAxis: 90 }] } },
      { name: "空腹血糖", type: "line", yAxisIndex: 1, data: list(el.dataset.glucose), connectNulls: true }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});

package org.countyhealth.chronic.domain;

import org.countyhealth.chronic.Disease;

/**
 * One disease's figures in a period report, as numerators and denominators (lines 92–99, 183–186,
 * 236–239): 管理人数, 规范管理, 控制, the estimated patients behind 管理率, the first-visit BP check and the QC
 * chart findings. Rates are derived, never summed.
 */
public record ReportFigure(
    Disease disease,
    long managed,
    long standard,
    long controlled,
    Long estimated,
    long firstVisitChecked,
    long firstVisitMeasured,
    long qcCharts,
    long qcAuthentic,
    long qcConforming,
    long qcControlled) {

  ReportFigure plus(ReportFigure o) {
    return new ReportFigure(
        disease,
        managed + o.managed,
        standard + o.standard,
        controlled + o.controlled,
        sum(estimated, o.estimated),
        firstVisitChecked + o.firstVisitChecked,
        firstVisitMeasured + o.firstVisitMeasured,
        qcCharts + o.qcCharts,
        qcAuthentic + o.qcAuthentic,
        qcConforming + o.qcConforming,
        qcControlled + o.qcControlled);
  }

  /** Unknown (no estimate set) stays unknown only when both parts are unknown. */
  private static Long sum(Long a, Long b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Long.valueOf(a + b);
  }

  public String diseaseLabel() {
    return disease.label();
  }

  public Double standardRate() {
    return rate(standard, managed);
  }

  public Double controlRate() {
    return rate(controlled, managed);
  }

  public Double managementRate() {
    return estimated == null ? null : rate(managed, estimated);
  }

  public Double firstVisitRate() {
    return rate(firstVisitMeasured, firstVisitChecked);
  }

  public Double qcAuthenticRate() {
    return rate(qcAuthentic, qcCharts);
  }

  public Double qcConformingRate() {
    return rate(qcConforming, qcCharts);
  }

  public Double qcControlRate() {
    return rate(qcControlled, qcCharts);
  }

  private static Double rate(long n, long d) {
    return d == 0 ? null : Math.round(n * 1000.0 / d) / 10.0;
  }
}

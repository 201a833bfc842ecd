package org.countyhealth.chronic.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.countyhealth.chronic.domain.Indicators;
import org.countyhealth.chronic.domain.PeriodIndicators;

/**
 * One row of the indicator table formatted once in Java: the facility view has hundreds of rows,
 * and evaluating each cell's conditions in the template was most of the page's time.
 */
record IndicatorLine(
    String name,
    String disease,
    String query,
    long managed,
    String estimated,
    String managementRate,
    long standard,
    String standardRate,
    String standardClass,
    long controlled,
    String controlRate,
    String controlClass,
    String firstVisit,
    String firstVisitClass) {

  static IndicatorLine of(PeriodIndicators.Row r) {
    return new IndicatorLine(
        r.name() != null ? r.name() : r.key() != null ? r.key() : "未划片区",
        "DIABETES".equals(r.disease()) ? "2型糖尿病" : "高血压",
        "&key="
            + URLEncoder.encode(r.key() == null ? "" : r.key(), StandardCharsets.UTF_8)
            + "&disease="
            + r.disease(),
        r.managed(),
        r.estimated() == null ? "未设定" : String.valueOf(r.estimated()),
        percent(r.managementRate()),
        r.standard(),
        percent(r.standardRate()),
        below(r.standardRate(), Indicators.STANDARD_TARGET),
        r.controlled(),
        percent(r.controlRate()),
        below(r.controlRate(), Indicators.CONTROL_TARGET),
        r.firstVisitRate() == null
            ? "—"
            : r.firstVisitRate()
                + "% ("
                + r.firstVisitMeasured()
                + "/"
                + r.firstVisitChecked()
                + ")",
        below(r.firstVisitRate(), PeriodIndicators.FIRST_VISIT_TARGET));
  }

  private static String percent(Double rate) {
    return rate == null ? "—" : rate + "%";
  }

  private static String below(Double rate, int target) {
    return rate != null && rate < target ? "text-danger" : null;
  }
}

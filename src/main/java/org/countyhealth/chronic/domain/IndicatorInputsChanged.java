package org.countyhealth.chronic.domain;

import java.time.LocalDate;

/**
 * Internal event: something the indicators count changed (a follow-up recorded or voided, an
 * enrolment, a status or responsible facility). Periods overlapping {@code from}–{@code to} are
 * computed afresh.
 */
record IndicatorInputsChanged(LocalDate from, LocalDate to) {

  static IndicatorInputsChanged on(LocalDate day) {
    return new IndicatorInputsChanged(day, day);
  }

  static IndicatorInputsChanged since(LocalDate day) {
    return new IndicatorInputsChanged(day, LocalDate.MAX);
  }

  static IndicatorInputsChanged everything() {
    return new IndicatorInputsChanged(LocalDate.MIN, LocalDate.MAX);
  }
}

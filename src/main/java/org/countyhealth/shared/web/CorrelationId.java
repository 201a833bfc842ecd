package org.countyhealth.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

/** Where the correlation id of the current request lives. */
public final class CorrelationId {
  public static final String HEADER = "X-Correlation-Id";
  public static final String ATTRIBUTE = "countyhealth.correlationId";
  public static final String MDC_KEY = "correlationId";

  private CorrelationId() {}

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id != null ? id.toString() : MDC.get(MDC_KEY);
  }

  public static String current() {
    return MDC.get(MDC_KEY);
  }
}

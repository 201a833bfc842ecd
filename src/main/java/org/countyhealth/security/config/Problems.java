package org.countyhealth.security.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.countyhealth.shared.web.CorrelationId;
import org.springframework.http.HttpStatus;

/**
 * Problem-details answers written by the security filters, which run before Spring MVC and its
 * error handling (same shape as {@code shared.web.ErrorHandling}).
 */
final class Problems {

  private Problems() {}

  /** API clients: paths under /api, or a request that asks for JSON and not HTML. */
  static boolean isApi(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || (accept != null && accept.contains("application/json") && !accept.contains("html"));
  }

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      String detail)
      throws IOException {
    String correlationId = CorrelationId.of(request);
    String body =
        "{\"type\":\"urn:countyhealth:error:"
            + code
            + "\",\"title\":\""
            + json(status.getReasonPhrase())
            + "\",\"status\":"
            + status.value()
            + ",\"detail\":\""
            + json(detail)
            + "\",\"code\":\""
            + code
            + "\""
            + (correlationId != null ? ",\"correlationId\":\"" + json(correlationId) + "\"" : "")
            + "}";
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}

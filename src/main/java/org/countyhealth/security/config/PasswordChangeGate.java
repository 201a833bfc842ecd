package org.countyhealth.security.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until an account that must change its password has done so, every page leads to the password form
 * (change at first login; demo accounts are exempt when created).
 */
public class PasswordChangeGate extends OncePerRequestFilter {

  /** Session attribute set at login, removed by the password change. */
  public static final String ATTRIBUTE = "countyhealth.mustChangePassword";

  public static final String PAGE = "/account/password";

  private static final List<String> OPEN =
      List.of(PAGE, "/logout", "/login", "/css/", "/js/", "/webjars/", "/error", "/favicon.ico");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session == null || !Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE)) || open(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (Problems.isApi(request)) {
      Problems.write(
          request, response, HttpStatus.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED", "请先修改初始密码");
      return;
    }
    response.sendRedirect(request.getContextPath() + PAGE);
  }

  private static boolean open(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return OPEN.stream().anyMatch(path::startsWith);
  }
}

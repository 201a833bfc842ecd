package org.countyhealth.security.config;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.security.domain.AccountRecord;
import org.countyhealth.security.domain.AccountStore;
import org.countyhealth.security.domain.LoginEvents;
import org.countyhealth.security.domain.LoginOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After each login attempt: the login history and the audit trail get one entry (never the
 * password), the account's counters are updated, and the user is sent on: to the page they asked
 * for, to the password change, to the sessions-full page, or back to the form with a message.
 */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

  private static final int AUDIT_ID_MAX = 64;

  private final AccountStore store;
  private final LoginEvents events;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration idleTimeout;
  private final SavedRequestAwareAuthenticationSuccessHandler onward =
      new SavedRequestAwareAuthenticationSuccessHandler();

  LoginHandlers(
      AccountStore store,
      LoginEvents events,
      AuditTrail audit,
      Clock clock,
      @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
    this.store = store;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
    long accountId = principal.actor().accountId();
    Instant now = clock.instant();
    store.recordSuccess(accountId, now);
    events.add(now, principal.getName(), accountId, LoginOutcome.SUCCESS, request.getRemoteAddr());
    audit.record("LOGIN", "Account", principal.getName(), AuditResult.SUCCESS);
    HttpSession session = request.getSession();
    // Idle timeout (000_65944b5c5b97f013.txt line 1890: 空闲链接关闭机制), set on the session itself so
    // that it holds whatever the container's default.
    session.setMaxInactiveInterval((int) idleTimeout.toSeconds());
    session.removeAttribute(LoginAttributes.ERROR);
    session.removeAttribute(LoginAttributes.USERNAME);
    boolean mustChange =
        authentication.getDetails() instanceof AccountAuthentication.LoginDetails details
            && details.mustChangePassword();
    if (mustChange) {
      session.setAttribute(PasswordChangeGate.ATTRIBUTE, Boolean.TRUE);
      response.sendRedirect(request.getContextPath() + PasswordChangeGate.PAGE);
      return;
    }
    onward.onAuthenticationSuccess(request, response, authentication);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String typed = AccountStore.normalize(request.getParameter("username"));
    LoginOutcome outcome = outcomeOf(exception);
    Long accountId = store.findByUsername(typed).map(AccountRecord::id).orElse(null);
    events.add(clock.instant(), typed, accountId, outcome, request.getRemoteAddr());
    audit.record(
        "LOGIN",
        "Account",
        typed.length() > AUDIT_ID_MAX ? typed.substring(0, AUDIT_ID_MAX) : typed,
        AuditResult.REFUSED);
    if (exception instanceof SessionCapStrategy.SessionsFull full) {
      response.sendRedirect(
          request.getContextPath() + "/login/sessions-full?reason=" + full.verdict().name());
      return;
    }
    HttpSession session = request.getSession();
    session.setAttribute(LoginAttributes.ERROR, messageOf(exception));
    session.setAttribute(
        LoginAttributes.USERNAME, typed.length() > 40 ? typed.substring(0, 40) : typed);
    response.sendRedirect(request.getContextPath() + "/login?error");
  }

  static LoginOutcome outcomeOf(AuthenticationException exception) {
    if (exception instanceof AccountLocked locked) {
      return locked.wrongPassword() ? LoginOutcome.BAD_CREDENTIALS : LoginOutcome.LOCKED;
    }
    if (exception instanceof DisabledException) {
      return LoginOutcome.DISABLED;
    }
    if (exception instanceof SessionCapStrategy.SessionsFull) {
      return LoginOutcome.SESSIONS_FULL;
    }
    return LoginOutcome.BAD_CREDENTIALS;
  }

  private static String messageOf(AuthenticationException exception) {
    if (exception instanceof AccountLocked || exception instanceof DisabledException) {
      return exception.getMessage();
    }
    if (exception instanceof BadCredentialsException) {
      return AccountAuthentication.BAD_CREDENTIALS;
    }
    return "暂时无法登录，请稍后重试";
  }
}

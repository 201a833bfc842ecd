package org.countyhealth.security.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.countyhealth.security.rules.SessionCaps;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.SessionAuthenticationException;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/** Refuses a login when the account or the whole platform has its cap of open sessions. */
class SessionCapStrategy implements SessionAuthenticationStrategy {

  private final SessionRegistry registry;
  private final SessionCaps caps;

  SessionCapStrategy(SessionRegistry registry, SessionCaps caps) {
    this.registry = registry;
    this.caps = caps;
  }

  @Override
  public void onAuthentication(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    HttpSession current = request.getSession(false);
    String currentId = current != null ? current.getId() : "";
    int mine =
        (int)
            registry.getAllSessions(authentication.getPrincipal(), false).stream()
                .map(SessionInformation::getSessionId)
                .filter(id -> !id.equals(currentId))
                .count();
    int total =
        registry.getAllPrincipals().stream()
            .mapToInt(p -> registry.getAllSessions(p, false).size())
            .sum();
    SessionCaps.Verdict verdict = caps.admit(mine, total);
    if (verdict != SessionCaps.Verdict.ALLOWED) {
      throw new SessionsFull(verdict);
    }
  }

  /** The login was refused because sessions are full. */
  static final class SessionsFull extends SessionAuthenticationException {
    private final SessionCaps.Verdict verdict;

    SessionsFull(SessionCaps.Verdict verdict) {
      super("会话数已满");
      this.verdict = verdict;
    }

    SessionCaps.Verdict verdict() {
      return verdict;
    }
  }
}

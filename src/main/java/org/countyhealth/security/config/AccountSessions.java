package org.countyhealth.security.config;

import java.security.Principal;
import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends an account's open sessions: when it is disabled, or when its password changes (the other
 * sessions only). An ended session is signed out at its next request.
 */
@Component
public class AccountSessions {

  private final SessionRegistry registry;

  AccountSessions(SessionRegistry registry) {
    this.registry = registry;
  }

  /** Open sessions of the account, most recent first. */
  public List<SessionInformation> of(String username) {
    return registry.getAllPrincipals().stream()
        .filter(p -> p instanceof Principal principal && principal.getName().equals(username))
        .flatMap(p -> registry.getAllSessions(p, false).stream())
        .sorted((a, b) -> b.getLastRequest().compareTo(a.getLastRequest()))
        .toList();
  }

  /** Ends every open session of the account except the given one; returns how many. */
  public int endAll(String username, String exceptSessionId) {
    List<SessionInformation> open =
        of(username).stream().filter(s -> !s.getSessionId().equals(exceptSessionId)).toList();
    open.forEach(SessionInformation::expireNow);
    return open.size();
  }

  /** Forgets a session that is being signed out now. */
  public void forget(String sessionId) {
    registry.removeSessionInformation(sessionId);
  }
}

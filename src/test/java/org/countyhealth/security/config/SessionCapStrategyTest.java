package org.countyhealth.security.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.countyhealth.security.rules.SessionCaps;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.session.SessionRegistryImpl;

/** The caps applied to the session registry: per account, then in total. */
class SessionCapStrategyTest {

  final SessionRegistryImpl registry = new SessionRegistryImpl();
  final SessionCapStrategy strategy = new SessionCapStrategy(registry, new SessionCaps(2, 3));

  @Test
  void refusesTheThirdSessionOfAnAccountButNotItsCurrentOne() {
    AccountPrincipal li = principal("li");
    registry.registerNewSession("s1", li);
    registry.registerNewSession("s2", li);
    assertThat(verdictOf(li, "s3")).isEqualTo(SessionCaps.Verdict.ACCOUNT_FULL);
    // Signing in again within one of its own sessions is not a new session.
    assertThat(verdictOf(li, "s2")).isNull();
  }

  @Test
  void refusesAnyoneWhenTheTotalIsReached() {
    registry.registerNewSession("a1", principal("a"));
    registry.registerNewSession("b1", principal("b"));
    registry.registerNewSession("c1", principal("c"));
    assertThat(verdictOf(principal("d"), "d1")).isEqualTo(SessionCaps.Verdict.TOTAL_FULL);
    registry.getSessionInformation("c1").expireNow();
    assertThat(verdictOf(principal("d"), "d1")).isNull();
  }

  @Test
  void principalsAreEqualByUserName() {
    assertThat(principal("wang")).isEqualTo(principal("wang")).isNotEqualTo(principal("li"));
    assertThat(principal("wang").authorities().toString())
        .contains("RESIDENT_VIEW")
        .contains("ROLE_FAMILY_DOCTOR");
  }

  private SessionCaps.Verdict verdictOf(AccountPrincipal principal, String sessionId) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setSession(new org.springframework.mock.web.MockHttpSession(null, sessionId));
    try {
      strategy.onAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()),
          request,
          new MockHttpServletResponse());
      return null;
    } catch (SessionCapStrategy.SessionsFull full) {
      return full.verdict();
    }
  }

  private static AccountPrincipal principal(String username) {
    return new AccountPrincipal(
        new Actor(
            1,
            username,
            username,
            1L,
            "F1",
            Set.of("FAMILY_DOCTOR"),
            Set.of("RESIDENT_VIEW"),
            DataScope.of(Set.of("F1"))));
  }
}

package org.countyhealth.organization;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.countyhealth.security.ActorPrincipal;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signed-in actors for tests, carried by a principal that the security module recognises. */
public final class TestActors {

  private TestActors() {}

  record Principal(Actor actor) implements ActorPrincipal {}

  public static Actor system() {
    return actor("system", "", DataScope.consortium(), Privilege.values());
  }

  public static Actor actor(
      String username, String facility, DataScope scope, Privilege... privileges) {
    return new Actor(
        1,
        username,
        username,
        null,
        facility,
        Set.of(),
        Arrays.stream(privileges).map(Privilege::name).collect(Collectors.toSet()),
        scope);
  }

  public static Authentication authentication(Actor actor) {
    return UsernamePasswordAuthenticationToken.authenticated(
        new Principal(actor),
        null,
        actor.privileges().stream().map(SimpleGrantedAuthority::new).toList());
  }

  /** Runs the work signed in as the actor, then signs out. */
  public static <T> T as(Actor actor, Supplier<T> work) {
    SecurityContextHolder.getContext().setAuthentication(authentication(actor));
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  public static void as(Actor actor, Runnable work) {
    as(
        actor,
        () -> {
          work.run();
          return null;
        });
  }
}

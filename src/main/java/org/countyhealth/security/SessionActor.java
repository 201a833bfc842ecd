package org.countyhealth.security;

import java.util.Optional;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current request, from the signed-in principal. */
@Component
class SessionActor implements CurrentActor {

  @Override
  public Optional<Actor> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return Optional.empty();
    }
    return auth.getPrincipal() instanceof ActorPrincipal principal
        ? Optional.of(principal.actor())
        : Optional.empty();
  }
}

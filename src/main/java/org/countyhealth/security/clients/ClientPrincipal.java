package org.countyhealth.security.clients;

import java.security.Principal;
import java.util.List;
import org.countyhealth.security.ActorPrincipal;
import org.countyhealth.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A system client authenticated by its bearer token, for one request (no session). */
record ClientPrincipal(Actor actor) implements ActorPrincipal, Principal {

  @Override
  public String getName() {
    return actor.username();
  }

  List<GrantedAuthority> authorities() {
    return actor.privileges().stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
  }
}

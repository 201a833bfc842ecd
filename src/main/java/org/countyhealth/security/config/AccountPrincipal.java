package org.countyhealth.security.config;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.security.ActorPrincipal;
import org.countyhealth.shared.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in account: its actor (with the data scope computed at login) and whether it must
 * change its password. Equal by user name, which is how the session registry counts an account's
 * sessions. Not serializable: sessions live in memory and a restart means signing in again.
 */
public final class AccountPrincipal implements ActorPrincipal, Principal {

  private final Actor actor;
  private final String username;

  public AccountPrincipal(Actor actor) {
    this.actor = actor;
    this.username = actor.username();
  }

  @Override
  public Actor actor() {
    return actor;
  }

  @Override
  public String getName() {
    return username;
  }

  /** Privileges of the account's roles, and {@code ROLE_x} for each role. */
  public List<GrantedAuthority> authorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    actor.privileges().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
    actor.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
    return authorities;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccountPrincipal that && username.equals(that.username);
  }

  @Override
  public int hashCode() {
    return username.hashCode();
  }

  @Override
  public String toString() {
    return username;
  }
}

package org.countyhealth.security;

import org.countyhealth.shared.Actor;

/** A principal that knows its actor (the signed-in account's user details implement it). */
public interface ActorPrincipal {
  Actor actor();
}

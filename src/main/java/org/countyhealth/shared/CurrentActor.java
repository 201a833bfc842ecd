package org.countyhealth.shared;

import java.util.Optional;

/**
 * The actor of the current request. Implemented by the security module so that other modules can
 * filter by data scope without depending on it.
 */
public interface CurrentActor {

  Optional<Actor> get();

  /** The actor, or an {@link AccessDenied} when nobody is signed in. */
  default Actor require() {
    return get().orElseThrow(() -> new AccessDenied("AUTH_REQUIRED", "请先登录"));
  }

  /** Data scope of the actor; nothing when nobody is signed in. */
  default DataScope scope() {
    return get().map(Actor::scope).orElse(DataScope.none());
  }
}

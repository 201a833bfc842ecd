package org.countyhealth.fhir.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one request: a single create, a whole transaction, or one entry of a batch. Writers
 * defer work that needs every entry (e.g. an Encounter and the Observations that point to it become
 * one chronic follow-up) and the caller completes the session before committing. Deferred work is
 * keyed, so registering the same key twice runs it once.
 */
final class WriteSession {

  private final Map<String, Runnable> deferred = new LinkedHashMap<>();
  private final Map<String, Object> attributes = new LinkedHashMap<>();

  /** Runs {@code work} when the session completes, once per key, in registration order. */
  void defer(String key, Runnable work) {
    deferred.putIfAbsent(key, work);
  }

  /** Per-request state shared between writers (e.g. observations collected per encounter). */
  @SuppressWarnings("unchecked")
  <V> V attribute(String key, java.util.function.Supplier<V> initial) {
    return (V) attributes.computeIfAbsent(key, k -> initial.get());
  }

  /** Runs the deferred work; an exception propagates so the caller rolls the request back. */
  void complete() {
    List<Runnable> work = new ArrayList<>(deferred.values());
    deferred.clear();
    work.forEach(Runnable::run);
  }
}

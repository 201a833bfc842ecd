package org.countyhealth.residents;

import java.util.Map;

/**
 * A section of the resident page contributed by a module (health record, contracts, chronic
 * disease, referrals …): a bean implementing it appears on {@code /residents/{id}} in {@link
 * #order()}. The fragment {@code template :: selector} is rendered with a variable {@code section}
 * whose {@code model} holds what {@link #model} answered and {@code residentId} the resident.
 */
public interface ResidentPageSection {

  /** Heading of the section, in Chinese. */
  String title();

  /** Thymeleaf template name, e.g. {@code "residents/record/sections"}. */
  String template();

  /** Fragment selector within the template, e.g. {@code "health-record"}. */
  String selector();

  default int order() {
    return 100;
  }

  /** Whether the signed-in actor may see it (privilege names). */
  default boolean visibleWith(java.util.Set<String> privileges) {
    return true;
  }

  /** Attributes for the fragment; called only for a resident the actor may open. */
  Map<String, Object> model(long residentId);
}

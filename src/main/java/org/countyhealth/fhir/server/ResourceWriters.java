package org.countyhealth.fhir.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every {@link ResourceWriter} bean by resource type name ({@code Patient}, {@code Observation}…):
 * the types a transaction, a batch or an import can create. Two writers for one type are a
 * configuration error found at start-up.
 */
@Component
class ResourceWriters {

  private final Map<String, ResourceWriter<?>> byType = new TreeMap<>();

  ResourceWriters(List<ResourceWriter<?>> writers) {
    for (ResourceWriter<?> writer : writers) {
      String type = writer.type().getSimpleName();
      if (byType.putIfAbsent(type, writer) != null) {
        throw new IllegalStateException("two FHIR writers for " + type);
      }
    }
  }

  Optional<ResourceWriter<?>> of(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  boolean supports(String type) {
    return byType.containsKey(type);
  }

  /** The writable types, sorted, for messages and the capability statement. */
  List<String> types() {
    return List.copyOf(byType.keySet());
  }
}

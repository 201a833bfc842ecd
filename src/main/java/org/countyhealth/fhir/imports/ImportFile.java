package org.countyhealth.fhir.imports;

/** One uploaded file: a Bundle (JSON) or NDJSON, one resource per line. */
public record ImportFile(String name, Kind kind, String content) {

  public enum Kind {
    BUNDLE,
    NDJSON
  }

  /** NDJSON by its extension ({@code .ndjson}, {@code .jsonl}); anything else is a Bundle. */
  public static Kind kindOf(String name) {
    String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".ndjson") || lower.endsWith(".jsonl") ? Kind.NDJSON : Kind.BUNDLE;
  }
}

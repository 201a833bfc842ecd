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

  /**
   * Whether the content can be FHIR at all: a Bundle starts with {@code {} (JSON) or {@code <}
   * (XML), an NDJSON file's first line with {@code {}. A text or spreadsheet file is refused at
   * upload, before a job exists, rather than reported as a parser's message.
   */
  public boolean looksLikeFhir() {
    String text = content.stripLeading();
    if (text.isEmpty()) {
      return true;
    }
    char first = text.charAt(0);
    return first == '{' || (kind == Kind.BUNDLE && first == '<');
  }
}

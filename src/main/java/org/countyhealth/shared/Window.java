package org.countyhealth.shared;

/**
 * Which rows of an ordered result a caller wants: skip {@code offset}, then at most {@code count}.
 * Queries apply it in SQL (LIMIT/OFFSET), after the data-scope condition.
 */
public record Window(int offset, int count) {

  public Window {
    if (offset < 0 || count < 0) {
      throw new IllegalArgumentException("offset and count must not be negative");
    }
  }

  public static Window first(int count) {
    return new Window(0, count);
  }
}

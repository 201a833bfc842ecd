package org.countyhealth.shared;

import java.util.List;

/** One window of an ordered result and how many rows the whole result has. */
public record Slice<T>(List<T> items, long total) {

  public Slice {
    items = List.copyOf(items);
    if (total < items.size()) {
      throw new IllegalArgumentException("total below the rows returned");
    }
  }
}

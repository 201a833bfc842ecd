package org.countyhealth.shared;

import java.util.Collection;
import java.util.Set;

/**
 * The facilities whose records an account may see, by licence code. Queries filter on it; pages
 * never decide alone (DESIGN.md, Data).
 */
public record DataScope(boolean all, Set<String> licenceCodes) {

  public DataScope {
    licenceCodes = Set.copyOf(licenceCodes);
  }

  public static DataScope consortium() {
    return new DataScope(true, Set.of());
  }

  public static DataScope of(Collection<String> licenceCodes) {
    return new DataScope(false, Set.copyOf(licenceCodes));
  }

  public static DataScope none() {
    return new DataScope(false, Set.of());
  }

  public boolean includes(String licenceCode) {
    return all || licenceCodes.contains(licenceCode);
  }
}

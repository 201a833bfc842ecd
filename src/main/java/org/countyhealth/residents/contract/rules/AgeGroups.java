package org.countyhealth.residents.contract.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;
import org.countyhealth.residents.KeyPopulation;

/**
 * The age-based key populations of the family-doctor service (000_65944b5c5b97f013.txt line 692;
 * the national 签约 guidance names children 0–6 and people aged 65 and over). Age is in completed
 * years on the given day. The cut-off dates serve the set-based indicator queries, so that SQL and
 * Java agree on who belongs.
 */
public final class AgeGroups {

  private AgeGroups() {}

  public static int age(LocalDate birthDate, LocalDate on) {
    return Period.between(birthDate, on).getYears();
  }

  public static Set<KeyPopulation> of(LocalDate birthDate, LocalDate on) {
    Set<KeyPopulation> groups = EnumSet.noneOf(KeyPopulation.class);
    if (birthDate.isAfter(on)) {
      return groups;
    }
    if (birthDate.isAfter(childrenBornAfter(on))) {
      groups.add(KeyPopulation.CHILD_0_6);
    }
    if (!birthDate.isAfter(elderlyBornOnOrBefore(on))) {
      groups.add(KeyPopulation.ELDERLY_65);
    }
    return groups;
  }

  /** Children 0–6 on {@code on} were born after this day (before their 7th birthday). */
  public static LocalDate childrenBornAfter(LocalDate on) {
    return on.minusYears(7);
  }

  /** People aged 65 or more on {@code on} were born on or before this day. */
  public static LocalDate elderlyBornOnOrBefore(LocalDate on) {
    return on.minusYears(65);
  }
}

package org.countyhealth.residents.rules;

import java.time.LocalDate;

/**
 * Blocking: the matcher only scores records that share at least one key, each an indexed column, so
 * a registration looks at tens of candidates, not a million. Keys: pinyin of the whole name + birth
 * year (catches homophones and swapped day/month), exact birth date (catches mistyped characters),
 * phone (catches a mistyped birth date). A record that differs in all three at once is left to the
 * review queue.
 */
public final class BlockingKeys {

  private BlockingKeys() {}

  public static String nameKey(String pinyin, LocalDate birthDate) {
    return NamePinyin.letters(pinyin) + birthDate.getYear();
  }

  /** The key for a search by name (characters or pinyin letters) and birth year. */
  public static String nameKey(String nameOrPinyin, int birthYear) {
    String normal = NamePinyin.normalise(nameOrPinyin);
    String letters =
        normal.matches("[a-z]+") ? normal : NamePinyin.letters(NamePinyin.of(nameOrPinyin));
    return letters + birthYear;
  }
}

package org.countyhealth.residents.rules;

import java.time.LocalDate;

/**
 * Blocking: the matcher only scores records that share at least one key, each an indexed column, so
 * a registration looks at a handful of candidates, not a million. Keys: pinyin of the whole name +
 * birth year (catches homophones and a swapped day and month), surname pinyin + birth date (catches
 * a mistyped given name), phone (catches a mistyped birth date). A record that differs in all three
 * at once is not found.
 */
public final class BlockingKeys {

  private BlockingKeys() {}

  public static String nameKey(String pinyin, LocalDate birthDate) {
    return NamePinyin.letters(pinyin) + birthDate.getYear();
  }

  /** Surname pinyin + birth date, e.g. "wang19560315". */
  public static String birthKey(String pinyin, LocalDate birthDate) {
    return NamePinyin.surname(pinyin)
        + String.format(
            "%04d%02d%02d",
            birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth());
  }

  /** The key for a search by name (characters or pinyin letters) and birth year. */
  public static String nameKey(String nameOrPinyin, int birthYear) {
    String normal = NamePinyin.normalise(nameOrPinyin);
    String letters =
        normal.matches("[a-z]+") ? normal : NamePinyin.letters(NamePinyin.of(nameOrPinyin));
    return letters + birthYear;
  }
}

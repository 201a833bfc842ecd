package org.countyhealth.residents.rules;

import java.time.LocalDate;

/**
 * What the matcher compares of a resident. {@code pinyin} is {@link NamePinyin#of}; {@code idCard}
 * the validated identity card number or null; phone, village and address may be null.
 */
public record MatchRecord(
    String name,
    String pinyin,
    String sex,
    LocalDate birthDate,
    String phone,
    String village,
    String address,
    String idCard) {

  public static MatchRecord of(
      String name,
      String sex,
      LocalDate birthDate,
      String phone,
      String village,
      String address,
      String idCard) {
    return new MatchRecord(
        name, NamePinyin.of(name), sex, birthDate, phone, village, address, idCard);
  }

  /** Blocking key: pinyin letters of the whole name + birth year ("wangli1956"). */
  public String nameKey() {
    return BlockingKeys.nameKey(pinyin, birthDate);
  }

  /** Blocking key: surname pinyin + birth date ("wang19560315"). */
  public String birthKey() {
    return BlockingKeys.birthKey(pinyin, birthDate);
  }
}

package org.countyhealth.residents.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Fellegi–Sunter scoring of a pair of resident records (master index keyed on the person,
 * 000_65944b5c5b97f013.txt line 1834). Each field's agreement level adds log2(m/u) bits, where m is
 * the probability of that level among true matches and u among non-matches; disagreement adds
 * log2((1-m)/(1-u)) summed over the agreement levels. The m/u values below are estimates for a
 * rural county of about a million residents (u from the frequency of chance agreement: ~33,000
 * distinct birth dates, ~1,000 people per village, names repeating about once per thousand):
 *
 * <pre>
 * field      level               m       u        weight
 * name       EXACT               0.90    0.001    +9.8
 *            HOMOPHONE           0.05    0.002    +4.6
 *            SIMILAR             0.03    0.01     +1.6
 *            DIFFERENT           0.02    0.987    -5.6
 * birthDate  EXACT               0.95    0.00003  +15.0
 *            DAY_MONTH_SWAPPED   0.02    0.00003  +9.4
 *            ONE_DIGIT           0.02    0.0003   +6.1
 *            DIFFERENT           0.01    0.99966  -6.6
 * sex        EQUAL               0.98    0.5      +1.0
 *            DIFFERENT           0.02    0.5      -4.6
 * phone      EQUAL               0.80    0.0001   +13.0
 *            DIFFERENT           0.20    0.9999   -2.3
 *            MISSING (either)    -       -         0
 * address    SAME_VILLAGE        0.90    0.02     +5.5
 *            DIFFERENT           0.10    0.98     -3.3
 *            MISSING (either)    -       -         0
 * idCard     both present, equal: exact match before scoring; different: not one person
 * </pre>
 *
 * With the default thresholds (link 24, review 15) a duplicate with one typical error links
 * (homophone name, same birth date, sex, phone, village: +39; changed phone: +29; swapped day and
 * month: +38.7), while two different people born on the same day in the same village stay apart
 * (+13.5).
 */
public final class Matcher {

  static final double NAME_EXACT = log2(0.90 / 0.001);
  static final double NAME_HOMOPHONE = log2(0.05 / 0.002);
  static final double NAME_SIMILAR = log2(0.03 / 0.01);
  static final double NAME_DIFFERENT = log2(0.02 / 0.987);
  static final double BIRTH_EXACT = log2(0.95 / 0.00003);
  static final double BIRTH_SWAPPED = log2(0.02 / 0.00003);
  static final double BIRTH_ONE_DIGIT = log2(0.02 / 0.0003);
  static final double BIRTH_DIFFERENT = log2(0.01 / 0.99966);
  static final double SEX_EQUAL = log2(0.98 / 0.5);
  static final double SEX_DIFFERENT = log2(0.02 / 0.5);
  static final double PHONE_EQUAL = log2(0.80 / 0.0001);
  static final double PHONE_DIFFERENT = log2(0.20 / 0.9999);
  static final double VILLAGE_SAME = log2(0.90 / 0.02);
  static final double VILLAGE_DIFFERENT = log2(0.10 / 0.98);

  private Matcher() {}

  public static MatchScore score(MatchRecord a, MatchRecord b) {
    if (a.idCard() != null && b.idCard() != null && !a.idCard().equals(b.idCard())) {
      return MatchScore.impossible();
    }
    List<FieldScore> fields = new ArrayList<>(5);
    NameAgreement name = NameAgreement.compare(a.name(), a.pinyin(), b.name(), b.pinyin());
    fields.add(
        new FieldScore(
            "name",
            name.name(),
            switch (name) {
              case EXACT -> NAME_EXACT;
              case HOMOPHONE -> NAME_HOMOPHONE;
              case SIMILAR -> NAME_SIMILAR;
              case DIFFERENT -> NAME_DIFFERENT;
            }));
    BirthDateAgreement birth = BirthDateAgreement.compare(a.birthDate(), b.birthDate());
    fields.add(
        new FieldScore(
            "birthDate",
            birth.name(),
            switch (birth) {
              case EXACT -> BIRTH_EXACT;
              case DAY_MONTH_SWAPPED -> BIRTH_SWAPPED;
              case ONE_DIGIT -> BIRTH_ONE_DIGIT;
              case DIFFERENT -> BIRTH_DIFFERENT;
            }));
    boolean sameSex = a.sex().equals(b.sex());
    fields.add(
        new FieldScore(
            "sex", sameSex ? "EQUAL" : "DIFFERENT", sameSex ? SEX_EQUAL : SEX_DIFFERENT));
    fields.add(
        optional("phone", digits(a.phone()), digits(b.phone()), PHONE_EQUAL, PHONE_DIFFERENT));
    fields.add(village(a, b));
    double total = 0;
    for (FieldScore f : fields) {
      total += f.weight();
    }
    return new MatchScore(Math.round(total * 100) / 100.0, fields);
  }

  private static FieldScore village(MatchRecord a, MatchRecord b) {
    String va = NamePinyin.normalise(a.village());
    String vb = NamePinyin.normalise(b.village());
    if (va.isEmpty() || vb.isEmpty()) {
      String aa = NamePinyin.normalise(a.address());
      String ab = NamePinyin.normalise(b.address());
      if (aa.isEmpty() || ab.isEmpty()) {
        return new FieldScore("address", "MISSING", 0);
      }
      boolean close = JaroWinkler.similarity(aa, ab) >= 0.92;
      return new FieldScore(
          "address",
          close ? "SAME_VILLAGE" : "DIFFERENT",
          close ? VILLAGE_SAME : VILLAGE_DIFFERENT);
    }
    boolean same = va.equals(vb);
    return new FieldScore(
        "address", same ? "SAME_VILLAGE" : "DIFFERENT", same ? VILLAGE_SAME : VILLAGE_DIFFERENT);
  }

  private static FieldScore optional(
      String field, String a, String b, double equal, double different) {
    if (a.isEmpty() || b.isEmpty()) {
      return new FieldScore(field, "MISSING", 0);
    }
    boolean same = a.equals(b);
    return new FieldScore(field, same ? "EQUAL" : "DIFFERENT", same ? equal : different);
  }

  private static String digits(String phone) {
    return phone == null ? "" : phone.replaceAll("\\D", "");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

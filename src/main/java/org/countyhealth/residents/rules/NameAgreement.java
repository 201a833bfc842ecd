package org.countyhealth.residents.rules;

/** How closely two names agree, from the strongest level down. */
public enum NameAgreement {
  /** Same characters after normalisation. */
  EXACT,
  /** Different characters, same pinyin: 王丽/王莉. */
  HOMOPHONE,
  /**
   * A mistyped character: same length and pinyin Jaro–Winkler ≥ 0.90, or one character off in a 3+
   * name.
   */
  SIMILAR,
  DIFFERENT;

  static final double SIMILAR_JARO_WINKLER = 0.90;

  public static NameAgreement compare(String nameA, String pinyinA, String nameB, String pinyinB) {
    String a = NamePinyin.normalise(nameA);
    String b = NamePinyin.normalise(nameB);
    if (a.isEmpty() || b.isEmpty()) {
      return DIFFERENT;
    }
    if (a.equals(b)) {
      return EXACT;
    }
    String la = NamePinyin.letters(pinyinA);
    String lb = NamePinyin.letters(pinyinB);
    if (!la.isEmpty() && la.equals(lb)) {
      return HOMOPHONE;
    }
    if (a.length() >= 3 && a.length() == b.length() && differingCharacters(a, b) == 1) {
      return SIMILAR;
    }
    // A dropped or added character is a different name (张伟/张卫东), not a typo.
    return a.length() == b.length() && JaroWinkler.similarity(la, lb) >= SIMILAR_JARO_WINKLER
        ? SIMILAR
        : DIFFERENT;
  }

  private static int differingCharacters(String a, String b) {
    int n = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        n++;
      }
    }
    return n;
  }
}

package org.countyhealth.residents.rules;

import java.text.Normalizer;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Names normalised and spelt in toneless pinyin, so that homophone characters (王丽/王莉) and a name
 * typed in pinyin compare equal. Polyphonic characters take their most common reading, except the
 * surnames whose reading differs (曾 zeng, 单 shan …).
 */
public final class NamePinyin {

  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  private static final Map<Character, String> SURNAME_READINGS =
      Map.ofEntries(
          Map.entry('曾', "zeng"),
          Map.entry('单', "shan"),
          Map.entry('解', "xie"),
          Map.entry('区', "ou"),
          Map.entry('朴', "piao"),
          Map.entry('查', "zha"),
          Map.entry('仇', "qiu"),
          Map.entry('乐', "yue"),
          Map.entry('覃', "qin"),
          Map.entry('翟', "zhai"),
          Map.entry('盖', "ge"),
          Map.entry('缪', "miao"),
          Map.entry('繁', "po"),
          Map.entry('尉', "yu"));

  private NamePinyin() {}

  /** Trimmed, full-width forms folded, inner spaces and middle dots removed. */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    if (plain(name)) {
      return name; // the usual case, and the matcher's hot path: nothing to fold
    }
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
    return folded.replaceAll("[\\s·•.\\-]", "").toLowerCase();
  }

  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean cjk = c >= '\u4e00' && c <= '\u9fff';
      if (!cjk && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /** Toneless pinyin syllables separated by single spaces; Latin letters kept as one word. */
  public static String of(String name) {
    String normal = normalise(name);
    StringBuilder out = new StringBuilder();
    StringBuilder latin = new StringBuilder();
    for (int i = 0; i < normal.length(); i++) {
      char c = normal.charAt(i);
      if (c >= 'a' && c <= 'z') {
        latin.append(c);
        continue;
      }
      flush(latin, out);
      String syllable = i == 0 ? SURNAME_READINGS.get(c) : null;
      if (syllable == null) {
        syllable = reading(c);
      }
      if (syllable != null) {
        append(out, syllable);
      }
    }
    flush(latin, out);
    return out.toString();
  }

  /** The pinyin letters only, e.g. "wangli": what blocking keys and pinyin searches use. */
  public static String letters(String pinyin) {
    return pinyin.replace(" ", "");
  }

  /** The surname's pinyin: the first syllable. */
  public static String surname(String pinyin) {
    int space = pinyin.indexOf(' ');
    return space < 0 ? pinyin : pinyin.substring(0, space);
  }

  private static String reading(char c) {
    try {
      String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      return readings == null || readings.length == 0 ? null : readings[0];
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e);
    }
  }

  private static void flush(StringBuilder latin, StringBuilder out) {
    if (latin.length() > 0) {
      append(out, latin.toString());
      latin.setLength(0);
    }
  }

  private static void append(StringBuilder out, String syllable) {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(syllable);
  }
}

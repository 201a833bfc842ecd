package org.countyhealth.residents.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorsTest {

  @ParameterizedTest
  @CsvSource({
    "王丽, wang li",
    "王莉, wang li",
    "' 张 三 ', zhang san",
    "曾小明, zeng xiao ming",
    "单田芳, shan tian fang",
    "吕梅, lv mei",
    "阿依古丽·买买提, a yi gu li mai mai ti",
    "ＬＩ Ｍｉｎｇ, liming",
  })
  void pinyinWithoutTones(String name, String pinyin) {
    assertThat(NamePinyin.of(name)).isEqualTo(pinyin);
  }

  @ParameterizedTest
  @CsvSource({
    "martha, marhta, 0.961",
    "dwayne, duane, 0.840",
    "dixon, dicksonx, 0.813",
    "wangli, wangli, 1.0",
    "abc, xyz, 0.0",
    "'', wangli, 0.0",
  })
  void jaroWinkler(String a, String b, double expected) {
    assertThat(JaroWinkler.similarity(a, b)).isCloseTo(expected, within(0.001));
  }

  @ParameterizedTest
  @CsvSource({
    "王丽, 王丽, EXACT",
    "王 丽, 王丽, EXACT",
    "王丽, 王莉, HOMOPHONE",
    "陈建国, 陈健国, HOMOPHONE",
    "陈建国, 陈建图, SIMILAR", // mistyped character
    "刘德华, 刘德划, HOMOPHONE",
    "黄志强, 黄志刚, SIMILAR", // one character off in a three-character name
    "王丽, 王芳, DIFFERENT",
    "王丽, 李伟, DIFFERENT",
    "张伟, 张卫东, DIFFERENT",
  })
  void names(String a, String b, NameAgreement expected) {
    assertThat(NameAgreement.compare(a, NamePinyin.of(a), b, NamePinyin.of(b))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "1956-03-15, 1956-03-15, EXACT",
    "1956-03-05, 1956-05-03, DAY_MONTH_SWAPPED",
    "1956-03-15, 1956-03-16, ONE_DIGIT",
    "1956-03-15, 1965-03-15, DIFFERENT", // two digits swapped in the year
    "1956-03-15, 1957-03-15, ONE_DIGIT",
    "1956-03-15, 1956-04-16, DIFFERENT",
    "1980-12-01, 1980-01-12, DAY_MONTH_SWAPPED",
  })
  void birthDates(LocalDate a, LocalDate b, BirthDateAgreement expected) {
    assertThat(BirthDateAgreement.compare(a, b)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "王丽, 1956-03-15, wangli1956",
    "王莉, 1956-12-01, wangli1956",
  })
  void blockingKeyIsPinyinLettersAndBirthYear(String name, LocalDate birth, String key) {
    assertThat(BlockingKeys.nameKey(NamePinyin.of(name), birth)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"王丽, 1956-03-05, wang19560305", "曾小明, 2001-11-30, zeng20011130"})
  void birthKeyIsSurnamePinyinAndBirthDate(String name, LocalDate birth, String key) {
    assertThat(BlockingKeys.birthKey(NamePinyin.of(name), birth)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource({"王丽, 1956, wangli1956", "wangli, 1956, wangli1956", "Wang Li, 1956, wangli1956"})
  void searchKeyAcceptsCharactersOrPinyin(String input, int year, String key) {
    assertThat(BlockingKeys.nameKey(input, year)).isEqualTo(key);
  }
}

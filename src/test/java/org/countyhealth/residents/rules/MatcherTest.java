package org.countyhealth.residents.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.countyhealth.residents.MatchOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherTest {

  static final MatchRecord ORIGINAL =
      MatchRecord.of("王丽", "2", LocalDate.of(1956, 3, 5), "13800138000", "上坪村", "紫城镇上坪村12号", null);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # case                          | name  | sex | birth      | phone       | village | idCard             | outcome
          same record                     | 王丽  | 2   | 1956-03-05 | 13800138000 | 上坪村  |                    | LINK
          homophone name                  | 王莉  | 2   | 1956-03-05 | 13800138000 | 上坪村  |                    | LINK
          swapped day and month           | 王丽  | 2   | 1956-05-03 | 13800138000 | 上坪村  |                    | LINK
          changed phone                   | 王丽  | 2   | 1956-03-05 | 13900000000 | 上坪村  |                    | LINK
          missing phone and village       | 王丽  | 2   | 1956-03-05 |             |         |                    | LINK
          homophone and changed phone     | 王莉  | 2   | 1956-03-05 | 13900000000 | 上坪村  |                    | REVIEW
          one digit off, changed phone    | 王丽  | 2   | 1956-03-06 | 13900000000 | 上坪村  |                    | REVIEW
          same day, same village, other   | 李芳  | 2   | 1956-03-05 | 13900000000 | 上坪村  |                    | NEW
          same name, other year           | 王丽  | 2   | 1966-08-05 | 13900000000 | 下坪村  |                    | NEW
          different sex and name          | 王力  | 1   | 1956-07-09 | 13900000000 | 下坪村  |                    | NEW
          """)
  void decides(
      String label,
      String name,
      String sex,
      LocalDate birth,
      String phone,
      String village,
      String idCard,
      MatchOutcome expected) {
    MatchRecord other = MatchRecord.of(name, sex, birth, phone, village, null, idCard);
    MatchScore score = Matcher.score(ORIGINAL, other);
    assertThat(MatchThresholds.DEFAULT.decide(score)).as(score.describe()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"441621195603050028, 441621195603050036, NEW"})
  void twoDifferentIdCardsAreNeverOnePerson(String a, String b, MatchOutcome expected) {
    MatchRecord x = MatchRecord.of("王丽", "2", LocalDate.of(1956, 3, 5), null, null, null, a);
    MatchRecord y = MatchRecord.of("王丽", "2", LocalDate.of(1956, 3, 5), null, null, null, b);
    assertThat(Matcher.score(x, y).possible()).isFalse();
    assertThat(MatchThresholds.DEFAULT.decide(Matcher.score(x, y))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "24.0, LINK",
    "23.99, REVIEW",
    "15.0, REVIEW",
    "14.99, NEW",
    "-3, NEW",
  })
  void thresholdsAreInclusiveFromBelow(double total, MatchOutcome expected) {
    assertThat(MatchThresholds.DEFAULT.decide(new MatchScore(total, java.util.List.of())))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"15, 15", "10, 20"})
  void linkMustExceedReview(double link, double review) {
    assertThatThrownBy(() -> new MatchThresholds(link, review))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"王莉, name=HOMOPHONE:+4.6 birthDate=EXACT:+15.0 sex=EQUAL:+1.0"})
  void describesFieldScores(String name, String prefix) {
    MatchRecord other =
        MatchRecord.of(name, "2", LocalDate.of(1956, 3, 5), "13800138000", "上坪村", null, null);
    assertThat(Matcher.score(ORIGINAL, other).describe()).startsWith(prefix);
  }
}

package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt line 1890; the table is the policy of issue 2, item 5. */
class PasswordPolicyTest {

  static final PasswordPolicy policy = PasswordPolicy.standard();

  @ParameterizedTest(name = "{0} for {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Kx7#mountain-river | li.ming
          county-Health-42   | li.ming
          QINGSHAN*river2026 | wangfang
          zhenhao9RIVERbank  | wangfang
          Abcdefghij1!       | wangfang
          """)
  void accepts(String password, String username) {
    assertThat(policy.violations(password, username)).isEmpty();
  }

  @ParameterizedTest(name = "{0} for {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Kx7#mount          | li.ming   | 密码长度至少为 12 位
          mountainriverbank  | li.ming   | 密码须包含大写字母、小写字母、数字、符号四类中的至少三类
          mountain-riverbank | li.ming   | 密码须包含大写字母、小写字母、数字、符号四类中的至少三类
          MOUNTAINRIVER2026  | li.ming   | 密码须包含大写字母、小写字母、数字、符号四类中的至少三类
          123qweasdzxc       | li.ming   | 该密码过于常见，容易被猜中，请换一个
          Admin@123456       | li.ming   | 该密码过于常见，容易被猜中，请换一个
          ADMIN@123456       | li.ming   | 该密码过于常见，容易被猜中，请换一个
          admin#123456       | li.ming   | 该密码过于常见，容易被猜中，请换一个
          P@ssw0rd1234       | li.ming   | 该密码过于常见，容易被猜中，请换一个
          1qaz@WSX3edc       | li.ming   | 该密码过于常见，容易被猜中，请换一个
          Woaini@1314        | li.ming   | 密码长度至少为 12 位
          Xq9!Li.Ming2026    | li.ming   | 密码不得包含用户名
          Wangfang#2026x     | WANGFANG  | 密码不得包含用户名
          """)
  void refuses(String password, String username, String message) {
    assertThat(policy.violations(password, username)).contains(message);
  }

  @ParameterizedTest(name = "common password {0} is refused")
  @CsvSource({"woaini1314", "a123456789", "qwertyuiop", "123456", "password", "WOAINI5201314"})
  void refusesCommonPasswordsWhateverTheCase(String password) {
    assertThat(policy.violations(password, "x.user")).contains(PasswordPolicy.TOO_COMMON);
  }

  @Test
  void reportsEveryFailureAtOnce() {
    List<String> violations = policy.violations("liming", "liming");
    assertThat(violations)
        .containsExactlyInAnyOrder(
            PasswordPolicy.TOO_SHORT, PasswordPolicy.TOO_SIMPLE, PasswordPolicy.CONTAINS_USERNAME);
  }

  @Test
  void refusesPasswordsBcryptWouldCut() {
    assertThat(policy.violations("Aa1!" + "x".repeat(69), "u.ser"))
        .containsExactly(PasswordPolicy.TOO_LONG);
    assertThat(policy.violations("密码很长很长Aa1!" + "汉".repeat(20), "u.ser"))
        .contains(PasswordPolicy.TOO_LONG);
  }

  @Test
  void shipsAboutAThousandCommonPasswords() {
    assertThat(policy.violations("iloveyou", "u.ser")).contains(PasswordPolicy.TOO_COMMON);
    assertThat(policy.violations("qazwsxedcrfv", "u.ser")).contains(PasswordPolicy.TOO_COMMON);
    assertThat(policy.violations(null, "u.ser")).contains(PasswordPolicy.TOO_SHORT);
  }
}

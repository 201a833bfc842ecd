package org.countyhealth.security.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Password complexity (000_65944b5c5b97f013.txt line 1890: 密码符合一定的复杂度策略; GB/T 22239 level 3, OWASP
 * ASVS L2): at least 12 characters from three of four classes, not a common password, not
 * containing the user name. Each failure is one Chinese message, shown beside the field.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
  public static final int MAX_BYTES = 72;

  public static final String TOO_SHORT = "密码长度至少为 12 位";
  public static final String TOO_LONG = "密码过长：最多 72 个英文字符（一个汉字按 3 个计）";
  public static final String TOO_SIMPLE = "密码须包含大写字母、小写字母、数字、符号四类中的至少三类";
  public static final String TOO_COMMON = "该密码过于常见，容易被猜中，请换一个";
  public static final String CONTAINS_USERNAME = "密码不得包含用户名";

  private final Set<String> commonPasswords;

  public PasswordPolicy(Set<String> commonPasswords) {
    this.commonPasswords =
        commonPasswords.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /** The policy with the shipped list of common passwords. */
  public static PasswordPolicy standard() {
    return new PasswordPolicy(loadCommonPasswords());
  }

  /** The reasons the password is refused; empty when it is acceptable. */
  public List<String> violations(String password, String username) {
    List<String> problems = new ArrayList<>();
    String candidate = password == null ? "" : password;
    if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
      problems.add(TOO_SHORT);
    }
    if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add(TOO_LONG);
    }
    if (characterClasses(candidate) < 3) {
      problems.add(TOO_SIMPLE);
    }
    String lower = candidate.toLowerCase(Locale.ROOT);
    if (commonPasswords.contains(lower)) {
      problems.add(TOO_COMMON);
    }
    if (username != null
        && !username.isBlank()
        && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
      problems.add(CONTAINS_USERNAME);
    }
    return List.copyOf(problems);
  }

  public boolean accepts(String password, String username) {
    return violations(password, username).isEmpty();
  }

  static int characterClasses(String password) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean symbol = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
        symbol = true;
      }
    }
    return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
  }

  private static Set<String> loadCommonPasswords() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt missing from the classpath");
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .collect(Collectors.toSet());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.countyhealth.security.rules;

/**
 * Caps on concurrent sessions (000_65944b5c5b97f013.txt line 1894: 单个用户多重并发会话连接数、同一时间段内 总并发会话连接数
 * should be limited): per account and in total.
 */
public record SessionCaps(int perAccount, int total) {

  public enum Verdict {
    ALLOWED,
    ACCOUNT_FULL,
    TOTAL_FULL
  }

  public SessionCaps {
    if (perAccount < 1 || total < 1) {
      throw new IllegalArgumentException("session caps must be at least 1");
    }
  }

  /** Whether one more session may start, given the sessions open now. */
  public Verdict admit(int openForAccount, int openInTotal) {
    if (openForAccount >= perAccount) {
      return Verdict.ACCOUNT_FULL;
    }
    if (openInTotal >= total) {
      return Verdict.TOTAL_FULL;
    }
    return Verdict.ALLOWED;
  }
}

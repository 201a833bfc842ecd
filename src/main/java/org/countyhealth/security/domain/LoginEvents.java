package org.countyhealth.security.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The login history (000_65944b5c5b97f013.txt line 1892). */
@Repository
public class LoginEvents {

  private static final int USERNAME_MAX = 64;

  private final JdbcClient jdbc;

  LoginEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(
      Instant at, String username, Long accountId, LoginOutcome outcome, String clientAddress) {
    String typed = AccountStore.normalize(username);
    jdbc.sql(
            "INSERT INTO security.login_event (occurred_at, username, account_id, success, reason,"
                + " client_address) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            AccountStore.utc(at),
            typed.length() > USERNAME_MAX ? typed.substring(0, USERNAME_MAX) : typed,
            accountId,
            outcome == LoginOutcome.SUCCESS,
            outcome.name(),
            clientAddress)
        .update();
  }

  /** The account's latest logins, newest first. */
  public List<LoginEvent> latest(long accountId, int limit) {
    return jdbc.sql(
            "SELECT occurred_at, username, success, reason, client_address"
                + " FROM security.login_event WHERE account_id = ?"
                + " ORDER BY occurred_at DESC, id DESC LIMIT ?")
        .params(accountId, limit)
        .query(
            (rs, i) ->
                new LoginEvent(
                    AccountStore.instant(rs, "occurred_at"),
                    rs.getString("username"),
                    rs.getBoolean("success"),
                    LoginOutcome.valueOf(rs.getString("reason")),
                    rs.getString("client_address")))
        .list();
  }

  /** Wrong-password failures of a name that has no account, oldest first, since the instant. */
  public List<Instant> unknownNameFailures(String username, Instant since) {
    return jdbc.sql(
            "SELECT occurred_at FROM security.login_event WHERE username = ? AND account_id IS NULL"
                + " AND reason = 'BAD_CREDENTIALS' AND occurred_at >= ? ORDER BY occurred_at, id")
        .params(AccountStore.normalize(username), AccountStore.utc(since))
        .query((rs, i) -> AccountStore.instant(rs, "occurred_at"))
        .list();
  }
}

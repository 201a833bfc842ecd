package org.countyhealth.security.config;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.LockedException;

/**
 * The account (or an unknown user name, which answers alike) is locked until the given time. The
 * attempt that set the lock still counts as a wrong password in the history.
 */
class AccountLocked extends LockedException {

  /** The county's users read times in Beijing time. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final boolean wrongPassword;

  AccountLocked(Instant until, boolean wrongPassword) {
    super("连续登录失败次数过多，账号已锁定至 " + FORMAT.format(until.atZone(ZONE)) + "（北京时间），请届时再试或联系系统管理员解锁");
    this.wrongPassword = wrongPassword;
  }

  boolean wrongPassword() {
    return wrongPassword;
  }
}

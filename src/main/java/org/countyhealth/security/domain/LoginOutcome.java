package org.countyhealth.security.domain;

/** Why a login succeeded or failed, as kept in the login history. */
public enum LoginOutcome {
  SUCCESS("登录成功"),
  BAD_CREDENTIALS("用户名或密码错误"),
  LOCKED("账号已锁定"),
  DISABLED("账号已停用"),
  SESSIONS_FULL("会话数已满");

  private final String label;

  LoginOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package org.countyhealth.security.config;

/** Session attributes the login handlers leave for the login page. */
public final class LoginAttributes {

  /** The Chinese message of the last failed attempt. */
  public static final String ERROR = "countyhealth.loginError";

  /** The user name typed in the last failed attempt, to fill the form again. */
  public static final String USERNAME = "countyhealth.loginUsername";

  private LoginAttributes() {}
}

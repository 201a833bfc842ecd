package org.countyhealth.shared;

/** The actor lacks the privilege for this action. */
public class AccessDenied extends BusinessException {
  public AccessDenied(String code, String message) {
    super(code, message, null, 403);
  }
}

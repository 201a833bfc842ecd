package org.countyhealth.shared;

/** The object does not exist, or lies outside the actor's data scope: both answer 404. */
public class NotFound extends BusinessException {
  public NotFound(String code, String message) {
    super(code, message, null, 404);
  }
}

package org.countyhealth.shared;

/**
 * A refusal the user can act on: a stable machine code (e.g. {@code FACILITY_LICENCE_DUPLICATE})
 * and a message in Chinese. Optionally names the form field it concerns.
 */
public class BusinessException extends RuntimeException {

  private final String code;
  private final String field;
  private final int status;

  public BusinessException(String code, String message) {
    this(code, message, null, 422);
  }

  public BusinessException(String code, String message, String field) {
    this(code, message, field, 422);
  }

  protected BusinessException(String code, String message, String field, int status) {
    super(message);
    this.code = code;
    this.field = field;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  public int status() {
    return status;
  }
}

package org.countyhealth.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the user can act on: a stable machine code (e.g. {@code FACILITY_LICENCE_DUPLICATE})
 * and a message in Chinese. Optionally names the form field it concerns.
 */
public class BusinessException extends RuntimeException {

  private final String code;
  private final String field;
  private final int status;
  private final Map<String, String> fields;

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
    this.fields = field == null ? Map.of() : Map.of(field, message);
  }

  /**
   * Several fields refused at once (e.g. every empty one), each with its message, in order; the
   * first gives {@link #field()} and the message.
   */
  public BusinessException(String code, Map<String, String> fields) {
    super(fields.values().iterator().next());
    this.code = code;
    this.field = fields.keySet().iterator().next();
    this.status = 422;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** Field → message of every field concerned; empty when no field is named. */
  public Map<String, String> fields() {
    return fields;
  }

  public int status() {
    return status;
  }
}

package org.countyhealth.organization.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.countyhealth.shared.BusinessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Messages shown beside the fields of a form, keyed by field name ("" for the whole form). */
final class FormErrors {

  private FormErrors() {}

  static Map<String, String> of(BindingResult result) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError e : result.getFieldErrors()) {
      String message = e.isBindingFailure() ? "格式不正确" : String.valueOf(e.getDefaultMessage());
      errors.putIfAbsent(e.getField(), message);
    }
    result.getGlobalErrors().forEach(e -> errors.putIfAbsent("", e.getDefaultMessage()));
    return errors;
  }

  /** A refusal of the registry, placed beside its field when the form has it. */
  static Map<String, String> of(BusinessException e, java.util.Set<String> fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(e.field() != null && fields.contains(e.field()) ? e.field() : "", e.getMessage());
    return errors;
  }
}

package org.countyhealth.residents.record.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.countyhealth.residents.record.MeasurementsRefused;
import org.countyhealth.shared.BusinessException;
import org.springframework.validation.BindingResult;

/**
 * Messages to show beside form fields (field → Chinese message; "global" above the form). Public
 * for the contract pages of the module.
 */
public final class PageErrors {

  private PageErrors() {}

  /** Values that could not even be read (a letter in a number field, a malformed date). */
  public static Map<String, String> of(BindingResult binding) {
    Map<String, String> errors = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "格式不正确，请重新填写"));
    return errors;
  }

  /** A refusal of the service, placed beside its field; {@code rename} maps service fields. */
  public static Map<String, String> of(BusinessException e, Map<String, String> rename) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (e instanceof MeasurementsRefused refused) {
      refused.violations().forEach(v -> errors.putIfAbsent(v.field(), v.message()));
      return errors;
    }
    String field = e.field() == null ? "global" : rename.getOrDefault(e.field(), e.field());
    errors.put(field, e.getMessage());
    return errors;
  }
}

package org.countyhealth.residents.record;

import java.util.List;
import org.countyhealth.residents.record.rules.Measurements;
import org.countyhealth.shared.BusinessException;

/** Check-up values outside the physiological ranges: all of them, for the form to mark. */
public class MeasurementsRefused extends BusinessException {

  private final transient List<Measurements.Violation> violations;

  public MeasurementsRefused(List<Measurements.Violation> violations) {
    super(violations.get(0).code(), violations.get(0).message(), violations.get(0).field());
    this.violations = List.copyOf(violations);
  }

  public List<Measurements.Violation> violations() {
    return violations;
  }
}

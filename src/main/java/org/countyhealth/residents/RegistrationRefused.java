package org.countyhealth.residents;

import org.countyhealth.shared.BusinessException;

/**
 * A refusal of {@link ResidentRegistry#registerAll} that names the request it concerns, so that a
 * caller registering a batch (a FHIR bundle's patients) can point at the right entry. {@code
 * position} is -1 when no single request is to blame (a concurrent registration took an
 * identifier).
 */
public class RegistrationRefused extends BusinessException {

  private final int position;

  public RegistrationRefused(int position, BusinessException cause) {
    super(cause.code(), cause.getMessage(), cause.field(), cause.status());
    this.position = position;
    initCause(cause);
  }

  public int position() {
    return position;
  }
}

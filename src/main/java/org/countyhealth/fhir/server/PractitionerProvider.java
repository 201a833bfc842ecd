package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.StaffSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/**
 * Practitioner (staff) over the facilities facade. Read only: the facade offers no staff search, so
 * the capability statement declares no search for Practitioner.
 */
@Component
class PractitionerProvider implements IResourceProvider {

  private final Facilities facilities;
  private final FhirAccess access;

  PractitionerProvider(Facilities facilities, FhirAccess access) {
    this.facilities = facilities;
    this.access = access;
  }

  @Override
  public Class<Practitioner> getResourceType() {
    return Practitioner.class;
  }

  @Read
  public Practitioner read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.STAFF_VIEW);
    Optional<StaffSummary> staff =
        id.isIdPartValidLong() ? facilities.findStaff(id.getIdPartAsLong()) : Optional.empty();
    return staff
        .filter(s -> actor.scope().includes(s.facilityCode()))
        .map(PractitionerProvider::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException("找不到该人员，或该人员不在您的数据范围内：" + id.getIdPart()));
  }

  static Practitioner toFhir(StaffSummary s) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(String.valueOf(s.id()));
    practitioner
        .addIdentifier()
        .setSystem(IdentifierSystems.STAFF)
        .setValue(String.valueOf(s.id()));
    practitioner.setActive(s.active());
    practitioner.addName().setText(s.name());
    return practitioner;
  }
}

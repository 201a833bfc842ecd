package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.StaffCriteria;
import org.countyhealth.organization.StaffProfile;
import org.countyhealth.organization.Title;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.springframework.stereotype.Component;

/** Practitioner (staff) over the facilities facade: the staff of the facilities in scope. */
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
    List<StaffProfile> staff =
        id.isIdPartValidLong()
            ? facilities.searchStaff(
                actor.scope(), new StaffCriteria(null, false, null, id.getIdPartAsLong(), null), 1)
            : List.of();
    return staff.stream()
        .findFirst()
        .map(PractitionerProvider::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException("找不到该人员，或该人员不在您的数据范围内：" + id.getIdPart()));
  }

  /**
   * By name (starts with, or {@code :exact}), identifier (staff number or practising licence) and
   * organization (the facility employing them), within the facilities in scope.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = Practitioner.SP_NAME) StringParam name,
      @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier,
      @OptionalParam(name = "organization", targetTypes = Organization.class)
          ReferenceParam organization,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.STAFF_VIEW);
    Window window = SearchPages.window(offset, count);
    Long staffId = null;
    String licence = null;
    if (identifier != null) {
      String system = identifier.getSystem() == null ? "" : identifier.getSystem();
      String value = identifier.getValue() == null ? "" : identifier.getValue().strip();
      if (system.equals(IdentifierSystems.STAFF)
          || (system.isEmpty() && value.matches("[0-9]{1,18}"))) {
        if (!value.matches("[0-9]{1,18}")) {
          return SearchPages.of(window, List.of(), 0);
        }
        staffId = Long.valueOf(value);
      } else if (system.equals(IdentifierSystems.PRACTITIONER_LICENCE) || system.isEmpty()) {
        licence = value;
      } else {
        throw new InvalidRequestException("不支持的人员标识符体系：" + system);
      }
    }
    String facility = organization == null ? null : organization.getIdPart();
    Slice<StaffProfile> found =
        facilities.searchStaff(
            actor.scope(),
            new StaffCriteria(
                name == null ? null : name.getValue(),
                name != null && name.isExact(),
                licence,
                staffId,
                facility),
            window);
    return SearchPages.of(
        window, found.items().stream().map(PractitionerProvider::toFhir).toList(), found.total());
  }

  static Practitioner toFhir(StaffProfile s) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(String.valueOf(s.id()));
    practitioner
        .addIdentifier()
        .setUse(Identifier.IdentifierUse.SECONDARY)
        .setSystem(IdentifierSystems.STAFF)
        .setValue(String.valueOf(s.id()));
    if (s.licenceNumber() != null) {
      practitioner
          .addIdentifier()
          .setUse(Identifier.IdentifierUse.OFFICIAL)
          .setSystem(IdentifierSystems.PRACTITIONER_LICENCE)
          .setValue(s.licenceNumber());
    }
    practitioner.setActive(s.active());
    practitioner.addName().setText(s.name());
    practitioner.setGender(PatientMapping.gender(s.sex()));
    if (s.phone() != null) {
      practitioner
          .addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.PHONE)
          .setUse(ContactPoint.ContactPointUse.WORK)
          .setValue(s.phone());
    }
    if (s.profession() != null) {
      practitioner
          .addQualification()
          .getCode()
          .addCoding()
          .setSystem(IdentifierSystems.PROFESSION)
          .setCode(s.profession().name())
          .setDisplay(s.profession().label());
    }
    if (s.title() != null && s.title() != Title.NONE) {
      practitioner
          .addQualification()
          .getCode()
          .addCoding()
          .setSystem(IdentifierSystems.TITLE)
          .setCode(s.title().name())
          .setDisplay(s.title().label());
    }
    return practitioner;
  }
}

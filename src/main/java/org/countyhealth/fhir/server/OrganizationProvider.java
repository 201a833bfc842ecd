package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.stream.Stream;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/** Organization over the facilities facade: the facilities of the actor's data scope. */
@Component
class OrganizationProvider implements IResourceProvider {

  private final Facilities facilities;
  private final FhirAccess access;

  OrganizationProvider(Facilities facilities, FhirAccess access) {
    this.facilities = facilities;
    this.access = access;
  }

  @Override
  public Class<Organization> getResourceType() {
    return Organization.class;
  }

  @Read
  public Organization read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.FACILITY_VIEW);
    return facilities
        .find(id.getIdPart())
        .filter(f -> actor.scope().includes(f.licenceCode()))
        .map(OrganizationProvider::toFhir)
        .orElseThrow(() -> new ResourceNotFoundException("找不到该机构，或该机构不在您的数据范围内：" + id.getIdPart()));
  }

  /** By licence code (identifier), name (contains, as FHIR's string search starts-with) or type. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier,
      @OptionalParam(name = Organization.SP_NAME) StringParam name,
      @OptionalParam(name = Organization.SP_TYPE) TokenParam type,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.FACILITY_VIEW);
    Window window = SearchPages.window(offset, count);
    if (identifier != null
        && identifier.getSystem() != null
        && !identifier.getSystem().isBlank()
        && !IdentifierSystems.LICENCE.equals(identifier.getSystem())) {
      throw new InvalidRequestException("不支持的机构标识符体系：" + identifier.getSystem());
    }
    if (type != null
        && type.getSystem() != null
        && !type.getSystem().isBlank()
        && !IdentifierSystems.FACILITY_TYPE.equals(type.getSystem())) {
      throw new InvalidRequestException("不支持的机构类型编码体系：" + type.getSystem());
    }
    Stream<FacilitySummary> found = facilities.visible(actor.scope()).stream();
    if (identifier != null) {
      found = found.filter(f -> f.licenceCode().equals(identifier.getValue()));
    }
    if (name != null) {
      String wanted = name.getValue().strip();
      found =
          found.filter(f -> name.isExact() ? f.name().equals(wanted) : f.name().startsWith(wanted));
    }
    if (type != null) {
      found = found.filter(f -> f.type().name().equals(type.getValue()));
    }
    // The facilities of a scope are few and read whole (Facilities.visible): paged here.
    return SearchPages.of(
        window, SearchPages.cut(window, found.map(OrganizationProvider::toFhir).toList()));
  }

  static Organization toFhir(FacilitySummary f) {
    Organization organization = new Organization();
    organization.setId(f.licenceCode());
    organization.addIdentifier().setSystem(IdentifierSystems.LICENCE).setValue(f.licenceCode());
    organization.setActive(f.active());
    organization.setName(f.name());
    organization
        .addType()
        .addCoding()
        .setSystem(IdentifierSystems.FACILITY_TYPE)
        .setCode(f.type().name())
        .setDisplay(f.type().label());
    if (f.parentCode() != null) {
      organization.setPartOf(new Reference("Organization/" + f.parentCode()));
    }
    return organization;
  }
}

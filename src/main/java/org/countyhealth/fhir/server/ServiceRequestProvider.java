package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** ServiceRequest = a referral (docs/fhir.md); read-only, every referral returned is audited. */
@Component
class ServiceRequestProvider implements IResourceProvider {

  static final String READ = "FHIR_SERVICEREQUEST_READ";

  private final ReferralReader reader;

  ServiceRequestProvider(ReferralReader reader) {
    this.reader = reader;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  @Read
  public ServiceRequest read(@IdParam IdType id) {
    return ReferralMapping.serviceRequest(reader.read(id, READ));
  }

  @Search
  public List<ServiceRequest> search(
      @OptionalParam(name = ServiceRequest.SP_PATIENT, targetTypes = Patient.class)
          ReferenceParam patient,
      @OptionalParam(name = ServiceRequest.SP_STATUS) TokenParam status,
      @OptionalParam(name = ServiceRequest.SP_REQUESTER, targetTypes = Organization.class)
          ReferenceParam requester,
      @OptionalParam(name = ServiceRequest.SP_PERFORMER, targetTypes = Organization.class)
          ReferenceParam performer) {
    return reader
        .search(patient, status, requester, performer, ReferralMapping::requestStatuses, READ)
        .stream()
        .map(ReferralMapping::serviceRequest)
        .toList();
  }
}

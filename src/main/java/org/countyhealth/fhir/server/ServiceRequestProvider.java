package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.countyhealth.referral.ReferralSummary;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
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
  public IBundleProvider search(
      @OptionalParam(name = ServiceRequest.SP_PATIENT, targetTypes = Patient.class)
          ReferenceParam patient,
      @OptionalParam(name = ServiceRequest.SP_STATUS) TokenParam status,
      @OptionalParam(name = ServiceRequest.SP_REQUESTER, targetTypes = Organization.class)
          ReferenceParam requester,
      @OptionalParam(name = ServiceRequest.SP_PERFORMER, targetTypes = Organization.class)
          ReferenceParam performer,
      @Offset Integer offset,
      @Count Integer count) {
    Window window = SearchPages.window(offset, count);
    Slice<ReferralSummary> found =
        reader.search(
            patient, status, requester, performer, ReferralMapping::requestStatuses, READ, window);
    return SearchPages.of(
        window,
        found.items().stream().map(ReferralMapping::serviceRequest).toList(),
        found.total());
  }
}

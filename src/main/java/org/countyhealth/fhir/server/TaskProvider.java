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
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Task = a referral's workflow state (docs/fhir.md); read-only, every referral returned is audited.
 * The owner is the receiving facility.
 */
@Component
class TaskProvider implements IResourceProvider {

  static final String READ = "FHIR_TASK_READ";

  private final ReferralReader reader;

  TaskProvider(ReferralReader reader) {
    this.reader = reader;
  }

  @Override
  public Class<Task> getResourceType() {
    return Task.class;
  }

  @Read
  public Task read(@IdParam IdType id) {
    return ReferralMapping.task(reader.read(id, READ));
  }

  @Search
  public IBundleProvider search(
      @OptionalParam(name = Task.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient,
      @OptionalParam(name = Task.SP_STATUS) TokenParam status,
      @OptionalParam(name = Task.SP_REQUESTER, targetTypes = Organization.class)
          ReferenceParam requester,
      @OptionalParam(name = Task.SP_OWNER, targetTypes = Organization.class) ReferenceParam owner,
      @Offset Integer offset,
      @Count Integer count) {
    Window window = SearchPages.window(offset, count);
    Slice<ReferralSummary> found =
        reader.search(
            patient, status, requester, owner, ReferralMapping::taskStatuses, READ, window);
    return SearchPages.of(
        window, found.items().stream().map(ReferralMapping::task).toList(), found.total());
  }
}

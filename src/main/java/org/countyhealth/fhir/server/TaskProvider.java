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
  public List<Task> search(
      @OptionalParam(name = Task.SP_PATIENT, targetTypes = Patient.class) ReferenceParam patient,
      @OptionalParam(name = Task.SP_STATUS) TokenParam status,
      @OptionalParam(name = Task.SP_REQUESTER, targetTypes = Organization.class)
          ReferenceParam requester,
      @OptionalParam(name = Task.SP_OWNER, targetTypes = Organization.class) ReferenceParam owner) {
    return reader
        .search(patient, status, requester, owner, ReferralMapping::taskStatuses, READ)
        .stream()
        .map(ReferralMapping::task)
        .toList();
  }
}

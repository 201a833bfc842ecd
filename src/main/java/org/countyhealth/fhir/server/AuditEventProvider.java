package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.countyhealth.audit.AuditCriteria;
import org.countyhealth.audit.AuditOverview;
import org.countyhealth.audit.AuditRecord;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * AuditEvent: the audit trail, read-only, for actors with the audit privilege (the auditor). A read
 * of the trail is itself audited, as the audit page is.
 */
@Component
class AuditEventProvider implements IResourceProvider {

  static final String SEARCH = "FHIR_AUDITEVENT_READ";

  private final AuditOverview audit;
  private final AuditTrail auditTrail;
  private final FhirAccess access;

  AuditEventProvider(AuditOverview audit, AuditTrail auditTrail, FhirAccess access) {
    this.audit = audit;
    this.auditTrail = auditTrail;
    this.access = access;
  }

  @Override
  public Class<AuditEvent> getResourceType() {
    return AuditEvent.class;
  }

  @Read
  public AuditEvent read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.AUDIT_VIEW);
    AuditRecord event =
        (id.isIdPartValidLong()
                ? audit.find(id.getIdPartAsLong(), actor.scope())
                : Optional.<AuditRecord>empty())
            .orElseThrow(() -> new ResourceNotFoundException("找不到该审计事件：" + id.getIdPart()));
    auditTrail.record(SEARCH, "AuditEvent", String.valueOf(event.id()), AuditResult.SUCCESS);
    return AuditEventMapping.toFhir(event);
  }

  /**
   * By patient (events on that resident), date (the time recorded; ge/gt/le/lt/eq) and agent (the
   * account name, as {@code agent} or {@code agent-name}); newest first, paged in SQL. The trail
   * grows while a client pages (this search is itself an event), so the first page fixes the upper
   * time bound and its links carry it: later pages do not shift.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = AuditEvent.SP_PATIENT, targetTypes = Patient.class)
          ReferenceParam patient,
      @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
      @OptionalParam(name = AuditEvent.SP_AGENT) ReferenceParam agent,
      @OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringParam agentName,
      @Offset Integer offset,
      @Count Integer count,
      RequestDetails request) {
    Actor actor = access.require(Privilege.AUDIT_VIEW);
    Window window = SearchPages.window(offset, count);
    String residentId = null;
    if (patient != null) {
      if (patient.getResourceType() != null && !patient.getResourceType().equals("Patient")) {
        throw new InvalidRequestException("patient 须为 Patient 引用：" + patient.getValue());
      }
      residentId = patient.getIdPart();
    }
    String username = agent != null ? agent.getIdPart() : null;
    if (agentName != null) {
      if (username != null && !username.equals(agentName.getValue())) {
        return SearchPages.of(window, List.of(), 0);
      }
      username = agentName.getValue();
    }
    Instant from = null;
    Instant to = null;
    if (date != null) {
      from =
          date.getLowerBoundAsInstant() == null ? null : date.getLowerBoundAsInstant().toInstant();
      // The upper bound is inclusive in HAPI; the criteria are half-open: one millisecond on.
      to =
          date.getUpperBoundAsInstant() == null
              ? null
              : date.getUpperBoundAsInstant().toInstant().plusMillis(1);
    }
    if (to == null) {
      // The recorder stamps events with the system time (AuditRecorder), so the bound is that too.
      to = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      request.addParameter(AuditEvent.SP_DATE, withUpperBound(request, to));
    }
    Slice<AuditRecord> found =
        audit.search(
            new AuditCriteria(
                residentId == null ? null : "Resident", residentId, username, from, to),
            actor.scope(),
            window);
    auditTrail.record(SEARCH, "AuditEvent", null, AuditResult.SUCCESS);
    return SearchPages.of(
        window, found.items().stream().map(AuditEventMapping::toFhir).toList(), found.total());
  }

  /** The date parameters asked for, and "before {@code to}" for the links. */
  private static String[] withUpperBound(RequestDetails request, Instant to) {
    String[] given = request.getParameters().get(AuditEvent.SP_DATE);
    List<String> values = new ArrayList<>(given == null ? List.of() : List.of(given));
    values.add("lt" + DateTimeFormatter.ISO_INSTANT.format(to));
    return values.toArray(String[]::new);
  }
}

package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.Residents;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The patient a clinical resource is about: resolved in the actor's data scope (as on the resident
 * page: owning facility, village clinic or township centre), and every read of the patient's data
 * audited, one event per resource returned.
 */
@Component
class Subjects {

  private static final String SEEN = Subjects.class.getName() + ".seen";

  private final Residents residents;
  private final AuditTrail auditTrail;

  Subjects(Residents residents, AuditTrail auditTrail) {
    this.residents = residents;
    this.auditTrail = auditTrail;
  }

  /** A resident the actor may see; a merged id answers with its survivor. */
  Optional<ResidentSummary> visible(Actor actor, long residentId) {
    return residents.find(residentId).filter(r -> inScope(r, actor.scope()));
  }

  /**
   * The {@code Patient/123} a resource being written refers to: 422 at {@code location} if none.
   * Looked up once per request: a bundle's entries about one patient share the answer.
   */
  ResidentSummary referenced(
      Actor actor, Reference reference, String location, WriteSession session) {
    String ref = reference == null ? null : reference.getReference();
    if (ref == null || !ref.matches("Patient/\\d{1,18}")) {
      throw Refusals.unprocessable("须引用本平台的患者（Patient/{id}），收到：" + ref, location);
    }
    long id = Long.parseLong(ref.substring("Patient/".length()));
    return visible(actor, id, session)
        .orElseThrow(() -> Refusals.unprocessable("找不到患者 " + ref + "，或该患者不在您的数据范围内", location));
  }

  /** {@link #visible(Actor, long)}, looked up once per request. */
  Optional<ResidentSummary> visible(Actor actor, long residentId, WriteSession session) {
    Map<Long, Optional<ResidentSummary>> seen = session.attribute(SEEN, HashMap::new);
    return seen.computeIfAbsent(residentId, id -> visible(actor, id));
  }

  /** The patient of a search ({@code patient=123} or {@code Patient/123}); 400 without one. */
  long searched(ReferenceParam patient, String type) {
    if (patient == null
        || patient.getIdPart() == null
        || !patient.getIdPart().matches("\\d{1,18}")) {
      throw new InvalidRequestException("检索 " + type + " 须给出 patient（本平台的患者 id）");
    }
    return Long.parseLong(patient.getIdPart());
  }

  /** Records that the actor read a resident's data through FHIR. */
  void audit(String action, long residentId) {
    auditTrail.record(action, "Resident", String.valueOf(residentId), AuditResult.SUCCESS);
  }

  static boolean inScope(ResidentSummary r, DataScope scope) {
    return scope.all()
        || (r.facilityCode() != null && scope.includes(r.facilityCode()))
        || (r.villageClinicCode() != null && scope.includes(r.villageClinicCode()))
        || (r.townshipCode() != null && scope.includes(r.townshipCode()));
  }
}

package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.audit.AuditTrail.Audited;
import org.countyhealth.referral.ReferralCriteria;
import org.countyhealth.referral.ReferralSummary;
import org.countyhealth.referral.Referrals;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Reads referrals for ServiceRequest and Task: privilege (create or process referrals, as the
 * pages), data scope (sending or receiving facility in scope, in the SQL), and one audit event per
 * referral returned, since a referral is part of the patient's record.
 */
@Component
class ReferralReader {

  private final Referrals referrals;
  private final FhirAccess access;
  private final AuditTrail auditTrail;

  ReferralReader(Referrals referrals, FhirAccess access, AuditTrail auditTrail) {
    this.referrals = referrals;
    this.access = access;
    this.auditTrail = auditTrail;
  }

  ReferralSummary read(IdType id, String action) {
    Actor actor = access.requireAny(Privilege.REFERRAL_CREATE, Privilege.REFERRAL_PROCESS);
    ReferralSummary referral =
        (id.isIdPartValidLong()
                ? referrals.find(id.getIdPartAsLong(), actor.scope())
                : Optional.<ReferralSummary>empty())
            .orElseThrow(
                () -> new ResourceNotFoundException("找不到该转诊，或不在您的数据范围内：" + id.getIdPart()));
    auditTrail.record(action, "Referral", String.valueOf(referral.id()), AuditResult.SUCCESS);
    return referral;
  }

  /**
   * By patient, status (translated by {@code statuses} into the platform's states), requesting and
   * performing (receiving) organization.
   */
  Slice<ReferralSummary> search(
      ReferenceParam patient,
      TokenParam status,
      ReferenceParam requester,
      ReferenceParam performer,
      Function<String, Set<String>> statuses,
      String action,
      Window window) {
    Actor actor = access.requireAny(Privilege.REFERRAL_CREATE, Privilege.REFERRAL_PROCESS);
    Long residentId = null;
    if (patient != null) {
      if (!patient.getIdPart().matches("[0-9]{1,18}")) {
        return new Slice<>(List.of(), 0);
      }
      residentId = Long.valueOf(patient.getIdPart());
    }
    Set<String> wanted = Set.of();
    if (status != null) {
      wanted = statuses.apply(status.getValue() == null ? "" : status.getValue().strip());
      if (wanted.isEmpty()) {
        throw new InvalidRequestException("不支持的状态：" + status.getValue());
      }
    }
    Slice<ReferralSummary> found =
        referrals.search(
            actor.scope(),
            new ReferralCriteria(
                residentId, wanted, organization(requester), organization(performer)),
            window);
    auditTrail.recordAll(
        found.items().stream()
            .map(r -> new Audited(action, "Referral", String.valueOf(r.id()), AuditResult.SUCCESS))
            .toList());
    return found;
  }

  private static String organization(ReferenceParam ref) {
    if (ref == null) {
      return null;
    }
    if (ref.getResourceType() != null && !ref.getResourceType().equals("Organization")) {
      throw new InvalidRequestException("请以 Organization 检索：" + ref.getValue());
    }
    return ref.getIdPart();
  }
}

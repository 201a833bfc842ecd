package org.countyhealth.fhir.server;

import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.ReferralSummary;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Referral → ServiceRequest (the request) and Task (its workflow state), docs/fhir.md
 * "ServiceRequest and Task". Both carry the referral id.
 */
final class ReferralMapping {

  static final String NUMBER = "https://fhir.countyhealth.org/sid/referral-number";
  static final String DIRECTION = "https://fhir.countyhealth.org/CodeSystem/referral-direction";
  static final String STATUS = "https://fhir.countyhealth.org/CodeSystem/referral-status";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private ReferralMapping() {}

  static ServiceRequest serviceRequest(ReferralSummary r) {
    ServiceRequest request = new ServiceRequest();
    request.setId(String.valueOf(r.id()));
    request
        .addIdentifier()
        .setUse(Identifier.IdentifierUse.OFFICIAL)
        .setSystem(NUMBER)
        .setValue(r.number());
    request.setStatus(requestStatus(r.status()));
    request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    request.setPriority(
        r.greenChannel()
            ? ServiceRequest.ServiceRequestPriority.URGENT
            : ServiceRequest.ServiceRequestPriority.ROUTINE);
    request
        .addCategory()
        .addCoding()
        .setSystem(DIRECTION)
        .setCode(r.direction().name())
        .setDisplay(r.direction().label());
    request.getCode().setText(r.direction() == Direction.UP ? "上转诊" : "下转诊");
    request.setSubject(new Reference("Patient/" + r.residentId()));
    request.setAuthoredOn(date(r.createdAt()));
    request.setRequester(organization(r.fromFacilityCode()));
    request.addPerformer(organization(r.toFacilityCode()));
    request
        .addReasonCode()
        .setText(r.diagnosisName())
        .addCoding()
        .setSystem(ICD10)
        .setCode(r.diagnosisCode())
        .setDisplay(r.diagnosisName());
    if (r.purpose() != null && !r.purpose().isBlank()) {
      request.addNote().setText(r.purpose());
    }
    return request;
  }

  static Task task(ReferralSummary r) {
    Task task = new Task();
    task.setId(String.valueOf(r.id()));
    task.addIdentifier().setSystem(NUMBER).setValue(r.number());
    task.addBasedOn(new Reference("ServiceRequest/" + r.id()));
    task.setFocus(new Reference("ServiceRequest/" + r.id()));
    task.setStatus(taskStatus(r.status()));
    task.getBusinessStatus()
        .setText(r.statusLabel())
        .addCoding()
        .setSystem(STATUS)
        .setCode(r.status())
        .setDisplay(r.statusLabel());
    if (r.reason() != null && (r.status().equals("DECLINED") || r.status().equals("CANCELLED"))) {
      task.getStatusReason().setText(r.reason());
    }
    task.setIntent(Task.TaskIntent.ORDER);
    task.setPriority(r.greenChannel() ? Task.TaskPriority.URGENT : Task.TaskPriority.ROUTINE);
    task.setFor(new Reference("Patient/" + r.residentId()));
    task.setAuthoredOn(date(r.createdAt()));
    task.setLastModified(date(r.stepStartedAt()));
    task.setRequester(organization(r.fromFacilityCode()));
    task.setOwner(organization(r.toFacilityCode()));
    return task;
  }

  /** The platform's states behind a FHIR ServiceRequest status (for search). */
  static Set<String> requestStatuses(String fhirStatus) {
    return switch (fhirStatus) {
      case "draft" -> Set.of("DRAFTED");
      case "active" ->
          Set.of("SUBMITTED", "APPROVED", "RECEIVED", "ACCEPTED", "ARRIVED", "TREATED");
      case "completed" -> Set.of("CLOSED", "DOWN_REFERRED");
      case "revoked" -> Set.of("DECLINED", "CANCELLED");
      default -> Set.of();
    };
  }

  /** The platform's states behind a FHIR Task status (for search). */
  static Set<String> taskStatuses(String fhirStatus) {
    return switch (fhirStatus) {
      case "draft" -> Set.of("DRAFTED");
      case "requested" -> Set.of("SUBMITTED", "APPROVED");
      case "received" -> Set.of("RECEIVED");
      case "accepted" -> Set.of("ACCEPTED");
      case "rejected" -> Set.of("DECLINED");
      case "in-progress" -> Set.of("ARRIVED", "TREATED");
      case "completed" -> Set.of("CLOSED", "DOWN_REFERRED");
      case "cancelled" -> Set.of("CANCELLED");
      default -> Set.of();
    };
  }

  static ServiceRequest.ServiceRequestStatus requestStatus(String status) {
    return switch (status) {
      case "DRAFTED" -> ServiceRequest.ServiceRequestStatus.DRAFT;
      case "CLOSED", "DOWN_REFERRED" -> ServiceRequest.ServiceRequestStatus.COMPLETED;
      case "DECLINED", "CANCELLED" -> ServiceRequest.ServiceRequestStatus.REVOKED;
      default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
    };
  }

  /**
   * The state machine in FHIR's task states: submitted (and approved by the head of department)
   * requested, received, accepted, declined rejected, arrived and treated in progress, closed (and
   * down-referred onwards) completed, cancelled.
   */
  static Task.TaskStatus taskStatus(String status) {
    return switch (status) {
      case "DRAFTED" -> Task.TaskStatus.DRAFT;
      case "SUBMITTED", "APPROVED" -> Task.TaskStatus.REQUESTED;
      case "RECEIVED" -> Task.TaskStatus.RECEIVED;
      case "ACCEPTED" -> Task.TaskStatus.ACCEPTED;
      case "DECLINED" -> Task.TaskStatus.REJECTED;
      case "ARRIVED", "TREATED" -> Task.TaskStatus.INPROGRESS;
      case "CLOSED", "DOWN_REFERRED" -> Task.TaskStatus.COMPLETED;
      case "CANCELLED" -> Task.TaskStatus.CANCELLED;
      default -> throw new IllegalStateException("unknown referral status " + status);
    };
  }

  private static Reference organization(String code) {
    return new Reference("Organization/" + code);
  }

  private static Date date(java.time.LocalDateTime at) {
    return at == null ? null : Date.from(at.atZone(CHINA).toInstant());
  }
}

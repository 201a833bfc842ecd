package org.countyhealth.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.ReferralSummary;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralMappingTest {

  /** The referral state machine in FHIR terms (docs/fhir.md, "ServiceRequest and Task"). */
  @ParameterizedTest
  @CsvSource({
    "DRAFTED, draft, draft",
    "SUBMITTED, requested, active",
    "APPROVED, requested, active",
    "RECEIVED, received, active",
    "ACCEPTED, accepted, active",
    "DECLINED, rejected, revoked",
    "ARRIVED, in-progress, active",
    "TREATED, in-progress, active",
    "CLOSED, completed, completed",
    "DOWN_REFERRED, completed, completed",
    "CANCELLED, cancelled, revoked"
  })
  void statesMapToTaskAndRequestStatuses(String state, String task, String request) {
    ReferralSummary r = referral(state, false);
    assertThat(ReferralMapping.task(r).getStatus().toCode()).isEqualTo(task);
    assertThat(ReferralMapping.serviceRequest(r).getStatus().toCode()).isEqualTo(request);
    assertThat(ReferralMapping.taskStatuses(task)).contains(state);
    assertThat(ReferralMapping.requestStatuses(request)).contains(state);
  }

  @ParameterizedTest
  @CsvSource({"true, URGENT", "false, ROUTINE"})
  void theGreenChannelIsUrgent(boolean green, String priority) {
    ReferralSummary r = referral("SUBMITTED", green);
    assertThat(ReferralMapping.serviceRequest(r).getPriority().name()).isEqualTo(priority);
    assertThat(ReferralMapping.task(r).getPriority())
        .isEqualTo(Task.TaskPriority.valueOf(priority));
    assertThat(ReferralMapping.serviceRequest(r).getIntent())
        .isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
    assertThat(ReferralMapping.task(r).getBusinessStatus().getText()).isEqualTo("已提交");
  }

  private static ReferralSummary referral(String state, boolean green) {
    return new ReferralSummary(
        7,
        "ZZ2026000007",
        Direction.UP,
        state,
        "SUBMITTED".equals(state) ? "已提交" : state,
        green,
        42,
        "V1",
        "C1",
        "I10",
        "原发性高血压",
        null,
        null,
        "医生",
        null,
        LocalDate.of(2026, 1, 2),
        LocalDateTime.of(2026, 1, 2, 8, 0),
        LocalDateTime.of(2026, 1, 2, 8, 0));
  }
}

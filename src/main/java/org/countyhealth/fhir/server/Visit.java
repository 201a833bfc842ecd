package org.countyhealth.fhir.server;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.countyhealth.chronic.FollowUpSummary;
import org.countyhealth.chronic.ScreeningSummary;
import org.countyhealth.chronic.VisitMode;

/**
 * One Encounter as the FHIR facade reads it: a received Encounter ({@code fhir.encounter}, numeric
 * id) with the follow-ups or screening it became, or a follow-up ({@code followup-N}) or screening
 * ({@code screening-N}) recorded on the pages. Its measurements are its Observations.
 */
record Visit(
    String id,
    long residentId,
    LocalDate date,
    String classCode,
    String facilityCode,
    boolean implicit,
    List<FollowUpSummary> followUps,
    ScreeningSummary screening,
    String glucoseCode) {

  Visit {
    followUps = List.copyOf(followUps);
  }

  /** v3-ActCode of a follow-up's mode: clinic AMB, home HH, phone VR. */
  static String classOf(VisitMode mode) {
    return switch (mode) {
      case CLINIC -> "AMB";
      case HOME -> "HH";
      case PHONE -> "VR";
    };
  }

  static VisitMode modeOf(String classCode) {
    return switch (classCode) {
      case "HH" -> VisitMode.HOME;
      case "VR" -> VisitMode.PHONE;
      default -> VisitMode.CLINIC;
    };
  }

  Integer systolic() {
    return first(FollowUpSummary::systolic).orElse(screening == null ? null : screening.systolic());
  }

  Integer diastolic() {
    return first(FollowUpSummary::diastolic)
        .orElse(screening == null ? null : screening.diastolic());
  }

  <T> Optional<T> first(Function<FollowUpSummary, T> value) {
    return followUps.stream().map(value).filter(v -> v != null).findFirst();
  }
}

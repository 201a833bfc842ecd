package org.countyhealth.fhir.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.FollowUpSummary;
import org.countyhealth.chronic.ScreeningSummary;
import org.countyhealth.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * Reads visits (Encounters and their Observations) from the chronic module and the received
 * Encounters. The chronic facade checks the privilege and the data scope.
 */
@Component
class Visits {

  private final ChronicCare chronic;
  private final EncounterLinks links;
  private final Subjects subjects;

  Visits(ChronicCare chronic, EncounterLinks links, Subjects subjects) {
    this.chronic = chronic;
    this.links = links;
    this.subjects = subjects;
  }

  /** Every visit of a resident in scope, oldest first. */
  List<Visit> ofPatient(Actor actor, long residentId) {
    List<FollowUpSummary> followUps = chronic.followUps(actor, residentId);
    List<ScreeningSummary> screenings = chronic.screenings(actor, residentId);
    Set<Long> linkedFollowUps = new HashSet<>();
    Set<Long> linkedScreenings = new HashSet<>();
    List<Visit> visits = new ArrayList<>();
    for (EncounterLinks.Row row : links.ofResidents(Set.of(residentId))) {
      List<FollowUpSummary> mine =
          followUps.stream()
              .filter(
                  f ->
                      Long.valueOf(f.id()).equals(row.hypertensionFollowUpId())
                          || Long.valueOf(f.id()).equals(row.diabetesFollowUpId()))
              .toList();
      mine.forEach(f -> linkedFollowUps.add(f.id()));
      ScreeningSummary screening =
          screenings.stream()
              .filter(s -> Long.valueOf(s.id()).equals(row.screeningId()))
              .findFirst()
              .orElse(null);
      if (screening != null) {
        linkedScreenings.add(screening.id());
      }
      visits.add(visit(row, mine, screening));
    }
    followUps.stream()
        .filter(f -> !linkedFollowUps.contains(f.id()))
        .forEach(f -> visits.add(of(f)));
    screenings.stream()
        .filter(s -> !linkedScreenings.contains(s.id()))
        .forEach(s -> visits.add(of(s)));
    visits.sort(Comparator.comparing(Visit::date).thenComparing(Visit::id));
    return visits;
  }

  /** A visit by Encounter id; empty when unknown or out of scope. */
  Optional<Visit> find(Actor actor, String id) {
    if (id.matches("\\d{1,18}")) {
      return links
          .find(Long.parseLong(id))
          .filter(row -> subjects.visible(actor, row.residentId()).isPresent())
          .map(
              row -> {
                List<FollowUpSummary> mine = new ArrayList<>();
                for (Long f : new Long[] {row.hypertensionFollowUpId(), row.diabetesFollowUpId()}) {
                  if (f != null) {
                    chronic.followUp(actor, f).ifPresent(mine::add);
                  }
                }
                ScreeningSummary screening =
                    row.screeningId() == null
                        ? null
                        : chronic.screening(actor, row.screeningId()).orElse(null);
                return visit(row, mine, screening);
              });
    }
    if (id.matches("followup-\\d{1,18}")) {
      return chronic.followUp(actor, Long.parseLong(id.substring(9))).map(Visits::of);
    }
    if (id.matches("screening-\\d{1,18}")) {
      return chronic.screening(actor, Long.parseLong(id.substring(10))).map(Visits::of);
    }
    return Optional.empty();
  }

  private static Visit visit(
      EncounterLinks.Row row, List<FollowUpSummary> followUps, ScreeningSummary screening) {
    return new Visit(
        String.valueOf(row.id()),
        row.residentId(),
        row.visitOn(),
        row.classCode(),
        row.facilityCode(),
        row.implicit(),
        followUps,
        screening,
        row.glucoseCode());
  }

  private static Visit of(FollowUpSummary f) {
    return new Visit(
        "followup-" + f.id(),
        f.residentId(),
        f.visitOn(),
        Visit.classOf(f.mode()),
        f.facilityCode(),
        false,
        List.of(f),
        null,
        null);
  }

  private static Visit of(ScreeningSummary s) {
    return new Visit(
        "screening-" + s.id(),
        s.residentId(),
        s.measuredOn(),
        "AMB",
        s.facilityCode(),
        false,
        List.of(),
        s,
        null);
  }
}

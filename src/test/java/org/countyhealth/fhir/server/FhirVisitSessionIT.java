package org.countyhealth.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.VisitMode;
import org.countyhealth.residents.People;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An Encounter and the Observations of the same request (one {@link WriteSession}, as a transaction
 * bundle or a bulk import writes them) become one follow-up when the session completes, with the
 * grade and next date the follow-up form gives the same values.
 */
@IntegrationTest
class FhirVisitSessionIT {

  @Autowired EncounterWriter encounters;
  @Autowired ObservationWriter observations;
  @Autowired Visits visits;
  @Autowired ChronicCare chronic;
  @Autowired ResidentRegistry registry;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AuditTrail auditTrail;

  private String village;
  private Actor actor;

  @BeforeEach
  void actor() {
    village =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor'")
            .query(String.class)
            .single();
    actor =
        new Actor(
            0L,
            "fhir-session-it",
            "接口测试",
            null,
            village,
            Set.of("VILLAGE_DOCTOR"),
            Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "RESIDENT_VIEW", "RESIDENT_EDIT"),
            DataScope.of(Set.of(village)));
  }

  @Test
  void aHomeVisitWithBloodPressureAndGlucoseIsOneDiabetesFollowUp() {
    long patient = resident(LocalDate.of(1957, 3, 3));
    LocalDate visit = LocalDate.now().minusDays(2);
    long enrolment =
        chronic.enrol(
            actor,
            new EnrolmentRequest(
                patient, Disease.DIABETES, LocalDate.now().minusDays(60), null, null, null));
    FollowUpOutcome expected =
        chronic.preview(
            actor,
            FollowUpRequest.measured(
                enrolment,
                visit,
                VisitMode.HOME,
                150,
                95,
                new BigDecimal("72.0"),
                new BigDecimal("168.0"),
                null,
                new BigDecimal("7.0"),
                null,
                null));
    long followUps = count("chronic.follow_up", patient);

    IdType encounter =
        inOneRequest(
            session -> {
              IdType e = encounters.create(encounter(patient, visit, "HH"), actor, session);
              observations.create(bp(patient, visit, e, 150, 95), actor, session);
              // 126 mg/dL ÷ 18.016 = 6.99 → 7.0 mmol/L, the form's unit.
              observations.create(
                  quantity(patient, visit, e, "2345-7", "126", "mg/dL"), actor, session);
              observations.create(
                  quantity(patient, visit, e, "29463-7", "72", "kg"), actor, session);
              observations.create(
                  quantity(patient, visit, e, "8302-2", "1.68", "m"), actor, session);
              // Nothing is recorded before the request completes.
              assertThat(count("chronic.follow_up", patient)).isEqualTo(followUps);
              return e;
            });

    assertThat(count("chronic.follow_up", patient)).isEqualTo(followUps + 1);
    var enrolled = chronic.enrolment(actor, enrolment).orElseThrow();
    assertThat(enrolled.grade()).isEqualTo(expected.grade());
    assertThat(enrolled.nextVisitOn()).isEqualTo(expected.nextVisitOn());
    assertThat(enrolled.lastVisitOn()).isEqualTo(visit);
    var recorded = chronic.followUps(actor, patient).get(0);
    assertThat(recorded.mode()).isEqualTo(VisitMode.HOME);
    assertThat(recorded.fastingGlucose()).isEqualByComparingTo("7.0");

    Visit read = visits.find(actor, encounter.getIdPart()).orElseThrow();
    List<Observation> back = VisitMapping.observations(read);
    assertThat(back)
        .extracting(o -> o.getCode().getCodingFirstRep().getCode())
        .containsExactly("85354-9", "2345-7", "29463-7", "8302-2", "39156-5");
    Observation glucose = back.get(1);
    assertThat(glucose.getValueQuantity().getValue()).isEqualByComparingTo("126");
    assertThat(glucose.getValueQuantity().getCode()).isEqualTo("mg/dL");
    assertThat(back.get(4).getValueQuantity().getValue()).isEqualByComparingTo(expected.bmi());
    assertThat(VisitMapping.encounter(read).getClass_().getCode()).isEqualTo("HH");
  }

  @Test
  void aRefusedFollowUpRollsTheWholeRequestBack() {
    long patient = resident(LocalDate.of(1961, 7, 7));
    chronic.enrol(
        actor,
        new EnrolmentRequest(
            patient, Disease.DIABETES, LocalDate.now().minusDays(60), null, null, null));
    LocalDate visit = LocalDate.now().minusDays(1);
    long encounterRows = total("fhir.encounter");
    long followUps = count("chronic.follow_up", patient);
    // A face-to-face diabetes follow-up needs a blood pressure (the form's rule).
    assertThatThrownBy(
            () ->
                inOneRequest(
                    session -> {
                      IdType e =
                          encounters.create(encounter(patient, visit, "AMB"), actor, session);
                      observations.create(
                          quantity(patient, visit, e, "1558-6", "7.8", "mmol/L"), actor, session);
                      return e;
                    }))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("血压");
    assertThat(total("fhir.encounter")).isEqualTo(encounterRows);
    assertThat(count("chronic.follow_up", patient)).isEqualTo(followUps);
  }

  @Test
  void refusalsAtCompletionAreLocatedAtTheEntryConcernedOrTheVisitsEntry() {
    long patient = resident(LocalDate.of(1963, 9, 9));
    chronic.enrol(
        actor,
        new EnrolmentRequest(
            patient, Disease.DIABETES, LocalDate.now().minusDays(60), null, null, null));
    LocalDate visit = LocalDate.now().minusDays(1);
    long followUps = count("chronic.follow_up", patient);

    // No BP in a face-to-face visit: no measurement is to blame, the Encounter's entry is.
    assertThat(refusedVisit(patient, visit, "1558-6", "7.8", "mmol/L", true))
        .containsExactly("Bundle.entry[0]", "Encounter");
    // A weight with neither BP nor glucose: refused at the weight's entry, not the Encounter's.
    assertThat(refusedVisit(patient, visit, "29463-7", "70", "kg", true))
        .containsExactly("Bundle.entry[1]", "Observation.code");
    // Outside a bundle (a single create): the plain element path.
    assertThat(refusedVisit(patient, visit, "29463-7", "70", "kg", false))
        .containsExactly("Observation.code");
    assertThat(count("chronic.follow_up", patient)).isEqualTo(followUps);
  }

  /**
   * An Encounter and one quantity Observation in one request, as entries 0 and 1 of a bundle or as
   * plain creates; answers the refusal's expressions.
   */
  private List<String> refusedVisit(
      long patient, LocalDate visit, String code, String value, String unit, boolean inBundle) {
    return expressions(
        () ->
            inOneRequest(
                session -> {
                  session.writing(inBundle ? 0 : null);
                  IdType e = encounters.create(encounter(patient, visit, "AMB"), actor, session);
                  session.writing(inBundle ? 1 : null);
                  observations.create(
                      quantity(patient, visit, e, code, value, unit), actor, session);
                  session.writing(null);
                  return e;
                }));
  }

  private static List<String> expressions(Runnable request) {
    try {
      request.run();
    } catch (ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException e) {
      return ((org.hl7.fhir.r4.model.OperationOutcome) e.getOperationOutcome())
          .getIssueFirstRep().getExpression().stream()
              .map(org.hl7.fhir.r4.model.StringType::getValue)
              .toList();
    }
    throw new AssertionError("the request was not refused");
  }

  private IdType inOneRequest(java.util.function.Function<WriteSession, IdType> writes) {
    return new TransactionTemplate(transactions)
        .execute(
            status -> {
              WriteSession session = new WriteSession(auditTrail);
              IdType id = writes.apply(session);
              session.complete();
              return id;
            });
  }

  private static Encounter encounter(long patient, LocalDate on, String classCode) {
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.setClass_(new Coding(VisitMapping.ACT_CODE, classCode, null));
    e.setSubject(new Reference("Patient/" + patient));
    e.setPeriod(new Period().setStartElement(new DateTimeType(on.toString())));
    return e;
  }

  private static Observation bp(long patient, LocalDate on, IdType encounter, int s, int d) {
    Observation o = base(patient, on, encounter, "85354-9");
    o.addComponent()
        .setCode(VisitMapping.loinc("8480-6"))
        .setValue(new Quantity().setValue(s).setSystem(Measurements.UCUM).setCode("mm[Hg]"));
    o.addComponent()
        .setCode(VisitMapping.loinc("8462-4"))
        .setValue(new Quantity().setValue(d).setSystem(Measurements.UCUM).setCode("mm[Hg]"));
    return o;
  }

  private static Observation quantity(
      long patient, LocalDate on, IdType encounter, String code, String value, String unit) {
    Observation o = base(patient, on, encounter, code);
    o.setValue(
        new Quantity().setValue(new BigDecimal(value)).setSystem(Measurements.UCUM).setCode(unit));
    return o;
  }

  private static Observation base(long patient, LocalDate on, IdType encounter, String code) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept(new Coding(Measurements.LOINC, code, null)));
    o.setSubject(new Reference("Patient/" + patient));
    o.setEncounter(new Reference("Encounter/" + encounter.getIdPart()));
    o.setEffective(new DateTimeType(on.toString()));
    return o;
  }

  private long resident(LocalDate birth) {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    String name = "随访" + (char) (0x4E00 + r.nextInt(3000)) + (char) (0x4E00 + r.nextInt(3000));
    String township =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(village)
            .query(String.class)
            .single();
    return registry
        .register(
            People.person(name, "2", birth, null, "测试村", village, township, People.healthCode()))
        .residentId();
  }

  private long count(String table, long patient) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE resident_id = ?")
        .param(patient)
        .query(Long.class)
        .single();
  }

  private long total(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}

package org.countyhealth.fhir.server;

import org.countyhealth.chronic.EnrolmentSummary;
import org.countyhealth.residents.PastIllnesses.PastIllness;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/** Enrolment or past illness → Condition (docs/fhir.md, "Condition"). */
final class ConditionMapping {

  static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

  private ConditionMapping() {}

  static String id(EnrolmentSummary e) {
    return "enrolment-" + e.id();
  }

  static String id(PastIllness illness) {
    return "illness-" + illness.id();
  }

  static Condition of(EnrolmentSummary e) {
    Condition c = base(id(e), e.residentId());
    CodeableConcept code = new CodeableConcept().setText(e.disease().label());
    Diagnoses.codings(e.disease()).forEach(code::addCoding);
    c.setCode(code);
    c.setRecordedDateElement(new DateTimeType(e.enrolledOn().toString()));
    if (e.diagnosingFacilityCode() != null) {
      c.addNote().setText("诊断机构：" + e.diagnosingFacilityCode() + "；管理状态：" + e.status());
    }
    return c;
  }

  static Condition of(PastIllness illness) {
    Condition c = base(id(illness), illness.residentId());
    c.setCode(new CodeableConcept().setText(illness.name()));
    c.setOnset(new DateTimeType(illness.diagnosedOn().toString()));
    return c;
  }

  private static Condition base(String id, long residentId) {
    Condition c = new Condition();
    c.setId(id);
    c.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, "active", "Active")));
    c.setVerificationStatus(
        new CodeableConcept(new Coding(VERIFICATION, "confirmed", "Confirmed")));
    c.addCategory(
        new CodeableConcept(new Coding(CATEGORY, "problem-list-item", "Problem List Item")));
    c.setSubject(new Reference("Patient/" + residentId));
    return c;
  }
}

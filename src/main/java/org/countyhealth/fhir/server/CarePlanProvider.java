package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.EnrolmentSummary;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.springframework.stereotype.Component;

/**
 * CarePlan: the follow-up schedule of an enrolment (id = enrolment id). At least four face-to-face
 * follow-ups a year, one in every quarter (000_65944b5c5b97f013.txt line 29); the next due date,
 * the colour grade and the responsible facility come from the registry. Read only.
 */
@Component
class CarePlanProvider implements IResourceProvider {

  static final String READ = "FHIR_CAREPLAN_READ";
  static final String GRADE = "https://fhir.countyhealth.org/CodeSystem/chronic-grade";

  private final FhirAccess access;
  private final ChronicCare chronic;
  private final Subjects subjects;

  CarePlanProvider(FhirAccess access, ChronicCare chronic, Subjects subjects) {
    this.access = access;
    this.chronic = chronic;
    this.subjects = subjects;
  }

  @Override
  public Class<CarePlan> getResourceType() {
    return CarePlan.class;
  }

  @Read
  public CarePlan read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.CHRONIC_VIEW);
    EnrolmentSummary enrolment =
        (id.isIdPartValidLong()
                ? ObservationProvider.reading(() -> chronic.enrolment(actor, id.getIdPartAsLong()))
                : java.util.Optional.<EnrolmentSummary>empty())
            .orElseThrow(
                () -> new ResourceNotFoundException("找不到该随访计划，或该患者不在您的数据范围内：" + id.getIdPart()));
    subjects.audit(READ, enrolment.residentId());
    return toFhir(enrolment);
  }

  @Search
  public IBundleProvider search(
      @RequiredParam(name = CarePlan.SP_PATIENT) ReferenceParam patient,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.CHRONIC_VIEW);
    long residentId = subjects.searched(patient, "CarePlan");
    ResidentSummary resident = subjects.visible(actor, residentId).orElse(null);
    Window window = SearchPages.window(offset, count);
    if (resident == null) {
      return SearchPages.of(window, List.of(), 0);
    }
    List<CarePlan> found =
        ObservationProvider.reading(() -> chronic.enrolments(actor, resident.id())).stream()
            .map(CarePlanProvider::toFhir)
            .toList();
    // One patient's records are read whole (the facade has no window): paged here.
    Slice<CarePlan> page = SearchPages.cut(window, found);
    if (!page.items().isEmpty()) {
      subjects.audit(READ, resident.id());
    }
    return SearchPages.of(window, page);
  }

  static CarePlan toFhir(EnrolmentSummary e) {
    CarePlan plan = new CarePlan();
    plan.setId(String.valueOf(e.id()));
    plan.setStatus(e.managed() ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.REVOKED);
    plan.setIntent(CarePlan.CarePlanIntent.PLAN);
    plan.setTitle(e.disease().label() + "患者健康管理");
    plan.setDescription(
        e.grade().label()
            + "（"
            + e.grade().managedBy()
            + "管理）；每年至少4次面对面随访，每季度至少1次；下次随访："
            + e.nextVisitOn());
    plan.addCategory(new CodeableConcept(new Coding(GRADE, e.grade().name(), e.grade().label())));
    plan.setSubject(new Reference("Patient/" + e.residentId()));
    plan.setPeriod(new Period().setStartElement(new DateTimeType(e.enrolledOn().toString())));
    plan.setAuthor(new Reference("Organization/" + e.responsibleFacilityCode()));
    plan.addAddresses(new Reference("Condition/" + ConditionMapping.id(e)));
    CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
    detail.setKind(CarePlan.CarePlanActivityKind.APPOINTMENT);
    detail.setCode(new CodeableConcept().setText("面对面随访"));
    detail.setStatus(
        e.managed()
            ? CarePlan.CarePlanActivityStatus.SCHEDULED
            : CarePlan.CarePlanActivityStatus.STOPPED);
    Timing timing = new Timing();
    if (e.nextVisitOn() != null) {
      timing.addEventElement().setValueAsString(e.nextVisitOn().toString());
    }
    // Four a year, one per quarter (line 29): the next date is the registry's.
    timing.getRepeat().setFrequency(1).setPeriod(3).setPeriodUnit(Timing.UnitsOfTime.MO);
    detail.setScheduled(timing);
    detail.addPerformer(new Reference("Organization/" + e.responsibleFacilityCode()));
    return plan;
  }
}

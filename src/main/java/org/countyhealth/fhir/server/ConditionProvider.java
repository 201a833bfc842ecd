package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.residents.PastIllnesses;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Condition: chronic enrolments ({@code enrolment-N}) and the health record's past illnesses
 * ({@code illness-N}). Reading enrolments needs the chronic privilege as well; every read is an
 * audit event.
 */
@Component
class ConditionProvider implements IResourceProvider {

  static final String READ = "FHIR_CONDITION_READ";

  private final FhirAccess access;
  private final ChronicCare chronic;
  private final PastIllnesses illnesses;
  private final Subjects subjects;
  private final SourceIdentifiers identifiers;
  private final SingleCreates creates;
  private final ConditionWriter writer;

  ConditionProvider(
      FhirAccess access,
      ChronicCare chronic,
      PastIllnesses illnesses,
      Subjects subjects,
      SourceIdentifiers identifiers,
      SingleCreates creates,
      ConditionWriter writer) {
    this.access = access;
    this.chronic = chronic;
    this.illnesses = illnesses;
    this.subjects = subjects;
    this.identifiers = identifiers;
    this.creates = creates;
    this.writer = writer;
  }

  @Override
  public Class<Condition> getResourceType() {
    return Condition.class;
  }

  @Read
  public Condition read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.RESIDENT_VIEW);
    String idPart = id.getIdPart();
    Optional<Condition> found = Optional.empty();
    if (idPart.matches("enrolment-\\d{1,18}")) {
      access.require(Privilege.CHRONIC_VIEW);
      found =
          ObservationProvider.reading(
                  () -> chronic.enrolment(actor, Long.parseLong(idPart.substring(10))))
              .map(ConditionMapping::of);
    } else if (idPart.matches("illness-\\d{1,18}")) {
      found =
          ObservationProvider.reading(
                  () -> illnesses.find(actor, Long.parseLong(idPart.substring(8))))
              .map(ConditionMapping::of);
    }
    Condition condition =
        found.orElseThrow(() -> new ResourceNotFoundException("找不到该诊断，或该患者不在您的数据范围内：" + idPart));
    condition.setIdentifier(identifiers.of("Condition", idPart));
    subjects.audit(READ, Long.parseLong(condition.getSubject().getReferenceElement().getIdPart()));
    return condition;
  }

  /** A patient's conditions, by code ({@code system|code}) and clinical status. */
  @Search
  public IBundleProvider search(
      @RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Condition.SP_CODE) TokenParam code,
      @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenParam clinicalStatus,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.RESIDENT_VIEW);
    long residentId = subjects.searched(patient, "Condition");
    ResidentSummary resident = subjects.visible(actor, residentId).orElse(null);
    Window window = SearchPages.window(offset, count);
    if (resident == null) {
      return SearchPages.of(window, List.of(), 0);
    }
    List<Condition> all = new ArrayList<>();
    if (actor.can(Privilege.CHRONIC_VIEW.name())) {
      ObservationProvider.reading(() -> chronic.enrolments(actor, resident.id()))
          .forEach(e -> all.add(ConditionMapping.of(e)));
    }
    ObservationProvider.reading(() -> illnesses.of(actor, resident.id()))
        .forEach(i -> all.add(ConditionMapping.of(i)));
    List<Condition> found =
        all.stream()
            .filter(c -> code == null || matchesCode(code, c))
            .filter(
                c ->
                    clinicalStatus == null
                        || ObservationProvider.matches(
                            clinicalStatus, c.getClinicalStatus().getCoding()))
            .toList();
    found.forEach(c -> c.setIdentifier(identifiers.of("Condition", c.getIdPart())));
    // One patient's records are read whole (the facade has no window): paged here.
    Slice<Condition> page = SearchPages.cut(window, found);
    if (!page.items().isEmpty()) {
      subjects.audit(READ, resident.id());
    }
    return SearchPages.of(window, page);
  }

  @Create
  public MethodOutcome create(
      @ResourceParam Condition condition, @ConditionalUrlParam String conditional) {
    Actor actor = access.require(Privilege.RESIDENT_VIEW);
    return creates.create(writer, condition, conditional, actor);
  }

  /** A programme disease matches any of its codes (ICD-10 subcodes, SNOMED children). */
  private static boolean matchesCode(TokenParam code, Condition c) {
    if (ObservationProvider.matches(code, c.getCode().getCoding())) {
      return true;
    }
    if (code.getSystem() == null || code.getValue() == null || c.getCode().getCoding().isEmpty()) {
      return false;
    }
    var disease = Diagnoses.disease(code.getSystem(), code.getValue());
    return disease != null
        && c.getCode().getCoding().stream()
            .anyMatch(x -> disease == Diagnoses.disease(x.getSystem(), x.getCode()));
  }
}

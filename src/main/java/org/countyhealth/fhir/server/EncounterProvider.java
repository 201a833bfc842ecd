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
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Encounter: received encounters and the follow-ups and screenings recorded on the pages
 * (docs/fhir.md, "Encounter"). An implicit encounter (made for an Observation sent without one) is
 * not an Encounter of its own.
 */
@Component
class EncounterProvider implements IResourceProvider {

  static final String READ = "FHIR_ENCOUNTER_READ";

  private final FhirAccess access;
  private final Visits visits;
  private final Subjects subjects;
  private final SourceIdentifiers identifiers;
  private final SingleCreates creates;
  private final EncounterWriter writer;

  EncounterProvider(
      FhirAccess access,
      Visits visits,
      Subjects subjects,
      SourceIdentifiers identifiers,
      SingleCreates creates,
      EncounterWriter writer) {
    this.access = access;
    this.visits = visits;
    this.subjects = subjects;
    this.identifiers = identifiers;
    this.creates = creates;
    this.writer = writer;
  }

  @Override
  public Class<Encounter> getResourceType() {
    return Encounter.class;
  }

  @Read
  public Encounter read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.CHRONIC_VIEW);
    Visit visit =
        ObservationProvider.reading(() -> visits.find(actor, id.getIdPart()))
            .filter(v -> !v.implicit())
            .orElseThrow(
                () -> new ResourceNotFoundException("找不到该就诊，或该患者不在您的数据范围内：" + id.getIdPart()));
    subjects.audit(READ, visit.residentId());
    return toFhir(visit);
  }

  @Search
  public IBundleProvider search(
      @RequiredParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.CHRONIC_VIEW);
    long residentId = subjects.searched(patient, "Encounter");
    ResidentSummary resident = subjects.visible(actor, residentId).orElse(null);
    Window window = SearchPages.window(offset, count);
    if (resident == null) {
      return SearchPages.of(window, List.of(), 0);
    }
    List<Encounter> found =
        ObservationProvider.reading(() -> visits.ofPatient(actor, resident.id())).stream()
            .filter(v -> !v.implicit())
            .filter(v -> ObservationProvider.within(date, v.date()))
            .map(this::toFhir)
            .toList();
    // One patient's records are read whole (the facade has no window): paged here.
    Slice<Encounter> page = SearchPages.cut(window, found);
    if (!page.items().isEmpty()) {
      subjects.audit(READ, resident.id());
    }
    return SearchPages.of(window, page);
  }

  @Create
  public MethodOutcome create(
      @ResourceParam Encounter encounter, @ConditionalUrlParam String conditional) {
    Actor actor = access.require(Privilege.CHRONIC_EDIT);
    return creates.create(writer, encounter, conditional, actor);
  }

  private Encounter toFhir(Visit visit) {
    Encounter encounter = VisitMapping.encounter(visit);
    if (visit.id().matches("\\d+")) {
      encounter.setIdentifier(identifiers.of("Encounter", visit.id()));
    }
    return encounter;
  }
}

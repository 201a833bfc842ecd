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
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * Observation: the measurements of follow-ups and screenings (docs/fhir.md, "Observation"). Every
 * read of a patient's observations is an audit event.
 */
@Component
class ObservationProvider implements IResourceProvider {

  static final String READ = "FHIR_OBSERVATION_READ";

  private final FhirAccess access;
  private final Visits visits;
  private final Subjects subjects;
  private final SourceIdentifiers identifiers;
  private final SingleCreates creates;
  private final ObservationWriter writer;

  ObservationProvider(
      FhirAccess access,
      Visits visits,
      Subjects subjects,
      SourceIdentifiers identifiers,
      SingleCreates creates,
      ObservationWriter writer) {
    this.identifiers = identifiers;
    this.access = access;
    this.visits = visits;
    this.subjects = subjects;
    this.creates = creates;
    this.writer = writer;
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read
  public Observation read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.CHRONIC_VIEW);
    String idPart = id.getIdPart();
    int dash = idPart.lastIndexOf('-');
    Observation found =
        dash < 0
            ? null
            : reading(() -> visits.find(actor, idPart.substring(0, dash)))
                .map(VisitMapping::observations)
                .flatMap(
                    list -> list.stream().filter(o -> o.getIdPart().equals(idPart)).findFirst())
                .orElse(null);
    if (found == null) {
      throw new ResourceNotFoundException("找不到该观察，或该患者不在您的数据范围内：" + idPart);
    }
    found.setIdentifier(identifiers.of("Observation", idPart));
    subjects.audit(READ, Long.parseLong(found.getSubject().getReferenceElement().getIdPart()));
    return found;
  }

  /** A patient's observations, filtered by code, date and encounter. */
  @Search
  public IBundleProvider search(
      @RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Observation.SP_CODE) TokenParam code,
      @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
      @OptionalParam(name = Observation.SP_ENCOUNTER) ReferenceParam encounter,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.CHRONIC_VIEW);
    long residentId = subjects.searched(patient, "Observation");
    ResidentSummary resident = subjects.visible(actor, residentId).orElse(null);
    Window window = SearchPages.window(offset, count);
    if (resident == null) {
      return SearchPages.of(window, List.of(), 0);
    }
    List<Observation> found =
        reading(() -> visits.ofPatient(actor, resident.id())).stream()
            .filter(
                v -> encounter == null || (!v.implicit() && v.id().equals(encounter.getIdPart())))
            .flatMap(v -> VisitMapping.observations(v).stream())
            // Each Observation's own date: an HbA1c carries its test date, not the visit's.
            .filter(
                o -> within(date, LocalDate.parse(o.getEffectiveDateTimeType().getValueAsString())))
            .filter(o -> code == null || matches(code, o.getCode().getCoding()))
            .toList();
    found.forEach(o -> o.setIdentifier(identifiers.of("Observation", o.getIdPart())));
    // One patient's records are read whole (the facade has no window): paged here.
    Slice<Observation> page = SearchPages.cut(window, found);
    if (!page.items().isEmpty()) {
      subjects.audit(READ, resident.id());
    }
    return SearchPages.of(window, page);
  }

  @Create
  public MethodOutcome create(
      @ResourceParam Observation observation, @ConditionalUrlParam String conditional) {
    Actor actor = access.require(Privilege.CHRONIC_EDIT);
    return creates.create(writer, observation, conditional, actor);
  }

  static boolean matches(TokenParam token, List<Coding> codings) {
    return codings.stream()
        .anyMatch(
            c ->
                c.getCode() != null
                    && c.getCode().equals(token.getValue())
                    && (token.getSystem() == null
                        || token.getSystem().isBlank()
                        || token.getSystem().equals(c.getSystem())));
  }

  /** A date search (eq, lt, ge … at day precision) against a visit day. */
  static boolean within(DateRangeParam range, LocalDate day) {
    if (range == null) {
      return true;
    }
    int value = day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    Integer lower = range.getLowerBoundAsDateInteger();
    Integer upper = range.getUpperBoundAsDateInteger();
    return (lower == null || value >= lower) && (upper == null || value <= upper);
  }

  /** A chronic refusal while reading: 403 without the privilege, 404 out of scope. */
  static <T> T reading(Supplier<T> read) {
    try {
      return read.get();
    } catch (BusinessException e) {
      throw Refusals.of(e, field -> "");
    }
  }
}

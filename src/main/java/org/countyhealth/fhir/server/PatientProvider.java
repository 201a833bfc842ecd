package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.audit.AuditTrail.Audited;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.Residents;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * Patient over the residents facade. Data scope as on the resident page (owning facility, village
 * clinic or township centre in scope); a resident out of scope is "not found", as on the page.
 * Every patient returned is an audit event: the FHIR servlet is outside Spring MVC, so the event is
 * recorded at once rather than described.
 */
@Component
class PatientProvider implements IResourceProvider {

  static final String READ = "FHIR_PATIENT_READ";
  private static final Set<String> IDENTIFIER_SYSTEMS =
      Set.of(
          IdentifierSystems.ID_CARD,
          IdentifierSystems.HEALTH_CODE,
          IdentifierSystems.MEDICAL_RECORD_NUMBER,
          IdentifierSystems.HEALTH_CARD,
          IdentifierSystems.INSURANCE_CARD,
          IdentifierSystems.PASSPORT,
          IdentifierSystems.RESIDENT);

  private final Residents residents;
  private final FhirAccess access;
  private final AuditTrail auditTrail;
  private final PatientMatcher matcher;
  private final PatientWriter writer;
  private final SingleCreates creates;

  PatientProvider(
      Residents residents,
      FhirAccess access,
      AuditTrail auditTrail,
      PatientMatcher matcher,
      PatientWriter writer,
      SingleCreates creates) {
    this.writer = writer;
    this.creates = creates;
    this.matcher = matcher;
    this.residents = residents;
    this.access = access;
    this.auditTrail = auditTrail;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read
  public Patient read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.RESIDENT_VIEW);
    ResidentSummary resident =
        (id.isIdPartValidLong()
                ? residents.find(id.getIdPartAsLong())
                : Optional.<ResidentSummary>empty())
            .filter(r -> inScope(r, actor.scope()))
            .orElseThrow(
                () -> new ResourceNotFoundException("找不到该居民档案，或该居民不在您的数据范围内：" + id.getIdPart()));
    auditTrail.record(READ, "Resident", String.valueOf(resident.id()), AuditResult.SUCCESS);
    if (resident.id() != id.getIdPartAsLong()) {
      // A merged record: the facade answers with its survivor; FHIR says "replaced-by".
      return PatientMapping.replaced(id.getIdPartAsLong(), resident.id());
    }
    return full(resident, actor);
  }

  /** The resident's full Patient (identifiers, phone, address), within the actor's scope. */
  private Patient full(ResidentSummary resident, Actor actor) {
    return residents
        .demographics(resident.id(), actor.scope())
        .map(PatientMapping::toFhir)
        .orElseGet(() -> PatientMapping.toFhir(resident));
  }

  /**
   * Registers the Patient through the resident index ({@link PatientWriter}); {@code If-None-Exist:
   * identifier=system|value} answers the holder of that identifier instead.
   */
  @Create
  public MethodOutcome create(
      @ResourceParam Patient patient, @ConditionalUrlParam String ifNoneExist) {
    Actor actor = access.require(Privilege.RESIDENT_EDIT);
    return creates.create(writer, patient, ifNoneExist, actor);
  }

  /**
   * By identifier ({@code system|value} narrows to that identifier type; a bare value matches any
   * type, or a phone), or by name with an optional birthdate. Paged in SQL ({@link SearchPages});
   * only the patients of the page returned are audited.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
      @OptionalParam(name = Patient.SP_NAME) StringParam name,
      @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthdate,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.RESIDENT_VIEW);
    Window window = SearchPages.window(offset, count);
    LocalDate bornFrom = birthdate == null ? null : bornFrom(birthdate);
    LocalDate bornTo = birthdate == null ? null : bornTo(birthdate);
    Slice<ResidentSummary> found;
    if (identifier != null) {
      String system = identifier.getSystem();
      if (system != null && !system.isBlank() && !IDENTIFIER_SYSTEMS.contains(system)) {
        throw new InvalidRequestException("不支持的标识符体系：" + system);
      }
      String value = identifier.getValue() == null ? "" : identifier.getValue().strip();
      if (IdentifierSystems.RESIDENT.equals(system)) {
        List<ResidentSummary> one =
            (value.matches("[0-9]{1,18}")
                    ? residents.find(Long.parseLong(value))
                    : Optional.<ResidentSummary>empty())
                    .filter(r -> inScope(r, actor.scope()))
                    .filter(r -> birthdate == null || matches(birthdate, r.birthDate()))
                    .stream()
                    .toList();
        found = SearchPages.cut(window, one);
      } else if (!value.matches("[0-9A-Za-z\\-]{5,64}")) {
        throw new InvalidRequestException("标识符格式不正确：应为 5–64 位字母、数字或连字符");
      } else if (system != null && !system.isBlank()) {
        // The system names the identifier type: a health code never matches an MRN of that value.
        found =
            residents.findByIdentifier(
                PatientRequests.type(system), "", value, bornFrom, bornTo, actor.scope(), window);
      } else {
        found = residents.search(value, bornFrom, bornTo, actor.scope(), window);
      }
    } else if (name != null && !name.getValue().isBlank()) {
      found = residents.search(name.getValue().strip(), bornFrom, bornTo, actor.scope(), window);
    } else {
      throw new InvalidRequestException("请按 identifier 或 name（可加 birthdate）检索 Patient");
    }
    // One event per patient returned, appended to the chain together.
    auditTrail.recordAll(
        found.items().stream()
            .map(r -> new Audited(READ, "Resident", String.valueOf(r.id()), AuditResult.SUCCESS))
            .toList());
    return SearchPages.of(
        window, found.items().stream().map(r -> full(r, actor)).toList(), found.total());
  }

  /**
   * Patient/$match: the index's best candidate within the actor's scope, graded certain (same
   * identifier), probable (linked) or possible (to review). Nothing is written.
   */
  @Operation(name = "$match", type = Patient.class, idempotent = false)
  public Bundle match(
      @OperationParam(name = "resource", min = 1, max = 1) IBaseResource resource,
      @OperationParam(name = "onlyCertainMatches", min = 0, max = 1) BooleanType onlyCertain,
      RequestDetails request) {
    Actor actor = access.require(Privilege.RESIDENT_VIEW);
    if (!(resource instanceof Patient candidate)) {
      String type = resource == null ? "（缺失）" : resource.fhirType();
      throw new InvalidRequestException(
          "$match 的 resource 参数必须是 Patient，收到的是 " + type,
          PatientMatcher.outcome(
              "$match 的 resource 参数必须是 Patient，收到的是 " + type, "Parameters.parameter"));
    }
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    matcher
        .match(candidate, actor)
        .filter(
            m ->
                !(onlyCertain != null && onlyCertain.booleanValue()) || m.grade().equals("certain"))
        .flatMap(
            m ->
                residents
                    .find(m.residentId())
                    .filter(r -> inScope(r, actor.scope()))
                    .map(
                        r -> {
                          auditTrail.record(
                              READ, "Resident", String.valueOf(r.id()), AuditResult.SUCCESS);
                          Bundle.BundleEntryComponent entry = bundle.addEntry();
                          entry.setFullUrl(request.getFhirServerBase() + "/Patient/" + r.id());
                          entry.setResource(full(r, actor));
                          entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
                          entry
                              .getSearch()
                              .addExtension(
                                  "http://hl7.org/fhir/StructureDefinition/match-grade",
                                  new CodeType(m.grade()));
                          return entry;
                        }));
    bundle.setTotal(bundle.getEntry().size());
    return bundle;
  }

  /** The first day of the year, month or day searched for. */
  private static LocalDate bornFrom(DateParam birthdate) {
    return day(birthdate, true);
  }

  /** The last day of the year, month or day searched for. */
  private static LocalDate bornTo(DateParam birthdate) {
    return day(birthdate, false);
  }

  private static LocalDate day(DateParam birthdate, boolean first) {
    String text = text(birthdate);
    try {
      return switch (text.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(text), first ? 1 : 12, first ? 1 : 31);
        case 7 -> first ? YearMonth.parse(text).atDay(1) : YearMonth.parse(text).atEndOfMonth();
        default -> LocalDate.parse(text);
      };
    } catch (DateTimeException e) {
      throw new InvalidRequestException("birthdate 不是有效日期：" + text);
    }
  }

  /** A year, a month or a day: the birth date starts with it (eq is the only comparison). */
  private static boolean matches(DateParam birthdate, LocalDate actual) {
    return actual != null && actual.toString().startsWith(text(birthdate));
  }

  private static String text(DateParam birthdate) {
    if (birthdate.getPrefix() != null && birthdate.getPrefix() != ParamPrefixEnum.EQUAL) {
      throw new InvalidRequestException("birthdate 仅支持等于（eq）比较");
    }
    String text = birthdate.getValueAsString();
    if (text == null || !text.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      throw new InvalidRequestException("birthdate 格式不正确：应为 YYYY、YYYY-MM 或 YYYY-MM-DD");
    }
    return text;
  }

  private static boolean inScope(ResidentSummary r, DataScope scope) {
    return scope.all()
        || (r.facilityCode() != null && scope.includes(r.facilityCode()))
        || (r.villageClinicCode() != null && scope.includes(r.villageClinicCode()))
        || (r.townshipCode() != null && scope.includes(r.townshipCode()));
  }
}

package org.countyhealth.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.countyhealth.shared.IdCardNumber;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The synthetic county as FHIR transaction bundles, for the FHIR benchmark: per bundle {@value
 * #PATIENTS_PER_BUNDLE} Patients of the demo county's villages and, for a quarter of those aged 35
 * or more, a hypertension Condition, an Encounter and its blood-pressure Observation (enrolment and
 * the chronic rules run on import).
 */
final class SyntheticBundles {

  static final int PATIENTS_PER_BUNDLE = 25;
  static final String ID_CARD = "https://fhir.countyhealth.org/sid/id-card";
  private static final String LOINC = "http://loinc.org";
  private static final String UCUM = "http://unitsofmeasure.org";

  /** One synthetic resident, kept for the searches. */
  record Person(String idCard, String name, String sex, LocalDate birth, String village) {}

  /** The bundles as JSON, the people in them, and how many resources they hold. */
  record Generated(List<String> bundles, List<Person> people, long resources, long conditions) {}

  private final IParser json = FhirContext.forR4Cached().newJsonParser();
  private final Random random;
  private final List<String> villages;
  private final LocalDate today;
  private final Map<LocalDate, int[]> sequences = new HashMap<>();

  SyntheticBundles(Random random, List<String> villages, LocalDate today) {
    this.random = random;
    this.villages = villages;
    this.today = today;
  }

  Generated generate(int n) {
    ChineseNames names = new ChineseNames(random);
    List<String> bundles = new ArrayList<>();
    List<Person> people = new ArrayList<>(n);
    long resources = 0;
    long conditions = 0;
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    for (int i = 0; i < n; i++) {
      Person person = person(names.person());
      people.add(person);
      String patientUrl = "urn:uuid:" + UUID.randomUUID();
      add(bundle, patient(person), patientUrl);
      resources++;
      if (person.birth().plusYears(35).isBefore(today) && random.nextInt(4) == 0) {
        LocalDate visit = today.minusDays(1 + random.nextInt(60));
        String encounterUrl = "urn:uuid:" + UUID.randomUUID();
        add(bundle, hypertension(patientUrl, visit.minusDays(30)), null);
        add(bundle, encounter(patientUrl, visit), encounterUrl);
        int systolic = 120 + random.nextInt(60);
        int diastolic = 70 + random.nextInt(30);
        add(bundle, bloodPressure(patientUrl, encounterUrl, visit, systolic, diastolic), null);
        resources += 3;
        conditions++;
      }
      if ((i + 1) % PATIENTS_PER_BUNDLE == 0 || i == n - 1) {
        bundles.add(json.encodeResourceToString(bundle));
        bundle = new Bundle().setType(BundleType.TRANSACTION);
      }
    }
    return new Generated(bundles, people, resources, conditions);
  }

  /**
   * Area 441602: not the demo county's 441621, so no identity card of the resident benchmark is met
   * again; a per-day sequence keeps them unique (last digit odd for men).
   */
  private Person person(String name) {
    String sex = random.nextBoolean() ? "1" : "2";
    LocalDate birth = today.minusDays(365L * 18 + random.nextInt(365 * 70));
    int[] next = sequences.computeIfAbsent(birth, d -> new int[2]);
    int male = "1".equals(sex) ? 1 : 0;
    String first17 =
        "441602"
            + String.format(
                "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
            + String.format("%03d", (next[male]++ % 500) * 2 + male);
    String idCard = first17 + IdCardNumber.checkCharacter(first17);
    return new Person(idCard, name, sex, birth, villages.get(random.nextInt(villages.size())));
  }

  static Patient patient(Person p) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(ID_CARD).setValue(p.idCard());
    patient.addName().setText(p.name());
    patient.setGender(
        "1".equals(p.sex()) ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
    patient.setBirthDateElement(new DateType(p.birth().toString()));
    patient.setManagingOrganization(new Reference("Organization/" + p.village()));
    patient.addAddress().setText("紫金县" + p.village() + "村");
    return patient;
  }

  private static Condition hypertension(String patient, LocalDate recorded) {
    Condition c = new Condition();
    c.setSubject(new Reference(patient));
    c.setCode(
        new CodeableConcept(
            new Coding(
                "http://hl7.org/fhir/sid/icd-10", "I10", "Essential (primary) hypertension")));
    c.setRecordedDateElement(new DateTimeType(recorded.toString()));
    return c;
  }

  private static Encounter encounter(String patient, LocalDate visit) {
    Encounter e = new Encounter();
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    e.setSubject(new Reference(patient));
    e.setPeriod(new Period().setStartElement(new DateTimeType(visit.toString())));
    return e;
  }

  private static Observation bloodPressure(
      String patient, String encounter, LocalDate on, int s, int d) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory()
        .addCoding(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs",
                "Vital Signs"));
    o.setCode(new CodeableConcept(new Coding(LOINC, "85354-9", null)));
    o.setSubject(new Reference(patient));
    o.setEncounter(new Reference(encounter));
    o.setEffective(new DateTimeType(on.toString()));
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(LOINC, "8480-6", null)))
        .setValue(mmHg(s));
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(LOINC, "8462-4", null)))
        .setValue(mmHg(d));
    return o;
  }

  private static Quantity mmHg(int v) {
    return new Quantity()
        .setValue(BigDecimal.valueOf(v))
        .setUnit("mmHg")
        .setSystem(UCUM)
        .setCode("mm[Hg]");
  }

  private static void add(Bundle bundle, Resource resource, String fullUrl) {
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    if (fullUrl != null) {
      entry.setFullUrl(fullUrl);
    }
  }
}

package org.countyhealth.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.security.SystemClients;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
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
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Benchmark command of the FHIR interface (not a test): with the {@code postgres} profile and
 * {@code --countyhealth.bench.fhir=N} it registers a system client, imports N synthetic residents
 * of the demo county over HTTP as FHIR transaction bundles (Patient; for a quarter of those aged 35
 * or more also a hypertension Condition, an Encounter and its blood-pressure Observation, which run
 * the chronic rules), then measures Patient search by identifier, by name + birthdate and {@code
 * $match} through the running server with the bearer token, prints a table and exits.
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "countyhealth.bench.fhir")
class FhirBenchmark implements ApplicationRunner {

  private static final String ID_CARD = "https://fhir.countyhealth.org/sid/id-card";
  private static final String LOINC = "http://loinc.org";
  private static final String UCUM = "http://unitsofmeasure.org";
  private static final int PATIENTS_PER_BUNDLE = 25;
  private static final int SAMPLES = 1000;
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private final DemoCounty county;
  private final SystemClients clients;
  private final Environment environment;
  private final ApplicationContext context;
  private final JdbcClient jdbc;
  private final IParser json = FhirContext.forR4Cached().newJsonParser();
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;
  private String clientId;
  private String secret;
  private String token;
  private long tokenAt;

  FhirBenchmark(
      DemoCounty county,
      SystemClients clients,
      Environment environment,
      ApplicationContext context,
      JdbcClient jdbc) {
    this.county = county;
    this.clients = clients;
    this.environment = environment;
    this.context = context;
    this.jdbc = jdbc;
  }

  /** One synthetic resident, kept for the searches. */
  private record Person(String idCard, String name, String sex, LocalDate birth, String village) {}

  @Override
  public void run(ApplicationArguments args) throws Exception {
    int n = environment.getRequiredProperty("countyhealth.bench.fhir", Integer.class);
    Random random = new Random(environment.getProperty("countyhealth.demo.seed", Long.class, 7L));
    base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
    if (!county.exists()) {
      county.generate(random);
    }
    String lead =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE parent_code IS NULL"
                    + " ORDER BY licence_code LIMIT 1")
            .query(String.class)
            .single();
    List<String> villages =
        jdbc.sql(
                "SELECT f.licence_code FROM organization.facility f JOIN organization.facility p"
                    + " ON p.licence_code = f.parent_code WHERE p.parent_code IS NOT NULL")
            .query(String.class)
            .list();
    Actor admin =
        new Actor(
            0,
            "fhir-benchmark",
            "FHIR benchmark",
            null,
            lead,
            Set.of(),
            Set.of(),
            DataScope.consortium());
    SystemClients.Registered registered =
        SystemAuthentication.call(
            () ->
                clients.register(
                    admin,
                    new SystemClients.NewClient("FHIR 基准测试", lead, SystemClients.GRANTABLE)));
    clientId = registered.clientId();
    secret = registered.secret();
    long residentsBefore =
        jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();

    ChineseNames names = new ChineseNames(random);
    LocalDate today = LocalDate.now();
    List<Person> people = new ArrayList<>(n);
    java.util.Map<LocalDate, int[]> sequences = new java.util.HashMap<>();
    long resources = 0;
    long conditions = 0;
    long stored = 0;
    int refused = 0;
    String firstRefusal = null;
    long t0 = System.nanoTime();
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    for (int i = 0; i < n; i++) {
      String sex = random.nextBoolean() ? "1" : "2";
      LocalDate birth = today.minusDays(365L * 18 + random.nextInt(365 * 70));
      // Area 441602: not the demo county's 441621, so no identity card of the resident benchmark
      // is met again; a per-day sequence keeps them unique (last digit odd for men).
      int[] next = sequences.computeIfAbsent(birth, d -> new int[2]);
      int male = "1".equals(sex) ? 1 : 0;
      String first17 =
          "441602"
              + String.format(
                  "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
              + String.format("%03d", (next[male]++ % 500) * 2 + male);
      String idCard = first17 + IdCardNumber.checkCharacter(first17);
      Person person =
          new Person(
              idCard, names.person(), sex, birth, villages.get(random.nextInt(villages.size())));
      people.add(person);
      String patientUrl = "urn:uuid:" + UUID.randomUUID();
      add(bundle, patient(person), patientUrl);
      resources++;
      if (birth.plusYears(35).isBefore(today) && random.nextInt(4) == 0) {
        LocalDate visit = today.minusDays(1 + random.nextInt(60));
        String encounterUrl = "urn:uuid:" + UUID.randomUUID();
        add(bundle, hypertension(patientUrl, visit.minusDays(30)), null);
        add(bundle, encounter(patientUrl, visit), encounterUrl);
        add(
            bundle,
            bloodPressure(
                patientUrl, encounterUrl, visit, 120 + random.nextInt(60), 70 + random.nextInt(30)),
            null);
        resources += 3;
        conditions++;
      }
      if ((i + 1) % PATIENTS_PER_BUNDLE == 0 || i == n - 1) {
        HttpResponse<String> response = send("POST", "/fhir", json.encodeResourceToString(bundle));
        if (response.statusCode() == 200) {
          stored += bundle.getEntry().size();
        } else {
          refused++;
          if (firstRefusal == null) {
            String body = response.body();
            firstRefusal =
                response.statusCode() + " " + body.substring(0, Math.min(300, body.length()));
          }
        }
        bundle = new Bundle().setType(BundleType.TRANSACTION);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    jdbc.sql("ANALYZE").update();
    long residents = jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();

    StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | --- |\n");
    row(out, "residents in the index before / after", residentsBefore + " / " + residents);
    row(
        out,
        "sent over HTTP as transaction bundles of " + PATIENTS_PER_BUNDLE + " patients",
        n
            + " Patients, "
            + conditions
            + " × (Condition + Encounter + Observation) = "
            + resources
            + " resources");
    row(
        out,
        "import time / throughput of stored resources",
        String.format("%.1f s / %.0f resources/s (%d stored)", seconds, stored / seconds, stored));
    row(
        out,
        "bundles refused",
        refused + (firstRefusal == null ? "" : " — first: " + firstRefusal));

    Random pick = new Random(11);
    int[] found = new int[3];
    long[] byId = new long[SAMPLES];
    long[] byName = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      Person p = people.get(pick.nextInt(people.size()));
      byId[i] = timed("/fhir/Patient?identifier=" + enc(ID_CARD + "|" + p.idCard()), p, found, 0);
      byName[i] =
          timed("/fhir/Patient?name=" + enc(p.name()) + "&birthdate=" + p.birth(), p, found, 1);
    }
    row(
        out,
        "Patient search by identifier p50 / p95 / p99",
        percentiles(byId) + " (found " + found[0] + " / " + SAMPLES + ")");
    row(
        out,
        "Patient search by name + birthdate p50 / p95 / p99",
        percentiles(byName) + " (found " + found[1] + " / " + SAMPLES + ")");
    long[] match = new long[SAMPLES / 2];
    for (int i = 0; i < match.length; i++) {
      Person p = people.get(pick.nextInt(people.size()));
      String body = json.encodeResourceToString(patient(p));
      long s = System.nanoTime();
      HttpResponse<String> response = send("POST", "/fhir/Patient/$match", body);
      match[i] = System.nanoTime() - s;
      if (response.statusCode() == 200 && response.body().contains("\"certain\"")) {
        found[2]++;
      }
    }
    row(
        out,
        "Patient $match p50 / p95 / p99",
        percentiles(match) + " (certain " + found[2] + " / " + match.length + ")");
    System.out.println(out);
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /** Times one search; counts it as found when the resident is in the answer. */
  private long timed(String path, Person expected, int[] found, int slot) throws Exception {
    long s = System.nanoTime();
    HttpResponse<String> response = send("GET", path, null);
    long elapsed = System.nanoTime() - s;
    if (response.statusCode() == 200 && response.body().contains(expected.name())) {
      found[slot]++;
    }
    return elapsed;
  }

  private static Patient patient(Person p) {
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

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token())
            .header("Accept", "application/fhir+json");
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Tokens live five minutes: a new one every four. */
  private String token() throws Exception {
    if (token == null || System.nanoTime() - tokenAt > 240e9) {
      String form =
          "grant_type=client_credentials&client_id="
              + enc(clientId)
              + "&client_secret="
              + enc(secret);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = TOKEN.matcher(response.body());
      if (!m.find()) {
        throw new IllegalStateException("no token: " + response.body());
      }
      token = m.group(1);
      tokenAt = System.nanoTime();
    }
    return token;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, String measure, String value) {
    out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "%.1f / %.1f / %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}

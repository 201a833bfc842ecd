package org.countyhealth.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.demo.SyntheticBundles.Person;
import org.countyhealth.security.SystemClients;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.hl7.fhir.r4.model.Bundle;
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

    int senders = environment.getProperty("countyhealth.bench.fhir-clients", Integer.class, 2);
    SyntheticBundles synthetic = new SyntheticBundles(random, villages, LocalDate.now());
    SyntheticBundles.Generated generated = synthetic.generate(n);
    // Other people for the bulk import (the generator keeps the identity cards unique).
    SyntheticBundles.Generated forImport = synthetic.generate(n);
    List<Person> people = generated.people();
    token();
    long t0 = System.nanoTime();
    Sent sent = sendAll(generated.bundles(), senders);
    double seconds = (System.nanoTime() - t0) / 1e9;
    jdbc.sql("ANALYZE").update();
    long residents = jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();

    StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | --- |\n");
    row(out, "residents in the index before / after", residentsBefore + " / " + residents);
    row(
        out,
        "sent over HTTP as transaction bundles of "
            + SyntheticBundles.PATIENTS_PER_BUNDLE
            + " patients by "
            + senders
            + " concurrent clients",
        n
            + " Patients, "
            + generated.conditions()
            + " × (Condition + Encounter + Observation) = "
            + generated.resources()
            + " resources");
    row(
        out,
        "import time / throughput of stored resources",
        String.format(
            "%.1f s / %.0f resources/s (%d stored)",
            seconds, sent.stored() / seconds, sent.stored()));
    row(
        out,
        "bundles refused",
        sent.refused() + (sent.firstRefusal() == null ? "" : " — first: " + sent.firstRefusal()));
    BulkImportClient.Finished job =
        new BulkImportClient(base, this::token).run(forImport.bundles());
    row(
        out,
        "bulk import of the same amount (other people) as one job of "
            + forImport.bundles().size()
            + " bundle files, upload to done",
        String.format(
            "%.1f s / %.0f resources/s (%s: created %d, existing %d, rejected %d)",
            job.seconds(),
            (job.created() + job.existing()) / job.seconds(),
            job.status(),
            job.created(),
            job.existing(),
            job.rejected()));

    Random pick = new Random(11);
    int[] found = new int[3];
    long[] byId = new long[SAMPLES];
    long[] byName = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      Person p = people.get(pick.nextInt(people.size()));
      byId[i] =
          timed(
              "/fhir/Patient?identifier=" + enc(SyntheticBundles.ID_CARD + "|" + p.idCard()),
              p,
              found,
              0);
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
      String body = json.encodeResourceToString(SyntheticBundles.patient(p));
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

  /** What the clients' bundles came to. */
  private record Sent(long stored, int refused, String firstRefusal) {}

  /** Sends every bundle, {@code clients} at a time, each client one bundle after another. */
  private Sent sendAll(List<String> bundles, int clients) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicLong stored = new AtomicLong();
    AtomicInteger refused = new AtomicInteger();
    AtomicReference<String> firstRefusal = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < bundles.size();
                    i = next.getAndIncrement()) {
                  HttpResponse<String> response = send("POST", "/fhir", bundles.get(i));
                  if (response.statusCode() == 200) {
                    stored.addAndGet(entries(response.body()));
                  } else {
                    refused.incrementAndGet();
                    String body = response.body();
                    firstRefusal.compareAndSet(
                        null,
                        response.statusCode()
                            + " "
                            + body.substring(0, Math.min(300, body.length())));
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return new Sent(stored.get(), refused.get(), firstRefusal.get());
  }

  /** The entries of a transaction-response bundle. */
  private long entries(String body) {
    // Parsers are not thread-safe: one per response.
    return FhirContext.forR4Cached()
        .newJsonParser()
        .parseResource(Bundle.class, body)
        .getEntry()
        .size();
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
  private synchronized String token() throws Exception {
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

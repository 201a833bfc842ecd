package org.countyhealth.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.countyhealth.demo.SyntheticBundles.Person;
import org.countyhealth.security.SystemClients;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
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
 * $match} through the running server with the bearer token, prints a table and exits. The bundles
 * come from {@link SyntheticBundles}, are sent by {@link BundleSenders} and {@link
 * BulkImportClient}; {@link PatientSearches} times the reads.
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "countyhealth.bench.fhir")
class FhirBenchmark implements ApplicationRunner {

  private final DemoCounty county;
  private final SystemClients clients;
  private final Environment environment;
  private final ApplicationContext context;
  private final JdbcClient jdbc;

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
    String base = "http://localhost:" + environment.getRequiredProperty("local.server.port");
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
    FhirBenchClient client = new FhirBenchClient(base, registered.clientId(), registered.secret());
    long residentsBefore =
        jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();

    int senders = environment.getProperty("countyhealth.bench.fhir-clients", Integer.class, 2);
    SyntheticBundles synthetic = new SyntheticBundles(random, villages, LocalDate.now());
    SyntheticBundles.Generated generated = synthetic.generate(n);
    // Other people for the bulk import (the generator keeps the identity cards unique).
    SyntheticBundles.Generated forImport = synthetic.generate(n);
    List<Person> people = generated.people();
    client.token();
    long t0 = System.nanoTime();
    BundleSenders.Sent sent = new BundleSenders(client).sendAll(generated.bundles(), senders);
    double seconds = (System.nanoTime() - t0) / 1e9;
    jdbc.sql("ANALYZE").update();
    long residents = jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();

    BenchTable out = new BenchTable();
    out.row("residents in the index before / after", residentsBefore + " / " + residents);
    out.row(
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
    out.row(
        "import time / throughput of stored resources",
        String.format(
            "%.1f s / %.0f resources/s (%d stored)",
            seconds, sent.stored() / seconds, sent.stored()));
    out.row(
        "bundles refused",
        sent.refused() + (sent.firstRefusal() == null ? "" : " — first: " + sent.firstRefusal()));
    BulkImportClient.Finished job =
        new BulkImportClient(base, client::token).run(forImport.bundles());
    out.row(
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

    new PatientSearches(client).measure(people, out);
    System.out.println(out);
    System.exit(SpringApplication.exit(context, () -> 0));
  }
}

package org.countyhealth.demo;

import static org.countyhealth.demo.BenchTable.percentiles;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.countyhealth.residents.DuplicateScanReport;
import org.countyhealth.residents.MatchOutcome;
import org.countyhealth.residents.PotentialDuplicate;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.Residents;
import org.countyhealth.shared.DataScope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Benchmark command of the master index (not a test): with the {@code postgres} profile and {@code
 * --countyhealth.bench.residents=N} it registers N synthetic residents (with injected duplicates),
 * then measures single registrations, searches, the whole-index duplicate scan and matching
 * quality, prints a table and exits. Run it on an empty database.
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "countyhealth.bench.residents")
class ResidentBenchmark implements ApplicationRunner {

  private static final int SAMPLES = 1000;

  private final ResidentRegistry registry;
  private final Residents residents;
  private final Environment environment;
  private final ApplicationContext context;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  ResidentBenchmark(
      ResidentRegistry registry,
      Residents residents,
      Environment environment,
      ApplicationContext context,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.residents = residents;
    this.environment = environment;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    int n = environment.getRequiredProperty("countyhealth.bench.residents", Integer.class);
    Random random =
        new Random(environment.getProperty("countyhealth.demo.seed", Long.class, 20261122L));
    List<String> clinics = new ArrayList<>();
    Map<String, String> townshipOf = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      String clinic = String.format("BENCHVC%03d", i);
      clinics.add(clinic);
      townshipOf.put(clinic, String.format("BENCHTS%02d", i % 20));
    }
    LocalDate today = LocalDate.now();
    DemoResidents demo = new DemoResidents(registry, today);
    BenchTable out = new BenchTable();

    long t0 = System.nanoTime();
    // Autovacuum keeps planner statistics fresh in production; it is off on the benchmark machine,
    // so the command runs ANALYZE the way autovacuum would: each time the table grew by a fifth.
    int[] analyzedAt = {0};
    DemoResidents.Result result =
        demo.generate(
            random,
            clinics,
            townshipOf,
            n,
            registered -> {
              if (registered >= 5000 && registered >= analyzedAt[0] * 1.2) {
                jdbc.sql("ANALYZE residents.resident, residents.identifier").update();
                analyzedAt[0] = registered;
              }
            });
    double bulkSeconds = (System.nanoTime() - t0) / 1e9;
    out.row("residents registered (bulk, batches of 1,000, with matching)", String.valueOf(n));
    out.row("bulk registration time", String.format("%.1f s", bulkSeconds));
    out.row("bulk throughput", String.format("%.0f residents/s", n / bulkSeconds));
    // Fresh planner statistics after the bulk load, as autovacuum would provide in production.
    jdbc.sql("ANALYZE").update();

    long[] single = new long[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      DemoResidents one = new DemoResidents(registry, today);
      long s = System.nanoTime();
      one.generate(random, clinics, townshipOf, 1);
      single[i] = System.nanoTime() - s;
    }
    out.row("single registration with matching p50 / p95 / p99", percentiles(single));

    List<String> idCards = result.idCards();
    long[] byId = new long[Math.min(SAMPLES, idCards.size())];
    for (int i = 0; i < byId.length; i++) {
      String id = idCards.get(i);
      long s = System.nanoTime();
      List<ResidentSummary> found = registry.search(id, null, DataScope.consortium(), 10);
      byId[i] = System.nanoTime() - s;
      if (found.isEmpty()) {
        throw new IllegalStateException("search by identity card found nobody");
      }
    }
    out.row("search by ID card p50 / p95 / p99", percentiles(byId));

    long[] byName = new long[SAMPLES];
    long[] ids = result.residentIds();
    for (int i = 0; i < SAMPLES; i++) {
      ResidentSummary r = residents.find(ids[random.nextInt(ids.length)]).orElseThrow();
      long s = System.nanoTime();
      registry.search(r.name(), r.birthDate().getYear(), DataScope.consortium(), 50);
      byName[i] = System.nanoTime() - s;
    }
    out.row("search by name + birth year p50 / p95 / p99", percentiles(byName));

    DuplicateScanReport scan = registry.scanDuplicates();
    out.row(
        "whole-index duplicate scan",
        String.format(
            "%.1f s (%d residents, %d new pairs)",
            scan.elapsedMillis() / 1000.0, scan.residentsScanned(), scan.pairsFound()));

    out.row("injected duplicates", String.valueOf(result.truth().size()));
    out.row(
        "linked automatically (EXACT or LINK): true / false",
        result.truePositives() + " / " + result.falsePositives());
    out.row("precision of automatic links", String.format("%.4f", result.precision()));
    out.row("recall of automatic links", String.format("%.4f", result.recall()));
    out.row(
        "recall of links + review queue at registration",
        String.format("%.4f", result.recallWithReview()));
    Set<Long> truePairs = new HashSet<>();
    for (DemoResidents.Truth t : result.truth()) {
      truePairs.add(pair(ids[t.original()], ids[t.duplicate()]));
    }
    List<PotentialDuplicate> queued = registry.potentialDuplicates(1_000_000);
    long queuedTrue =
        queued.stream()
            .filter(p -> truePairs.contains(pair(p.residentId(), p.candidateId())))
            .count();
    out.row(
        "review queue after scan: pairs / of them injected duplicates",
        queued.size() + " / " + queuedTrue);
    long missed =
        result.truth().stream()
            .filter(t -> ids[t.original()] != ids[t.duplicate()])
            .filter(
                t ->
                    !truePairs.isEmpty()
                        && queued.stream()
                            .noneMatch(
                                p ->
                                    pair(p.residentId(), p.candidateId())
                                        == pair(ids[t.original()], ids[t.duplicate()])))
            .count();
    out.row("injected duplicates neither linked nor queued", String.valueOf(missed));
    Map<DemoResidents.Error, int[]> byError = new EnumMap<>(DemoResidents.Error.class);
    for (DemoResidents.Truth t : result.truth()) {
      int[] c = byError.computeIfAbsent(t.error(), e -> new int[2]);
      c[1]++;
      if (ids[t.original()] == ids[t.duplicate()]) {
        c[0]++;
      }
    }
    byError.forEach((e, c) -> out.row("recall, " + e, String.format("%d / %d", c[0], c[1])));
    long reviews = Arrays.stream(result.outcomes()).filter(o -> o == MatchOutcome.REVIEW).count();
    out.row("registrations queued for review", String.valueOf(reviews));
    Path truth = Path.of("target", "bench-residents-truth.csv");
    truth.toFile().getParentFile().mkdirs();
    result.writeTruth(truth);
    out.row("ground truth written to", truth.toString());
    System.out.println(out);
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  private static long pair(long a, long b) {
    return (Math.min(a, b) << 32) | Math.max(a, b);
  }
}

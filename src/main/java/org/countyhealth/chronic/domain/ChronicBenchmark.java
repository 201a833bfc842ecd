package org.countyhealth.chronic.domain;

import static org.countyhealth.chronic.domain.BenchTable.loadAverage;
import static org.countyhealth.chronic.domain.BenchTable.ms;
import static org.countyhealth.chronic.domain.BenchTable.percentiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Benchmark command (not a test): with the {@code postgres} profile, the small demo county ({@code
 * --countyhealth.demo.residents=0}) and {@code --countyhealth.bench.chronic=N}, loads N enrolled
 * patients with four follow-ups each in JDBC batches, then measures a follow-up recorded with the
 * rules, a township's worklists, all indicators of the consortium for a year from cold and the
 * indicator page over HTTP, signed in as the demo account {@code chronic}; prints and exits. The
 * patients come from {@link BenchPatients}, the follow-ups from {@link BenchFollowUps}, the page
 * from {@link BenchDashboard}.
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "countyhealth.bench.chronic")
class ChronicBenchmark implements ApplicationRunner {

  private final JdbcClient jdbc;
  private final BenchPatients patients;
  private final BenchFollowUps followUps;
  private final Worklists worklists;
  private final PeriodIndicators period;
  private final Indicators indicators;
  private final VisitPeriods visitPeriods;
  private final PeriodCounts counts;
  private final IndicatorCache cache;
  private final Environment env;
  private final ApplicationContext context;

  ChronicBenchmark(
      JdbcClient jdbc,
      JdbcTemplate batch,
      ChronicCare care,
      Worklists worklists,
      PeriodIndicators period,
      Indicators indicators,
      VisitPeriods visitPeriods,
      PeriodCounts counts,
      IndicatorCache cache,
      Environment env,
      ApplicationContext context) {
    this.jdbc = jdbc;
    this.patients = new BenchPatients(jdbc, batch);
    this.followUps = new BenchFollowUps(jdbc, care);
    this.worklists = worklists;
    this.period = period;
    this.indicators = indicators;
    this.visitPeriods = visitPeriods;
    this.counts = counts;
    this.cache = cache;
    this.env = env;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    // The demo county is created once the application is ready, after the runners: wait for it.
    Thread t = new Thread(this::benchmark, "chronic-benchmark");
    t.start();
  }

  private void benchmark() {
    try {
      while (jdbc.sql("SELECT COUNT(*) FROM security.account WHERE username = 'chronic'")
              .query(Long.class)
              .single()
          == 0) {
        Thread.sleep(1000);
      }
      Thread.sleep(3000);
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(
                  "chronic-benchmark",
                  null,
                  Arrays.stream(Privilege.values())
                      .map(p -> new SimpleGrantedAuthority(p.name()))
                      .toList()));
      measure();
    } catch (Exception e) {
      e.printStackTrace();
    }
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  private void measure() throws Exception {
    int n = env.getRequiredProperty("countyhealth.bench.chronic", Integer.class);
    Random random = new Random(20261122L);
    LocalDate today = LocalDate.now();
    List<String[]> clinics =
        jdbc.sql(
                "SELECT licence_code, parent_code FROM organization.facility"
                    + " WHERE type = 'VILLAGE_CLINIC' ORDER BY licence_code")
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    BenchTable out = new BenchTable();
    long t0 = System.nanoTime();
    patients.load(n, clinics, random, today);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    out.row("patients / follow-ups loaded (JDBC batches of 5,000)", n + " / " + 4L * n);
    out.row("load time", String.format("%.1f s", loadSeconds));
    // The load went around the services: build the indicator read model as the migration does.
    t0 = System.nanoTime();
    visitPeriods.rebuild();
    out.row(
        "indicator read model built from the follow-ups (V3_0_3 backfill)",
        ms(System.nanoTime() - t0));
    jdbc.sql("ANALYZE").update();

    Actor centre = actor(null, clinics.get(0)[1], DataScope.consortium());
    // The per-period counts of the consortium for the year, both ways (ADR 0006), uncached.
    PeriodWindow year = PeriodWindow.of(today.getYear(), null, today);
    long s = System.nanoTime();
    counts.compute(centre, year, PeriodCounts.visits(year));
    long readModel = System.nanoTime() - s;
    s = System.nanoTime();
    counts.compute(centre, year, PeriodCounts.fromFollowUps());
    out.row(
        "per-period counts, consortium, one year: read model / window function over follow-ups",
        ms(readModel) + " / " + ms(System.nanoTime() - s));

    // All indicators of the consortium for the year from an empty application cache (PostgreSQL's
    // buffers are not dropped): once as the dashboard meets them (by facility and by grid roll up
    // the same per-facility counts), once with the cache emptied before every call.
    for (boolean evictEach : new boolean[] {false, true}) {
      cache.clear();
      s = System.nanoTime();
      period.rows(centre, today.getYear(), null, PeriodIndicators.By.FACILITY, today);
      if (evictEach) {
        cache.clear();
      }
      period.rows(centre, today.getYear(), null, PeriodIndicators.By.GRID, today);
      if (evictEach) {
        cache.clear();
      }
      indicators.cohort(centre, today);
      indicators.rounding(centre, today.getYear());
      out.row(
          "all indicators, consortium, one year, "
              + (evictEach ? "cache emptied before every call" : "cache empty at the start"),
          ms(System.nanoTime() - s));
    }

    long staff = jdbc.sql("SELECT MIN(id) FROM organization.staff").query(Long.class).single();
    Actor doctor = actor(staff, clinics.get(0)[1], DataScope.consortium());
    long[] follow = followUps.record(doctor, random, today);
    out.row("record a follow-up with rules and schedule p50 / p95 / p99", percentiles(follow));

    String township = clinics.get(0)[1];
    List<String> scope = new ArrayList<>();
    scope.add(township);
    clinics.stream().filter(c -> township.equals(c[1])).forEach(c -> scope.add(c[0]));
    Actor townshipDoctor = actor(staff, township, DataScope.of(scope));
    long[] lists = new long[200];
    Worklists.Kind[] kinds = Worklists.Kind.values();
    for (int i = 0; i < lists.length; i++) {
      long a = System.nanoTime();
      worklists.list(townshipDoctor, kinds[i % kinds.length], false, today);
      lists[i] = System.nanoTime() - a;
    }
    out.row("a township's worklist (all kinds in turn) p50 / p95 / p99", percentiles(lists));

    // The follow-ups just recorded have evicted this year's figures: the first request computes.
    BenchDashboard dashboard =
        new BenchDashboard(
            "http://127.0.0.1:" + env.getProperty("local.server.port"),
            env.getProperty("countyhealth.demo.password", "Zijin#County2026"));
    out.row("dashboard page over HTTP p50 / p95 / p99 (first request)", dashboard.measure());
    out.row("load average at the end", loadAverage());
    System.out.println(out);
  }

  private static Actor actor(Long staff, String facility, DataScope scope) {
    return new Actor(
        0L,
        "chronic-benchmark",
        "基准测试",
        staff,
        facility,
        Set.of("CHRONIC_CENTRE"),
        Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "INDICATOR_VIEW", "RESIDENT_VIEW"),
        scope);
  }
}

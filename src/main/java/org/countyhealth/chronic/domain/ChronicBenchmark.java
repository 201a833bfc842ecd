package org.countyhealth.chronic.domain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.chronic.Adherence;
import org.countyhealth.chronic.Adverse;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.Discomfort;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.VisitMode;
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
 * indicator page over HTTP, signed in as the demo account {@code chronic}; prints and exits.
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "countyhealth.bench.chronic")
class ChronicBenchmark implements ApplicationRunner {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final ChronicCare care;
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
    this.batch = batch;
    this.care = care;
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
    StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | --- |\n");
    long t0 = System.nanoTime();
    load(n, clinics, random, today);
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    row(out, "patients / follow-ups loaded (JDBC batches of 5,000)", n + " / " + 4L * n);
    row(out, "load time", String.format("%.1f s", loadSeconds));
    // The load went around the services: build the indicator read model as the migration does.
    t0 = System.nanoTime();
    visitPeriods.rebuild();
    row(
        out,
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
    row(
        out,
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
      row(
          out,
          "all indicators, consortium, one year, "
              + (evictEach ? "cache emptied before every call" : "cache empty at the start"),
          ms(System.nanoTime() - s));
    }

    long staff = jdbc.sql("SELECT MIN(id) FROM organization.staff").query(Long.class).single();
    List<Long> enrolments =
        jdbc.sql(
                "SELECT id FROM chronic.enrolment WHERE created_by = 'bench'"
                    + " AND disease = 'HYPERTENSION' ORDER BY id")
            .query(Long.class)
            .list();
    long[] follow = new long[500];
    Actor doctor = actor(staff, clinics.get(0)[1], DataScope.consortium());
    for (int i = 0; i < follow.length; i++) {
      long id = enrolments.get(random.nextInt(enrolments.size()));
      boolean ok = random.nextDouble() < 0.6;
      var req =
          new FollowUpRequest(
              id,
              today,
              VisitMode.CLINIC,
              Set.of(),
              null,
              Discomfort.NONE,
              ok ? 128 : 152,
              ok ? 80 : 92,
              new java.math.BigDecimal("68"),
              new java.math.BigDecimal("165"),
              72,
              null,
              null,
              null,
              0,
              0,
              5,
              30,
              "LIGHT",
              null,
              Adherence.REGULAR,
              Adverse.NONE,
              false,
              false,
              "氨氯地平 5mg qd",
              false,
              null,
              null);
      long a = System.nanoTime();
      try {
        care.recordFollowUp(doctor, req);
      } catch (org.countyhealth.shared.BusinessException e) {
        // Diabetes patients need a glucose value; those draws are simply skipped.
      }
      follow[i] = System.nanoTime() - a;
    }
    row(out, "record a follow-up with rules and schedule p50 / p95 / p99", percentiles(follow));

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
    row(out, "a township's worklist (all kinds in turn) p50 / p95 / p99", percentiles(lists));

    // The follow-ups just recorded have evicted this year's figures: the first request computes.
    row(out, "dashboard page over HTTP p50 / p95 / p99 (first request)", dashboard());
    row(out, "load average at the end", loadAverage());
    System.out.println(out);
  }

  private String dashboard() throws Exception {
    String base = "http://127.0.0.1:" + env.getProperty("local.server.port");
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form =
        "username=chronic&password="
            + java.net.URLEncoder.encode(
                env.getProperty("countyhealth.demo.password", "Zijin#County2026"),
                java.nio.charset.StandardCharsets.UTF_8)
            + "&_csrf="
            + m.group(1);
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    long[] times = new long[100];
    for (int i = 0; i < times.length; i++) {
      long a = System.nanoTime();
      var r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/chronic/indicators")).build(),
              HttpResponse.BodyHandlers.ofString());
      times[i] = System.nanoTime() - a;
      if (r.statusCode() != 200 || !r.body().contains("规范管理率")) {
        throw new IllegalStateException("dashboard answered " + r.statusCode());
      }
    }
    return percentiles(times) + " (" + ms(times[0]) + ")";
  }

  private void load(int n, List<String[]> clinics, Random random, LocalDate today) {
    LocalDateTime now = LocalDateTime.now();
    long firstResident =
        jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM residents.resident").query(Long.class).single();
    int chunk = 5000;
    for (int from = 0; from < n; from += chunk) {
      int size = Math.min(chunk, n - from);
      List<Object[]> residents = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        String[] c = clinics.get(random.nextInt(clinics.size()));
        residents.add(
            new Object[] {
              "基准" + (from + i),
              random.nextBoolean() ? "1" : "2",
              Date.valueOf(
                  today.minusYears(36 + random.nextInt(50)).minusDays(random.nextInt(365))),
              c[0],
              c[1],
              c[0],
              now,
              now
            });
      }
      batch.batchUpdate(
          "INSERT INTO residents.resident (name, sex, birth_date, village_clinic_code, township_code,"
              + " facility_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          residents);
    }
    List<Object[]> people =
        jdbc.sql(
                "SELECT id, facility_code FROM residents.resident WHERE id > ? AND name LIKE '基准%'"
                    + " ORDER BY id")
            .param(firstResident)
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    String[] grades = {"GREEN", "GREEN", "YELLOW", "RED"};
    for (int from = 0; from < people.size(); from += chunk) {
      List<Object[]> rows = new ArrayList<>();
      for (Object[] p : people.subList(from, Math.min(people.size(), from + chunk))) {
        boolean dm = random.nextDouble() < 0.25;
        String grade = grades[random.nextInt(grades.length)];
        String level =
            dm
                ? (grade.equals("GREEN") ? "常规管理" : "强化管理")
                : switch (grade) {
                  case "GREEN" -> "一级管理";
                  case "YELLOW" -> "二级管理";
                  default -> "三级管理";
                };
        LocalDate last = today.minusDays(random.nextInt(120));
        rows.add(
            new Object[] {
              p[0],
              p[0],
              dm ? "DIABETES" : "HYPERTENSION",
              Date.valueOf(today.minusYears(2)),
              p[1],
              grade,
              level,
              p[1],
              Date.valueOf(last),
              Date.valueOf(last.plusDays(random.nextBoolean() ? 90 : 14)),
              now
            });
      }
      batch.batchUpdate(
          "INSERT INTO chronic.enrolment (resident_id, original_resident_id, disease, enrolled_on,"
              + " diagnosing_facility_code, grade, management_level, responsible_facility_code,"
              + " last_visit_on, next_visit_on, created_by, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)",
          rows);
    }
    List<Object[]> enrolled =
        jdbc.sql(
                "SELECT id, resident_id, disease, responsible_facility_code, last_visit_on"
                    + " FROM chronic.enrolment WHERE created_by = 'bench' ORDER BY id")
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getObject(5, LocalDate.class)
                    })
            .list();
    List<Object[]> visits = new ArrayList<>();
    for (Object[] e : enrolled) {
      boolean dm = "DIABETES".equals(e[2]);
      for (int k = 3; k >= 0; k--) {
        LocalDate on = ((LocalDate) e[4]).minusDays(91L * k);
        boolean ok = random.nextDouble() < 0.6;
        int sys = ok ? 118 + random.nextInt(20) : 142 + random.nextInt(30);
        visits.add(
            new Object[] {
              e[0],
              e[1],
              e[1],
              e[2],
              Date.valueOf(on),
              random.nextDouble() < 0.85 ? "CLINIC" : "HOME",
              e[3],
              sys,
              ok ? 78 : 94,
              dm ? new java.math.BigDecimal(ok ? "6.1" : "8.4") : null,
              ok,
              ok ? "CONTROLLED" : "FIRST_UNCONTROLLED",
              ok ? "GREEN" : "YELLOW",
              Date.valueOf(on.plusDays(ok ? 90 : 14)),
              LocalDateTime.now()
            });
        if (visits.size() == chunk) {
          insertVisits(visits);
          visits.clear();
        }
      }
    }
    insertVisits(visits);
  }

  private void insertVisits(List<Object[]> visits) {
    if (visits.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "INSERT INTO chronic.follow_up (enrolment_id, resident_id, original_resident_id, disease,"
            + " visit_on, mode, facility_code, discomfort, systolic, diastolic, fasting_glucose,"
            + " adherence, adverse, controlled, classification, grade, next_visit_on, created_by,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NONE', ?, ?, ?, 'REGULAR', 'NONE', ?, ?, ?,"
            + " ?, 'bench', ?)",
        visits);
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

  private static String loadAverage() {
    return String.format(
        "%.2f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void row(StringBuilder out, String measure, String value) {
    out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    // Printed as measured too, so a long run shows its figures early.
    System.out.println("BENCH | " + measure + " | " + value + " |");
  }

  private static String ms(long nanos) {
    return String.format("%.0f ms", nanos / 1e6);
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

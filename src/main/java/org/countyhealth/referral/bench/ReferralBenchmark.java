package org.countyhealth.referral.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.referral.domain.ReferralDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Benchmark command of the referral desk (not a test): with the {@code postgres} profile, the demo
 * county and {@code --countyhealth.bench.referrals=N} it bulk-loads N referrals of a year (batched
 * inserts), then measures submit and accept through the desk, the office queue page over real HTTP
 * (signed in as the demo account {@code referral}), and 200 users working the queue for 60 s, each
 * with its own session.
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "countyhealth.bench.referrals")
class ReferralBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ReferralBenchmark.class);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final ReferralDesk desk;
  private final Environment env;
  private final ApplicationContext context;

  ReferralBenchmark(
      JdbcClient jdbc,
      JdbcTemplate template,
      ReferralDesk desk,
      Environment env,
      ApplicationContext context) {
    this.context = context;
    this.jdbc = jdbc;
    this.template = template;
    this.desk = desk;
    this.env = env;
  }

  /**
   * The demo county is built when the application is ready (after the runners), so the benchmark
   * starts then, on a thread of its own, and waits for the county.
   */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Thread bench =
        new Thread(
            () -> {
              try {
                run();
              } catch (Exception e) {
                log.error("referral benchmark failed", e);
                System.exit(SpringApplication.exit(context, () -> 1));
              }
            },
            "referral-benchmark");
    bench.start();
  }

  void run() throws Exception {
    int n = env.getRequiredProperty("countyhealth.bench.referrals", Integer.class);
    int users = env.getProperty("countyhealth.bench.users", Integer.class, 200);
    int seconds = env.getProperty("countyhealth.bench.seconds", Integer.class, 60);
    awaitDemoCounty();
    String lead =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE type = 'LEAD_HOSPITAL'"
                    + " ORDER BY licence_code LIMIT 1")
            .query(String.class)
            .single();
    List<String> townships =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility"
                    + " WHERE type = 'TOWNSHIP_HEALTH_CENTRE' AND active ORDER BY licence_code")
            .query(String.class)
            .list();
    StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | --- |\n");
    long t0 = System.nanoTime();
    load(n, lead, townships);
    template.execute("ANALYZE referral.referral");
    template.execute("ANALYZE referral.history");
    long total = jdbc.sql("SELECT COUNT(*) FROM referral.referral").query(Long.class).single();
    row(out, "referrals in the database", String.valueOf(total));
    row(out, "bulk load of " + n, ms(System.nanoTime() - t0) + " ms");

    // Submit and accept through the desk: real residents, a slot of large capacity.
    long slot = slot(lead);
    List<Long> submit = new ArrayList<>();
    List<Long> accept = new ArrayList<>();
    List<Long> residents =
        jdbc.sql(
                "SELECT r.id FROM residents.resident r WHERE NOT EXISTS (SELECT 1 FROM"
                    + " referral.open_slot o WHERE o.resident_id = r.id AND o.direction = 'UP')"
                    + " ORDER BY r.id LIMIT 500")
            .query(Long.class)
            .list();
    for (long resident : residents) {
      String from = townships.get((int) (resident % townships.size()));
      long s = System.nanoTime();
      long id =
          desk.create(
              new NewReferral(
                  Direction.UP,
                  resident,
                  from,
                  "全科",
                  lead,
                  "心血管内科",
                  "明确诊断",
                  "血压控制不满意。",
                  "I10",
                  "原发性高血压",
                  List.of("HTN_UP_4"),
                  false,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null),
              null,
              "基准测试",
              true,
              null,
              LocalDateTime.now());
      submit.add(System.nanoTime() - s);
      desk.receive(id, "基准测试", LocalDateTime.now());
      s = System.nanoTime();
      desk.accept(id, slot, "基准测试", LocalDateTime.now());
      accept.add(System.nanoTime() - s);
    }
    row(
        out,
        "submit p50 / p95 (" + submit.size() + ")",
        pct(submit, 50) + " / " + pct(submit, 95) + " ms");
    row(
        out,
        "accept p50 / p95 (" + accept.size() + ")",
        pct(accept, 50) + " / " + pct(accept, 95) + " ms");

    // The office queue page over HTTP, signed in.
    String base = "http://127.0.0.1:" + env.getRequiredProperty("local.server.port");
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    login(client, base);
    HttpRequest queue =
        HttpRequest.newBuilder(URI.create(base + "/referrals/office")).GET().build();
    HttpResponse<String> first = client.send(queue, HttpResponse.BodyHandlers.ofString());
    if (first.statusCode() != 200 || !first.body().contains("24小时待办队列")) {
      throw new IllegalStateException("queue page answered " + first.statusCode());
    }
    List<Long> page = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long s = System.nanoTime();
      client.send(queue, HttpResponse.BodyHandlers.ofString());
      page.add(System.nanoTime() - s);
    }
    row(
        out,
        "queue page p50 / p95 (300, sequential)",
        pct(page, 50) + " / " + pct(page, 95) + " ms");

    // 200 users working the queue: the queue, its escalated filter, a referral's page. Each
    // virtual user signs in once (one BCrypt check, as a person does at the start of a shift) and
    // keeps its own session cookie; the requests share one client's connection pool.
    long someId =
        jdbc.sql("SELECT MAX(id) FROM referral.referral WHERE to_facility_code = ?")
            .param(lead)
            .query(Long.class)
            .single();
    List<String> mix =
        List.of("/referrals/office", "/referrals/office?filter=escalated", "/referrals/" + someId);
    HttpClient shared =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<List<Long>> latencies = new ArrayList<>();
    List<Long> logins = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    AtomicLong loginErrors = new AtomicLong();
    CountDownLatch signedIn = new CountDownLatch(users);
    // People arrive over minutes, not in one instant: at most four sign-ins are in flight at once.
    Semaphore arriving = new Semaphore(4);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    for (int u = 0; u < users; u++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      int offset = u;
      pool.submit(
          () -> {
            String session;
            try {
              arriving.acquire();
              try {
                long s = System.nanoTime();
                session = sessionCookie(shared, base);
                logins.add(System.nanoTime() - s);
              } finally {
                arriving.release();
              }
            } catch (Exception e) {
              log.warn("virtual user {} could not sign in: {}", offset, e.getMessage());
              loginErrors.incrementAndGet();
              session = null;
            } finally {
              signedIn.countDown();
            }
            try {
              go.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            if (session == null) {
              return;
            }
            int i = offset;
            while (System.nanoTime() < window[1]) {
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(base + mix.get(i++ % mix.size())))
                      .header("Cookie", session)
                      .timeout(Duration.ofSeconds(120))
                      .build();
              long s = System.nanoTime();
              try {
                HttpResponse<String> r = shared.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 && errors.incrementAndGet() <= 10) {
                  log.warn("{} answered {}", request.uri().getPath(), r.statusCode());
                }
              } catch (Exception e) {
                if (errors.incrementAndGet() <= 10) {
                  log.warn("{} failed: {}", request.uri().getPath(), e.toString());
                }
              }
              mine.add(System.nanoTime() - s);
            }
          });
    }
    signedIn.await();
    window[0] = System.nanoTime();
    window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
    go.countDown();
    pool.shutdown();
    pool.awaitTermination(seconds + 180L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    List<Long> all = new ArrayList<>();
    latencies.forEach(all::addAll);
    row(
        out,
        users + " sign-ins (once per virtual user, before the run) p50 / p95",
        pct(logins, 50) + " / " + pct(logins, 95) + " ms, " + loginErrors.get() + " refused");
    row(out, users + " users × " + seconds + " s: requests", String.valueOf(all.size()));
    row(out, "throughput", String.format("%.0f req/s", all.size() / elapsed));
    row(
        out,
        "errors",
        errors.get()
            + " ("
            + String.format("%.2f", 100.0 * errors.get() / Math.max(1, all.size()))
            + " %)");
    row(out, "p50 / p95 / p99", pct(all, 50) + " / " + pct(all, 95) + " / " + pct(all, 99) + " ms");
    row(
        out,
        "load average (1 min) at the end",
        String.format(
            "%.2f",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
    log.info("Referral benchmark{}", out);
    System.out.println(out);
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /** The demo county is built after start-up: wait until its residents stop growing. */
  private void awaitDemoCounty() throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 600; i++) {
      long lead =
          jdbc.sql("SELECT COUNT(*) FROM organization.facility WHERE type = 'LEAD_HOSPITAL'")
              .query(Long.class)
              .single();
      long residents =
          jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();
      if (lead > 0 && residents > 0 && residents == last) {
        return;
      }
      last = residents;
      Thread.sleep(5000);
    }
    throw new IllegalStateException("the demo county did not appear");
  }

  /**
   * Signs in as the demo account {@code referral} without a cookie jar and answers the session
   * cookie to send with every later request. 200 sign-ins from one address need the bench options
   * {@code countyhealth.security.login-rate.max-attempts} and {@code .sessions.per-account} raised.
   */
  private String sessionCookie(HttpClient client, String base) throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String password = env.getProperty("countyhealth.demo.password", "Zijin#County2026");
    String body =
        "username=referral&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session(page))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String to = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || to.contains("error")) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + to);
    }
    return session(r);
  }

  private static String session(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no session cookie"));
  }

  private void login(HttpClient client, String base) throws Exception {
    String form =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = CSRF.matcher(form);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String password = env.getProperty("countyhealth.demo.password", "Zijin#County2026");
    String body =
        "username=referral&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String to = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || to.contains("error")) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + to);
    }
  }

  /** A year of referrals from the townships to the lead hospital, mostly finished. */
  private void load(int n, String lead, List<String> townships) {
    Random random = new Random(20261122L);
    LocalDate today = LocalDate.now();
    String[] statuses = {
      "CLOSED", "CLOSED", "CLOSED", "CLOSED", "DOWN_REFERRED", "DECLINED", "CANCELLED"
    };
    int batch = 1000;
    List<Object[]> rows = new ArrayList<>(batch);
    long base = 900_000_000L;
    for (int i = 0; i < n; i++) {
      LocalDate day = today.minusDays(1 + random.nextInt(365));
      LocalDateTime at = day.atTime(8 + random.nextInt(10), random.nextInt(60));
      // The last 0.5 % stay open in the office's queue.
      String status =
          i >= n - n / 200
              ? (i % 2 == 0 ? "SUBMITTED" : "RECEIVED")
              : statuses[random.nextInt(statuses.length)];
      String from = townships.get(random.nextInt(townships.size()));
      Timestamp ts = Timestamp.valueOf(at);
      rows.add(
          new Object[] {
            String.format("BN-%d-%07d", day.getYear(), i),
            status,
            random.nextInt(20) == 0,
            base + i,
            base + i,
            "基准患者" + i,
            random.nextBoolean() ? "1" : "2",
            40 + random.nextInt(45),
            from,
            lead,
            "血压控制不满意。",
            "I10",
            "HTN_UP_4",
            "基准医生",
            java.sql.Date.valueOf(day),
            ts,
            java.sql.Date.valueOf(day.plusDays(14)),
            ts,
            ts,
            ts
          });
      if (rows.size() == batch || i == n - 1) {
        template.batchUpdate(
            "INSERT INTO referral.referral (number, direction, status, green_channel, resident_id,"
                + " original_resident_id, patient_name, sex, age, from_facility_code,"
                + " to_facility_code, summary, diagnosis_code, indications, requesting_doctor,"
                + " referral_date, step_started_at, result_due_on, submitted_at, created_by,"
                + " created_at, updated_at) VALUES (?, 'UP', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, 'bench', ?, ?)",
            rows);
        rows.clear();
      }
    }
    template.update(
        "INSERT INTO referral.open_slot (resident_id, direction, number) SELECT resident_id,"
            + " 'UP', number FROM referral.referral WHERE number LIKE 'BN-%' AND status IN"
            + " ('SUBMITTED', 'RECEIVED')");
  }

  private long slot(String facility) {
    jdbc.sql(
            "INSERT INTO referral.resource (facility_code, kind, department, name, starts_at,"
                + " capacity) VALUES (?, 'CLINIC_SLOT', '心血管内科', '基准测试号源', ?, 100000)")
        .params(facility, LocalDateTime.now().plusDays(1))
        .update();
    return jdbc.sql("SELECT MAX(id) FROM referral.resource").query(Long.class).single();
  }

  private static void row(StringBuilder out, String measure, String value) {
    out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static String pct(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return "—";
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return String.format("%.1f", sorted.get(Math.max(0, i)) / 1e6);
  }
}

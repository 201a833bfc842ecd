package org.countyhealth.referral.bench;

import static org.countyhealth.referral.bench.BenchTable.ms;
import static org.countyhealth.referral.bench.BenchTable.pct;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * inserts, {@link BenchReferrals}), then measures submit and accept through the desk ({@link
 * DeskTimings}), the office queue page over real HTTP (signed in as the demo account {@code
 * referral}), and 200 users working the queue for 60 s, each with its own session ({@link
 * QueueWorkers}).
 */
@Component
@Profile("postgres")
@ConditionalOnProperty(name = "countyhealth.bench.referrals")
class ReferralBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ReferralBenchmark.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final BenchReferrals data;
  private final DeskTimings desk;
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
    this.data = new BenchReferrals(jdbc, template);
    this.desk = new DeskTimings(jdbc, desk);
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
    data.awaitDemoCounty();
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
    BenchTable out = new BenchTable();
    long t0 = System.nanoTime();
    data.load(n, lead, townships);
    template.execute("ANALYZE referral.referral");
    template.execute("ANALYZE referral.history");
    long total = jdbc.sql("SELECT COUNT(*) FROM referral.referral").query(Long.class).single();
    out.row("referrals in the database", String.valueOf(total));
    out.row("bulk load of " + n, ms(System.nanoTime() - t0) + " ms");

    DeskTimings.Timed timed = desk.run(lead, townships, data.slot(lead));
    List<Long> submit = timed.submit();
    List<Long> accept = timed.accept();
    out.row(
        "submit p50 / p95 (" + submit.size() + ")",
        pct(submit, 50) + " / " + pct(submit, 95) + " ms");
    out.row(
        "accept p50 / p95 (" + accept.size() + ")",
        pct(accept, 50) + " / " + pct(accept, 95) + " ms");

    String base = "http://127.0.0.1:" + env.getRequiredProperty("local.server.port");
    OfficeSignIn signIn =
        new OfficeSignIn(base, env.getProperty("countyhealth.demo.password", "Zijin#County2026"));
    List<Long> page = queuePage(base, signIn);
    out.row(
        "queue page p50 / p95 (300, sequential)", pct(page, 50) + " / " + pct(page, 95) + " ms");

    long someId =
        jdbc.sql("SELECT MAX(id) FROM referral.referral WHERE to_facility_code = ?")
            .param(lead)
            .query(Long.class)
            .single();
    List<String> mix =
        List.of("/referrals/office", "/referrals/office?filter=escalated", "/referrals/" + someId);
    QueueWorkers.Worked worked = new QueueWorkers(base, signIn).run(mix, users, seconds);
    List<Long> logins = worked.logins();
    List<Long> all = worked.requests();
    long errors = worked.errors();
    out.row(
        users + " sign-ins (once per virtual user, before the run) p50 / p95",
        pct(logins, 50) + " / " + pct(logins, 95) + " ms, " + worked.loginErrors() + " refused");
    out.row(users + " users × " + seconds + " s: requests", String.valueOf(all.size()));
    out.row("throughput", String.format("%.0f req/s", all.size() / worked.elapsed()));
    out.row(
        "errors",
        errors + " (" + String.format("%.2f", 100.0 * errors / Math.max(1, all.size())) + " %)");
    out.row("p50 / p95 / p99", pct(all, 50) + " / " + pct(all, 95) + " / " + pct(all, 99) + " ms");
    out.row(
        "load average (1 min) at the end",
        String.format(
            "%.2f",
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
    log.info("Referral benchmark{}", out);
    System.out.println(out);
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  /** The office queue page over HTTP, signed in: 300 requests one after another. */
  private static List<Long> queuePage(String base, OfficeSignIn signIn) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    signIn.signIn(client);
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
    return page;
  }
}

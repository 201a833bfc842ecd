package org.countyhealth.audit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.CountyHealthApplication;
import org.countyhealth.audit.rules.AuditEntry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark (not a test): appends synthetic audit rows to the test database (the test
 * configuration's {@code COUNTYHEALTH_TEST_DB_URL}: use a database of your own, the rows stay) and
 * times the chain verification, cold and warm:
 *
 * <pre>
 * COUNTYHEALTH_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/countyhealth_bench \
 * mvn -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.countyhealth.audit.domain.AuditVerifyBenchmark -Dexec.args=100000
 * </pre>
 */
public final class AuditVerifyBenchmark {

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String[] springArgs =
        args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[0];
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CountyHealthApplication.class)
            .web(WebApplicationType.NONE)
            .properties("countyhealth.demo.enabled=false", "logging.level.root=WARN")
            .run(springArgs)) {
      AuditLog log = context.getBean(AuditLog.class);
      AuditVerification verification = context.getBean(AuditVerification.class);

      long t1 = System.nanoTime();
      List<AuditEntry> batch = new ArrayList<>(10_000);
      for (int i = 0; i < rows; i++) {
        batch.add(entry(i));
        if (batch.size() == 10_000 || i == rows - 1) {
          log.appendAll(batch);
          batch.clear();
        }
      }
      double bulk = rows / seconds(t1);

      long t2 = System.nanoTime();
      AuditVerification.Report report = verification.verify();
      double verifySeconds = seconds(t2);
      long t3 = System.nanoTime();
      verification.verify();
      double warmSeconds = seconds(t3);

      // Single appends last, on a warm JVM: one transaction and one chain-head lock per event,
      // as every request does.
      long t0 = System.nanoTime();
      for (int i = 0; i < 2000; i++) {
        log.append(entry(i));
      }
      double single = 2000 / seconds(t0);
      System.out.printf(
          "| single appends (one transaction each) | %.0f rows/s |%n"
              + "| bulk appends (10 000 per transaction) | %.0f rows/s |%n"
              + "| verification of %d rows, cold | %.2f s, %.0f rows/s, ok=%s |%n"
              + "| verification, warm | %.2f s, %.0f rows/s |%n",
          single,
          bulk,
          report.checkedRows(),
          verifySeconds,
          report.checkedRows() / verifySeconds,
          report.ok(),
          warmSeconds,
          report.checkedRows() / warmSeconds);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static AuditEntry entry(int i) {
    return new AuditEntry(
        0,
        Instant.now(),
        "bench" + (i % 800),
        (long) (i % 800),
        "PDY" + (i % 270),
        i % 3 == 0 ? "PERSON_READ" : "POST /facilities/{code}/staff",
        "Person",
        Integer.toString(i),
        "SUCCESS",
        i % 3 == 0 ? "GET" : "POST",
        "/facilities/PDY" + (i % 270) + "/staff",
        200,
        "10.1." + (i % 250) + ".7",
        "bench-" + i);
  }
}

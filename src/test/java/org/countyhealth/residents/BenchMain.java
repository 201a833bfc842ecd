package org.countyhealth.residents;

import org.countyhealth.CountyHealthApplication;
import org.springframework.boot.SpringApplication;

/**
 * Starts the application with the test-only audit trail, for running the resident benchmark in a
 * branch that does not have the audit implementation yet (java -cp … BenchMain --spring.profiles.
 * active=postgres --countyhealth.bench.residents=N).
 */
public class BenchMain {

  public static void main(String[] args) {
    SpringApplication.from(CountyHealthApplication::main)
        .with(RecordingAuditTrail.Config.class)
        .run(args);
  }
}

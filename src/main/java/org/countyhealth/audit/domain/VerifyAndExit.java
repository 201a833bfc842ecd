package org.countyhealth.audit.domain;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification command: {@code java -jar countyhealth.jar
 * --countyhealth.audit.verify-and-exit=true --spring.main.web-application-type=none} prints the
 * result and exits with 0 when the chain is intact, 2 when it is broken.
 */
@Component
@ConditionalOnBooleanProperty("countyhealth.audit.verify-and-exit")
class VerifyAndExit implements ApplicationRunner {

  private final AuditVerification verification;
  private final ConfigurableApplicationContext context;

  VerifyAndExit(AuditVerification verification, ConfigurableApplicationContext context) {
    this.verification = verification;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    AuditVerification.Report report = verification.verify();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "audit verify: ok=%s checkedRows=%d firstBrokenId=%s seconds=%.2f%n%s%n",
        report.ok(), report.checkedRows(), report.firstBrokenId(), seconds, report.message());
    int code = report.ok() ? 0 : 2;
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }
}

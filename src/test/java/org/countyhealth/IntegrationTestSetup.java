package org.countyhealth;

import java.util.Map;
import org.countyhealth.residents.ResidentPageSection;
import org.countyhealth.residents.record.SectionPreview;
import org.countyhealth.security.rules.SlidingWindowLimit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every integration test shares, in the one application context of the test run: a clean
 * database, a clock that tests may move (and put back), a reader of the real audit table, a way to
 * free the loopback address for HTTP sign-ins, and the test-only resident page pieces. Nothing here
 * may change what another test sees: the clock runs with the real time until moved, and the probe
 * section only adds a small block to resident pages.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({CleanDatabase.class, SectionPreview.class})
class IntegrationTestSetup {

  @Bean
  @Primary
  MovableClock movableClock() {
    return new MovableClock();
  }

  @Bean
  LoopbackLogins loopbackLogins(SlidingWindowLimit loginRate, MovableClock clock) {
    return new LoopbackLogins(loginRate, clock);
  }

  @Bean
  AuditProbe auditProbe(JdbcClient jdbc) {
    return new AuditProbe(jdbc);
  }

  /** A section as another module would contribute it to the resident page. */
  @Bean
  ResidentPageSection probeSection() {
    return new ResidentPageSection() {
      @Override
      public String title() {
        return "测试分区";
      }

      @Override
      public String template() {
        return "residents-test/section";
      }

      @Override
      public String selector() {
        return "probe";
      }

      @Override
      public int order() {
        // Last, after every module's own section.
        return Integer.MAX_VALUE;
      }

      @Override
      public Map<String, Object> model(long residentId) {
        return Map.of("note", "由其他模块提供");
      }
    };
  }
}

package org.countyhealth.residents;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only audit trail (the audit module's implementation arrives with the merge): remembers what
 * was described and recorded so that tests can check it.
 */
public class RecordingAuditTrail implements AuditTrail {

  public record Entry(String action, String objectType, String objectId, AuditResult result) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void describe(String action, String objectType, String objectId) {
    entries.add(new Entry(action, objectType, objectId, null));
  }

  @Override
  public void record(String action, String objectType, String objectId, AuditResult result) {
    entries.add(new Entry(action, objectType, objectId, result));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public boolean has(String action, String objectId) {
    return entries.stream()
        .anyMatch(e -> e.action().equals(action) && String.valueOf(objectId).equals(e.objectId()));
  }

  /**
   * @Import it into an IT; primary so that it wins over the real trail once that exists.
   */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    RecordingAuditTrail recordingAuditTrail() {
      return new RecordingAuditTrail();
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
        public java.util.Map<String, Object> model(long residentId) {
          return java.util.Map.of("note", "由其他模块提供");
        }
      };
    }
  }
}

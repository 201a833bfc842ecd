package org.countyhealth.residents.record;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only audit trail that remembers what was described, so that ITs can check that reads and
 * changes of a person's record are audited. Primary: it wins over the real trail once merged.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingAuditTrail {

  /** One described or recorded event. */
  public record Event(String action, String objectType, String objectId) {}

  public static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

  @Bean
  @Primary
  AuditTrail recordingAuditTrail() {
    return new AuditTrail() {
      @Override
      public void describe(String action, String objectType, String objectId) {
        EVENTS.add(new Event(action, objectType, objectId));
      }

      @Override
      public void record(String action, String objectType, String objectId, AuditResult result) {
        EVENTS.add(new Event(action, objectType, objectId));
      }
    };
  }
}

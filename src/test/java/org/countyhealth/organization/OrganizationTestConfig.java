package org.countyhealth.organization;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.countyhealth.CleanDatabase;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the organization ITs need until the audit and security modules are merged: an audit trail
 * that remembers what it was told (only when no real one exists) and method security so that the
 * registry's {@code @PreAuthorize} declarations are enforced.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(CleanDatabase.class)
public class OrganizationTestConfig {

  @Bean
  @ConditionalOnMissingBean(AuditTrail.class)
  RecordingAuditTrail recordingAuditTrail() {
    return new RecordingAuditTrail();
  }

  /** Remembers described actions, for assertions. */
  public static class RecordingAuditTrail implements AuditTrail {

    public record Event(String action, String objectType, String objectId) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void describe(String action, String objectType, String objectId) {
      events.add(new Event(action, objectType, objectId));
    }

    @Override
    public void record(String action, String objectType, String objectId, AuditResult result) {
      events.add(new Event(action, objectType, objectId));
    }

    public List<Event> events() {
      return List.copyOf(events);
    }
  }
}

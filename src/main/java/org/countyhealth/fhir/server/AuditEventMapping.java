package org.countyhealth.fhir.server;

import java.util.Date;
import org.countyhealth.audit.AuditRecord;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/** An audit trail event → AuditEvent (docs/fhir.md, "AuditEvent"). */
final class AuditEventMapping {

  static final String ACTION = "https://fhir.countyhealth.org/CodeSystem/audit-action";
  static final String ACCOUNT = "https://fhir.countyhealth.org/sid/account";
  private static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
  private static final String ENTITY_TYPE =
      "http://terminology.hl7.org/CodeSystem/audit-entity-type";

  private AuditEventMapping() {}

  static AuditEvent toFhir(AuditRecord e) {
    AuditEvent event = new AuditEvent();
    event.setId(String.valueOf(e.id()));
    event.setType(new Coding(EVENT_TYPE, "rest", "RESTful Operation"));
    event.addSubtype(new Coding(ACTION, e.action(), null));
    event.setAction(action(e));
    event.setRecorded(Date.from(e.occurredAt()));
    event.setOutcome(
        switch (e.result()) {
          case SUCCESS -> AuditEvent.AuditEventOutcome._0;
          case REFUSED -> AuditEvent.AuditEventOutcome._4;
          default -> AuditEvent.AuditEventOutcome._8;
        });
    AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
    if (e.actorUsername() != null) {
      agent.getWho().getIdentifier().setSystem(ACCOUNT).setValue(e.actorUsername());
      agent.setAltId(e.actorUsername());
      agent.setName(e.actorUsername());
    } else {
      agent.getWho().setDisplay("匿名访问者");
    }
    if (e.clientAddress() != null) {
      agent
          .getNetwork()
          .setAddress(e.clientAddress())
          .setType(AuditEvent.AuditEventAgentNetworkType._2);
    }
    if (e.path() != null && e.path().matches("/[\\x21-\\x7e]*")) {
      // The request path (never its query, which may carry personal data), as a relative URI.
      agent.addPolicy(e.path());
    }
    event.getSource().setSite(e.facilityCode());
    event.getSource().setObserver(new Reference().setDisplay("CountyHealth 县域医共体健康信息平台"));
    if (e.objectType() != null) {
      AuditEvent.AuditEventEntityComponent entity = event.addEntity();
      String target = reference(e.objectType(), e.objectId());
      if (target != null) {
        entity.setWhat(new Reference(target));
      } else {
        entity
            .getWhat()
            .setDisplay(e.objectType() + (e.objectId() == null ? "" : "/" + e.objectId()));
      }
      boolean person = "Resident".equals(e.objectType());
      entity.setType(
          new Coding(ENTITY_TYPE, person ? "1" : "2", person ? "Person" : "System Object"));
    }
    return event;
  }

  /** The FHIR resource an audited object is served as, or null when it is none. */
  private static String reference(String type, String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    return switch (type) {
      case "Resident" -> "Patient/" + id;
      case "Referral" -> "ServiceRequest/" + id;
      case "Facility" -> "Organization/" + id;
      case "AuditEvent" -> "AuditEvent/" + id;
      default -> null;
    };
  }

  /** C, R, U, D or E from the action's name (or the HTTP method). */
  static AuditEvent.AuditEventAction action(AuditRecord e) {
    String a = e.action() == null ? "" : e.action().toUpperCase();
    if (a.contains("READ") || a.contains("SEARCH") || a.contains("VIEW")) {
      return AuditEvent.AuditEventAction.R;
    }
    if (a.contains("CREATE") || a.contains("REGISTER") || a.contains("ADD")) {
      return AuditEvent.AuditEventAction.C;
    }
    if (a.contains("DELETE") || a.contains("PURGE")) {
      return AuditEvent.AuditEventAction.D;
    }
    if (a.contains("UPDATE") || a.contains("EDIT") || a.contains("MERGE")) {
      return AuditEvent.AuditEventAction.U;
    }
    return "GET".equals(e.httpMethod())
        ? AuditEvent.AuditEventAction.R
        : AuditEvent.AuditEventAction.E;
  }
}

package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.api.MethodOutcome;
import java.util.Optional;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A plain {@code POST /fhir/Type}: one resource, optionally conditional ({@code If-None-Exist}), in
 * one database transaction with its deferred work, so a refusal stores nothing. Providers'
 * {@code @Create} methods delegate here.
 */
@Component
class SingleCreates {

  private final TransactionTemplate transaction;
  private final AuditTrail auditTrail;

  SingleCreates(PlatformTransactionManager transactions, AuditTrail auditTrail) {
    this.transaction = new TransactionTemplate(transactions);
    this.auditTrail = auditTrail;
  }

  <T extends IBaseResource> MethodOutcome create(
      ResourceWriter<T> writer, T resource, String ifNoneExist, Actor actor) {
    return transaction.execute(
        status -> {
          if (ifNoneExist != null && !ifNoneExist.isBlank()) {
            Optional<IdType> existing = writer.existing(queryPart(ifNoneExist), actor);
            if (existing.isPresent()) {
              return new MethodOutcome(existing.get(), false);
            }
          }
          WriteSession session = new WriteSession(auditTrail);
          IdType id = writer.create(resource, actor, session);
          session.complete();
          return new MethodOutcome(id, session.created(id));
        });
  }

  /**
   * HAPI hands over {@code Patient?identifier=…} or {@code identifier=…}; writers see the query.
   */
  static String queryPart(String conditionalUrl) {
    int question = conditionalUrl.indexOf('?');
    return question < 0 ? conditionalUrl : conditionalUrl.substring(question + 1);
  }
}

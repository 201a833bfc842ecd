package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction or batch bundle (a plain provider: it belongs to no
 * resource type). Privileges are checked per entry type before anything is written.
 */
@Component
class TransactionProvider {

  private final BundleProcessor processor;
  private final CurrentActor currentActor;

  TransactionProvider(BundleProcessor processor, CurrentActor currentActor) {
    this.processor = processor;
    this.currentActor = currentActor;
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle bundle) {
    Actor actor = currentActor.get().orElseThrow(() -> new AuthenticationException("请先登录"));
    return processor.process(bundle, actor);
  }
}

package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.function.Function;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.hl7.fhir.r4.model.OperationOutcome;

/** A module's refusal as a FHIR error: an OperationOutcome naming the element (FHIRPath). */
final class Refusals {

  private Refusals() {}

  static UnprocessableEntityException unprocessable(String message, String location) {
    return new UnprocessableEntityException(message, outcome(message, location));
  }

  /**
   * A refusal of a module facade: 403 for a missing privilege, 404 for a record out of scope (on a
   * read), 422 otherwise, located by the module's field name.
   */
  static BaseServerResponseException of(BusinessException e, Function<String, String> location) {
    if (e instanceof AccessDenied) {
      return new ForbiddenOperationException(e.getMessage());
    }
    if (e instanceof NotFound) {
      return new ResourceNotFoundException(e.getMessage());
    }
    return unprocessable(e.getMessage(), location.apply(e.field()));
  }

  static OperationOutcome outcome(String message, String location) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.PROCESSING)
        .setDiagnostics(message)
        .addExpression(location);
    return outcome;
  }

  /** A writer's privilege check on the actor it is given (a bulk import has no request actor). */
  static void require(Actor actor, Privilege privilege) {
    if (!actor.can(privilege.name())) {
      throw new ForbiddenOperationException("您没有" + privilege.label() + "的权限");
    }
  }
}

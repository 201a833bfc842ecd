package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.countyhealth.shared.BusinessException;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refusals of one bundle entry, as FHIR errors whose OperationOutcome says where: every issue gets
 * the entry's location ({@code Bundle.entry[3]}) in front of the writer's own expression ({@code
 * Observation.component[0]}), so a client finds the entry and the element.
 */
final class EntryFailures {

  private EntryFailures() {}

  static OperationOutcome outcome(IssueType type, String message, String... expressions) {
    OperationOutcome outcome = new OperationOutcome();
    OperationOutcomeIssueComponent issue =
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
    for (String expression : expressions) {
      issue.addExpression(expression);
    }
    return outcome;
  }

  static String location(int index) {
    return "Bundle.entry[" + index + "]";
  }

  /** The failure of entry {@code index} as an exception carrying a located OperationOutcome. */
  static BaseServerResponseException at(int index, RuntimeException failure) {
    String location = location(index);
    String prefix = "第 " + (index + 1) + " 个条目（" + location + "）：";
    if (failure instanceof BaseServerResponseException fhir) {
      OperationOutcome outcome = relocate(fhir.getOperationOutcome(), location, fhir.getMessage());
      BaseServerResponseException located =
          BaseServerResponseException.newInstance(
              fhir.getStatusCode(), prefix + stripCode(fhir.getMessage()));
      located.setOperationOutcome(outcome);
      return located;
    }
    if (failure instanceof AccessDeniedException
        || failure instanceof org.countyhealth.shared.AccessDenied) {
      String message = prefix + "您没有写入此类资源的权限";
      return withOutcome(
          new ForbiddenOperationException(message),
          outcome(IssueType.FORBIDDEN, message, location));
    }
    if (failure instanceof BusinessException business) {
      String message = prefix + business.getMessage();
      OperationOutcome outcome =
          business.field() == null
              ? outcome(IssueType.BUSINESSRULE, message, location)
              : outcome(
                  IssueType.BUSINESSRULE, message, location, location + "." + business.field());
      return withOutcome(
          BaseServerResponseException.newInstance(business.status(), message), outcome);
    }
    throw failure;
  }

  /**
   * A refusal raised when a transaction completes, located at the entry that caused it; as it is
   * outside a transaction ({@code index} null: a single create keeps its plain FHIRPath).
   */
  static RuntimeException located(Integer index, RuntimeException failure) {
    return index == null ? failure : at(index, failure);
  }

  /** The status line of a response entry, e.g. {@code 422 Unprocessable Content}. */
  static String statusLine(int status) {
    org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
    return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
  }

  static UnprocessableEntityException unprocessable(String message, String location) {
    UnprocessableEntityException e = new UnprocessableEntityException(message);
    e.setOperationOutcome(outcome(IssueType.PROCESSING, message, location));
    return e;
  }

  static ca.uhn.fhir.rest.server.exceptions.InvalidRequestException invalid(
      String message, String location) {
    var e = new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(message);
    e.setOperationOutcome(outcome(IssueType.NOTFOUND, message, location));
    return e;
  }

  private static BaseServerResponseException withOutcome(
      BaseServerResponseException e, OperationOutcome outcome) {
    e.setOperationOutcome(outcome);
    return e;
  }

  private static OperationOutcome relocate(
      IBaseOperationOutcome original, String location, String message) {
    if (!(original instanceof OperationOutcome given) || given.getIssue().isEmpty()) {
      return outcome(IssueType.PROCESSING, stripCode(message), location);
    }
    OperationOutcome outcome = given.copy();
    for (OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      boolean located = issue.getExpression().stream().anyMatch(e -> location.equals(e.getValue()));
      if (!located) {
        issue.getExpression().add(0, new StringType(location));
      }
    }
    return outcome;
  }

  /** HAPI prefixes its own messages with a code ({@code HAPI-0450: }); keep the sentence. */
  static String stripCode(String message) {
    return message == null ? "" : message.replaceFirst("^HAPI-\\d+: ", "");
  }
}

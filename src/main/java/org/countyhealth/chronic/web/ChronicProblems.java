package org.countyhealth.chronic.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details of the chronic API for requests that never reach a service. */
final class ChronicProblems {

  private ChronicProblems() {}

  static ProblemDetail unreadable(String code, String message) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    body.setType(URI.create("urn:countyhealth:error:" + code));
    body.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
    body.setProperty("code", code);
    return body;
  }
}

package org.countyhealth.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Bean Validation failures of request bodies reach {@link ErrorHandling} (code {@code
 * VALIDATION_FAILED}, the Chinese message of each field) before Boot's generic problem-details
 * handler, which would answer "Invalid request content." without the fields. Only this exception is
 * taken early: the other standard MVC exceptions keep their 4xx answers from Boot's handler.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ValidationErrorHandling {

  private final ErrorHandling errorHandling;

  ValidationErrorHandling(ErrorHandling errorHandling) {
    this.errorHandling = errorHandling;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    return errorHandling.invalid(e, request);
  }
}

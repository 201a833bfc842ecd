package org.countyhealth.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.countyhealth.shared.BusinessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns failures into what users may see: problem-details JSON with a stable code
 * and the correlation id under {@code /api}, a friendly Chinese page elsewhere. Never a stack
 * trace, class name or SQL (000_65944b5c5b97f013.txt line 1900).
 */
@ControllerAdvice
class ErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  @ExceptionHandler(BusinessException.class)
  Object business(BusinessException e, HttpServletRequest request) {
    Object answer =
        respond(request, HttpStatus.valueOf(e.status()), e.code(), e.getMessage(), e.field());
    if (answer instanceof ResponseEntity<?> response
        && response.getBody() instanceof ProblemDetail body
        && e.fields().size() > 1) {
      // Every field concerned, as for Bean Validation failures: "field.name": message.
      e.fields().forEach((field, message) -> body.setProperty("field." + field, message));
    }
    return answer;
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    FieldError first = e.getBindingResult().getFieldError();
    String message = first != null ? first.getDefaultMessage() : "输入有误，请检查后重试";
    ResponseEntity<ProblemDetail> response =
        problem(
            request,
            HttpStatus.BAD_REQUEST,
            "VALIDATION_FAILED",
            message,
            first != null ? first.getField() : null);
    if (!isApi(request)) {
      return page(request, HttpStatus.BAD_REQUEST, message);
    }
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            f ->
                response
                    .getBody()
                    .setProperty("field." + f.getField(), String.valueOf(f.getDefaultMessage())));
    return response;
  }

  @ExceptionHandler(AccessDeniedException.class)
  Object denied(AccessDeniedException e, HttpServletRequest request) {
    return respond(request, HttpStatus.FORBIDDEN, "ACCESS_DENIED", "您没有执行此操作的权限", null);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(NoResourceFoundException e, HttpServletRequest request) {
    return respond(request, HttpStatus.NOT_FOUND, "NOT_FOUND", "您访问的页面不存在", null);
  }

  @ExceptionHandler(Exception.class)
  Object unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error [{}]", CorrelationId.of(request), e);
    return respond(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        "系统暂时无法完成此操作，请稍后重试或联系管理员",
        null);
  }

  private Object respond(
      HttpServletRequest request, HttpStatus status, String code, String message, String field) {
    return isApi(request)
        ? problem(request, status, code, message, field)
        : page(request, status, message);
  }

  static boolean isApi(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || (accept != null && accept.contains("application/json") && !accept.contains("html"));
  }

  private ResponseEntity<ProblemDetail> problem(
      HttpServletRequest request, HttpStatus status, String code, String message, String field) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, message);
    body.setType(URI.create("urn:countyhealth:error:" + code));
    body.setTitle(status.getReasonPhrase());
    body.setProperty("code", code);
    body.setProperty("correlationId", CorrelationId.of(request));
    if (field != null) {
      body.setProperty("field", field);
    }
    return ResponseEntity.status(status).body(body);
  }

  private ModelAndView page(HttpServletRequest request, HttpStatus status, String message) {
    ModelAndView view = new ModelAndView("error");
    view.setStatus(status);
    view.addObject("status", status.value());
    view.addObject("message", message);
    view.addObject("correlationId", CorrelationId.of(request));
    return view;
  }
}

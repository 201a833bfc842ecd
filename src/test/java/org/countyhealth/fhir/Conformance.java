package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/** Every resource the server returns, checked against the base R4 specification: zero errors. */
final class Conformance {

  private static FhirValidator validator;

  private Conformance() {}

  private static synchronized FhirValidator validator() {
    if (validator == null) {
      FhirContext context = FhirContext.forR4Cached();
      ValidationSupportChain chain =
          new ValidationSupportChain(
              new DefaultProfileValidationSupport(context),
              new InMemoryTerminologyServerValidationSupport(context),
              new CommonCodeSystemsTerminologyService(context));
      validator = context.newValidator();
      validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }
    return validator;
  }

  /** The JSON or XML text of a response: no error or fatal message. */
  static void assertValid(String body) {
    List<SingleValidationMessage> errors =
        validator().validateWithResult(body).getMessages().stream()
            .filter(
                m ->
                    m.getSeverity() == ResultSeverityEnum.ERROR
                        || m.getSeverity() == ResultSeverityEnum.FATAL)
            .toList();
    assertThat(errors)
        .as("validation errors of %s", body.length() > 400 ? body.substring(0, 400) : body)
        .isEmpty();
  }
}

package org.countyhealth.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.countyhealth.residents.ResidentSummary;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientMappingTest {

  /** GB/T 2261.1 sex codes to FHIR administrative gender. */
  @ParameterizedTest
  @CsvSource({"1, MALE", "2, FEMALE", "0, UNKNOWN", "9, UNKNOWN"})
  void sexCodes(String code, AdministrativeGender gender) {
    assertThat(PatientMapping.gender(code)).isEqualTo(gender);
  }

  @Test
  void residentBecomesPatientWithReferences() {
    Patient p =
        PatientMapping.toFhir(
            new ResidentSummary(42, "李四", "1", LocalDate.of(1950, 2, 3), "F1", "V1", "T1", 7L));
    assertThat(p.getIdElement().getIdPart()).isEqualTo("42");
    assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1950-02-03");
    assertThat(p.getManagingOrganization().getReference()).isEqualTo("Organization/F1");
    assertThat(p.getGeneralPractitionerFirstRep().getReference()).isEqualTo("Practitioner/7");
    assertThat(p.getNameFirstRep().getText()).isEqualTo("李四");
  }
}

package org.countyhealth.fhir;

/**
 * The identifier system URIs the FHIR interface uses (docs/fhir.md). They are the platform's own
 * naming: the national OIDs for these identifiers are not settled for county use.
 */
public final class IdentifierSystems {

  private static final String BASE = "https://fhir.countyhealth.org/sid/";

  /** 居民身份证号码 (GB 11643). */
  public static final String ID_CARD = BASE + "id-card";

  /** 电子健康码: the master index key. */
  public static final String HEALTH_CODE = BASE + "health-code";

  /** 病案号: unique within the issuing facility, named by Identifier.assigner. */
  public static final String MEDICAL_RECORD_NUMBER = BASE + "mrn";

  /** 居民健康卡. */
  public static final String HEALTH_CARD = BASE + "health-card";

  /** 医保卡 (social medical insurance card). */
  public static final String INSURANCE_CARD = BASE + "insurance-card";

  /** Passport: unique within the issuing country, named by Identifier.assigner (ISO 3166 code). */
  public static final String PASSPORT = BASE + "passport";

  /** The platform's own resident number (the Patient id). */
  public static final String RESIDENT = BASE + "resident";

  /** 医疗机构执业许可证登记号 of a facility (the Organization id). */
  public static final String LICENCE = BASE + "facility-licence";

  /** The platform's staff number (the Practitioner id). */
  public static final String STAFF = BASE + "staff";

  /** Code system of the platform's facility types. */
  public static final String FACILITY_TYPE =
      "https://fhir.countyhealth.org/CodeSystem/facility-type";

  private IdentifierSystems() {}
}

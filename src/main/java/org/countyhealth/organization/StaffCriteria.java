package org.countyhealth.organization;

/**
 * What to look for among staff; null fields do not narrow. {@code name} matches the start of the
 * name (FHIR string search), or the whole name when {@code exactName}.
 */
public record StaffCriteria(
    String name,
    boolean exactName,
    String licenceNumber,
    Long staffId,
    String facilityCode,
    Profession profession) {

  public StaffCriteria(
      String name, boolean exactName, String licenceNumber, Long staffId, String facilityCode) {
    this(name, exactName, licenceNumber, staffId, facilityCode, null);
  }
}

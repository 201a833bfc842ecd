package org.countyhealth.organization;

import org.countyhealth.organization.rules.LicenceCode;
import org.countyhealth.organization.rules.OrganisationCode;

/**
 * Building and checking 医疗机构执业许可证登记号 from outside the module (the demo generator builds valid codes
 * with {@link #compose}).
 */
public final class LicenceCodes {

  private LicenceCodes() {}

  /**
   * A valid 22-character code: the eight-character organisation-code body, its GB 11714 check
   * character, then the division (6 digits), economic type (2 digits), facility category (a letter
   * and 3 digits) and management class (1, 2 or 9).
   *
   * @throws org.countyhealth.shared.BusinessException when a part is malformed
   */
  public static String compose(
      String orgCodeBody8, String divisionCode6, String econ2, String category4, String mgmt1) {
    return LicenceCode.compose(orgCodeBody8, divisionCode6, econ2, category4, mgmt1).value();
  }

  /** The GB 11714 check character of an eight-character organisation-code body. */
  public static char checkChar(String orgCodeBody8) {
    return OrganisationCode.checkChar(orgCodeBody8);
  }

  /** Whether the text is a well-formed licence code (check character included). */
  public static boolean isValid(String code) {
    try {
      new LicenceCode(code);
      return true;
    } catch (org.countyhealth.shared.BusinessException e) {
      return false;
    }
  }
}

package org.countyhealth.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.countyhealth.shared.IdCardNumber;

/**
 * Test residents with random birth dates, phones and ID numbers, so that tests never collide with
 * rows of earlier runs or other tests in the shared database.
 */
public final class People {

  private People() {}

  public static LocalDate randomBirthDate() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return LocalDate.of(1900, 1, 1).plusDays(r.nextInt(0, 40_000));
  }

  public static String randomPhone() {
    return "19" + String.format("%09d", ThreadLocalRandom.current().nextInt(0, 1_000_000_000));
  }

  public static String idCard(LocalDate birth, String sex) {
    int seq = ThreadLocalRandom.current().nextInt(0, 500) * 2 + ("1".equals(sex) ? 1 : 0);
    String first17 = "441621" + birth.toString().replace("-", "") + String.format("%03d", seq);
    return first17 + IdCardNumber.checkCharacter(first17);
  }

  /** A fresh electronic health code, unique in the index. */
  public static IdentifierValue healthCode() {
    return IdentifierValue.of(
        IdentifierType.HEALTH_CODE,
        "HC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
  }

  public static RegistrationRequest person(
      String name,
      String sex,
      LocalDate birth,
      String phone,
      String village,
      String clinic,
      String township,
      IdentifierValue... ids) {
    return new RegistrationRequest(
        name,
        sex,
        birth,
        "01",
        phone,
        "紫金县" + village + "1号",
        "441621",
        village,
        "PERMANENT",
        clinic,
        township,
        null,
        clinic,
        new ArrayList<>(List.of(ids)));
  }
}

package org.countyhealth.security.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the county's users read them: Beijing time, to the minute or second. */
final class Times {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Times() {}

  static String format(Instant instant) {
    return instant == null ? "—" : FORMAT.format(instant.atZone(BEIJING));
  }
}

package org.countyhealth.fhir;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo county's village clinic of the account {@code villagedoctor}, and its township centre.
 */
public record DemoClinic(String village, String township) {

  public static DemoClinic of(JdbcClient jdbc) {
    String village =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor'")
            .query(String.class)
            .single();
    String township =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(village)
            .query(String.class)
            .single();
    return new DemoClinic(village, township);
  }
}

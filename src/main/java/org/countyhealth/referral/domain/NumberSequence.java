package org.countyhealth.referral.domain;

import org.countyhealth.referral.rules.ReferralNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Numbers per consortium prefix and year, without gaps: the update locks the year's row. */
@Component
class NumberSequence {

  private final JdbcClient jdbc;

  NumberSequence(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ReferralNumber next(String prefix, int year) {
    jdbc.sql(
            "INSERT INTO referral.number_sequence (prefix, seq_year, last_seq) VALUES (?, ?, 0)"
                + " ON CONFLICT DO NOTHING")
        .params(prefix, year)
        .update();
    jdbc.sql(
            "UPDATE referral.number_sequence SET last_seq = last_seq + 1"
                + " WHERE prefix = ? AND seq_year = ?")
        .params(prefix, year)
        .update();
    long seq =
        jdbc.sql("SELECT last_seq FROM referral.number_sequence WHERE prefix = ? AND seq_year = ?")
            .params(prefix, year)
            .query(Long.class)
            .single();
    return new ReferralNumber(prefix, year, seq);
  }
}

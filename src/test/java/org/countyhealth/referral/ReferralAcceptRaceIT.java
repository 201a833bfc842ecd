package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.countyhealth.IntegrationTest;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.security.SecurityTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two officers of the referral office, each at their own browser (own HTTP client and cookie jar,
 * two different accounts), accept the same referral at the same moment against the running server:
 * exactly one succeeds, the other is told plainly that it was already accepted.
 */
@IntegrationTest
class ReferralAcceptRaceIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ReferralService referralService;
  @Autowired Accounts accounts;

  @Test
  void ofTwoOfficersAcceptingAtOnceExactlyOneSucceeds() throws Exception {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    SignedReferralService service = new SignedReferralService(referralService);
    long patient = fx.resident("周明");
    long id =
        service.create(ReferralFixtures.doctorOf(fx.township), fx.hypertensionUp(patient), true);
    service.receive(ReferralFixtures.officeOf(fx.lead), id);
    List<Long> slots = List.of(fx.slot(fx.lead), fx.slot(fx.lead));

    // Two office accounts of the lead hospital, on two staff members.
    List<Long> staff =
        jdbc.sql("SELECT id FROM organization.staff WHERE facility_code = ? ORDER BY id LIMIT 2")
            .param(fx.lead)
            .query(Long.class)
            .list();
    List<OfficeHttp> officers = new ArrayList<>();
    for (long s : staff) {
      String username =
          SecurityTestSupport.account(
              accounts, s, true, Role.REFERRAL_OFFICE, ScopeKind.OWN_FACILITY);
      officers.add(OfficeHttp.signedIn(port, username, SecurityTestSupport.PASSWORD));
    }

    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      OfficeHttp officer = officers.get(i);
      HttpRequest accept =
          officer.postJson(
              "/api/v1/referrals/" + id + "/accept", "{\"resourceId\":" + slots.get(i) + "}");
      answers.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return officer.send(accept);
              }));
    }
    ready.await();
    go.countDown();
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> f : answers) {
      responses.add(f.get());
    }
    pool.shutdown();
    for (OfficeHttp officer : officers) {
      officer.logout();
    }

    responses.sort(Comparator.comparingInt(HttpResponse::statusCode));
    assertThat(responses.get(0).statusCode()).isEqualTo(200);
    assertThat(responses.get(1).statusCode()).isEqualTo(409);
    JsonNode problem = new ObjectMapper().readTree(responses.get(1).body());
    assertThat(problem.get("code").asText()).isEqualTo("REFERRAL_ALREADY_ACCEPTED");
    assertThat(problem.get("detail").asText()).contains("已由其他工作人员接受");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM referral.history WHERE referral_id = ? AND action = 'ACCEPT'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM referral.booking WHERE referral_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT SUM(booked) FROM referral.resource WHERE id IN (?, ?)")
                .params(slots.get(0), slots.get(1))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}

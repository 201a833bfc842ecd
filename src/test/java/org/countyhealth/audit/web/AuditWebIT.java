package org.countyhealth.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.ActorPrincipal;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** One audit row per state-changing request and per described read; the verify API and page. */
@IntegrationTest
class AuditWebIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  long maxId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit.audit_event")
        .query(Long.class)
        .single();
  }

  Map<String, Object> rowsAfter(long id, int expected) {
    var rows =
        jdbc.sql("SELECT * FROM audit.audit_event WHERE id > ? ORDER BY id")
            .param(id)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(expected);
    return expected == 0 ? Map.of() : rows.get(0);
  }

  @Test
  void postWritesExactlyOneRow() throws Exception {
    long before = maxId();
    mvc.perform(
            post("/test/audit/things?secret=x")
                .with(user("clerk"))
                .with(csrf())
                .header("X-Correlation-Id", "corr-post-0001"))
        .andExpect(status().isOk());
    Map<String, Object> row = rowsAfter(before, 1);
    assertThat(row.get("action")).isEqualTo("POST /test/audit/things");
    assertThat(row.get("http_method")).isEqualTo("POST");
    assertThat(row.get("path")).isEqualTo("/test/audit/things");
    assertThat(row.get("result")).isEqualTo("SUCCESS");
    assertThat(row.get("status_code")).isEqualTo(200);
    assertThat(row.get("correlation_id")).isEqualTo("corr-post-0001");
    assertThat(row.get("client_address")).isEqualTo("127.0.0.1");
  }

  @Test
  void signedInActorAndFacilityAreRecorded() throws Exception {
    Actor actor =
        new Actor(
            41L,
            "village.doctor",
            "王医生",
            9L,
            "PDY-CLINIC-01",
            Set.of("VILLAGE_DOCTOR"),
            Set.of(),
            DataScope.of(Set.of("PDY-CLINIC-01")));
    ActorPrincipal principal = () -> actor;
    long before = maxId();
    mvc.perform(
            post("/test/audit/things")
                .with(
                    authentication(
                        UsernamePasswordAuthenticationToken.authenticated(
                            principal, null, List.of())))
                .with(csrf()))
        .andExpect(status().isOk());
    Map<String, Object> row = rowsAfter(before, 1);
    assertThat(row.get("actor_username")).isEqualTo("village.doctor");
    assertThat(row.get("actor_account_id")).isEqualTo(41L);
    assertThat(row.get("facility_code")).isEqualTo("PDY-CLINIC-01");
  }

  @Test
  void describedPostCarriesTheObject() throws Exception {
    long before = maxId();
    mvc.perform(post("/test/audit/things/T-42").with(user("clerk")).with(csrf()))
        .andExpect(status().isOk());
    Map<String, Object> row = rowsAfter(before, 1);
    assertThat(row.get("action")).isEqualTo("THING_EDIT");
    assertThat(row.get("object_type")).isEqualTo("Thing");
    assertThat(row.get("object_id")).isEqualTo("T-42");
  }

  @Test
  void describedGetWritesOneRowAndUndescribedGetNone() throws Exception {
    long before = maxId();
    mvc.perform(get("/test/audit/plain").with(user("clerk"))).andExpect(status().isOk());
    rowsAfter(before, 0);
    mvc.perform(get("/test/audit/people/P-7").with(user("clerk"))).andExpect(status().isOk());
    Map<String, Object> row = rowsAfter(before, 1);
    assertThat(row.get("action")).isEqualTo("PERSON_READ");
    assertThat(row.get("object_id")).isEqualTo("P-7");
    assertThat(row.get("http_method")).isEqualTo("GET");
  }

  @Test
  void refusedChangeIsAuditedAsRefused() throws Exception {
    long before = maxId();
    mvc.perform(get("/api/v1/audit/verify").with(user("clerk"))).andExpect(status().isForbidden());
    Map<String, Object> row = rowsAfter(before, 1);
    assertThat(row.get("action")).isEqualTo("GET /api/v1/audit/verify");
    assertThat(row.get("result")).isEqualTo("REFUSED");
    assertThat(row.get("status_code")).isEqualTo(403);
    assertThat(row.get("actor_username")).isEqualTo("clerk");
  }

  @Test
  void verifyApiReportsAnIntactChain() throws Exception {
    mvc.perform(post("/test/audit/things").with(user("clerk")).with(csrf()));
    mvc.perform(
            get("/api/v1/audit/verify")
                .with(user("auditor").authorities(new SimpleGrantedAuthority("AUDIT_VERIFY"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.checkedRows").isNumber())
        .andExpect(jsonPath("$.firstBrokenId").isEmpty())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("审计链完整")));
  }

  @Test
  void verifyButtonLoadsTheStatusFragment() throws Exception {
    var auditor =
        user("auditor")
            .authorities(
                new SimpleGrantedAuthority("AUDIT_VIEW"),
                new SimpleGrantedAuthority("AUDIT_VERIFY"));
    mvc.perform(get("/audit/verify").with(auditor).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("审计链完整")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
    mvc.perform(
            get("/audit/verify")
                .with(user("viewer").authorities(new SimpleGrantedAuthority("AUDIT_VIEW"))))
        .andExpect(status().isForbidden());
  }

  @Test
  void searchFindsEventsNewestFirst() throws Exception {
    // The database keeps rows of earlier runs: a name of our own.
    String searcher = "searcher-" + System.nanoTime();
    mvc.perform(post("/test/audit/things/S-1").with(user(searcher)).with(csrf()));
    mvc.perform(post("/test/audit/things/S-2").with(user(searcher)).with(csrf()));
    var auditor = user("auditor").authorities(new SimpleGrantedAuthority("AUDIT_VIEW"));
    mvc.perform(get("/api/v1/audit/events").param("actor", searcher).with(auditor))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.events.length()").value(2))
        .andExpect(jsonPath("$.events[0].objectId").value("S-2"))
        .andExpect(jsonPath("$.events[1].objectId").value("S-1"));
    mvc.perform(
            get("/api/v1/audit/events")
                .param("actor", searcher)
                .param("objectType", "Thing")
                .param("objectId", "S-1")
                .with(auditor))
        .andExpect(jsonPath("$.events.length()").value(1));
    mvc.perform(get("/api/v1/audit/events").param("from", "2026-13-01").with(auditor))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/api/v1/audit/events")
                .param("from", "2026-05-02")
                .param("to", "2026-05-01")
                .with(auditor))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("AUDIT_RANGE_INVALID"));
    mvc.perform(get("/audit").param("actor", searcher).with(auditor))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("S-2")));
  }

  @Test
  void staticResourcesAndUndescribedReadsAreNotAudited() throws Exception {
    long before = maxId();
    mvc.perform(get("/css/app.css").with(user("clerk"))).andExpect(status().isOk());
    mvc.perform(get("/actuator/health").with(user("clerk")));
    rowsAfter(before, 0);
  }
}

package org.countyhealth.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countyhealth.organization.TestActors.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.organization.domain.OrganizationQueries;
import org.countyhealth.organization.domain.StaffQueries;
import org.countyhealth.organization.domain.Views.FacilityView;
import org.countyhealth.organization.domain.Views.StaffView;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Data scope is a condition of the query: an account scoped to one village clinic neither lists nor
 * opens another clinic's facility or staff, by query, page or API (a record outside the scope
 * answers 404 like an unknown one).
 */
@IntegrationTest
class OrganizationDataScopeIT {

  @Autowired OrganizationRegistry registry;
  @Autowired OrganizationQueries queries;
  @Autowired StaffQueries staffQueries;
  @Autowired MockMvc mvc;

  TestConsortium c;
  Actor villageDoctor;
  DataScope scope;

  @BeforeEach
  void consortium() {
    c = TestConsortium.build(registry);
    scope = DataScope.of(List.of(c.v1));
    villageDoctor =
        TestActors.actor("vd" + c.tag, c.v1, scope, Privilege.FACILITY_VIEW, Privilege.STAFF_VIEW);
  }

  @Test
  void queriesSeeOnlyTheScope() {
    as(
        villageDoctor,
        () -> {
          assertThat(queries.facilities(scope, null, null))
              .extracting(FacilityView::licenceCode)
              .containsExactly(c.v1);
          assertThat(queries.facility(scope, c.v1).name()).startsWith("东村卫生站");
          assertThatThrownBy(() -> queries.facility(scope, c.v2)).isInstanceOf(NotFound.class);
          assertThatThrownBy(() -> queries.facility(scope, c.t1)).isInstanceOf(NotFound.class);
          assertThat(queries.children(scope, c.t1))
              .extracting(FacilityView::licenceCode)
              .containsExactly(c.v1);
          assertThat(staffQueries.staff(scope, null, null, null, 0, 100).items())
              .extracting(StaffView::id)
              .containsExactly(c.villageDoctor1);
          assertThat(staffQueries.staff(scope, c.v2, null, null, 0, 100).total()).isZero();
          assertThatThrownBy(() -> staffQueries.staffMember(scope, c.villageDoctor2))
              .isInstanceOf(NotFound.class);
          assertThat(staffQueries.teams(scope, null)).isEmpty();
        });
  }

  @Test
  void aTownshipScopeSeesItsClinicsAndTeamButNotTheNeighbours() {
    DataScope township = DataScope.of(List.of(c.t1, c.v1));
    Actor gp =
        TestActors.actor(
            "gp" + c.tag, c.t1, township, Privilege.FACILITY_VIEW, Privilege.STAFF_VIEW);
    as(
        gp,
        () -> {
          assertThat(queries.facilities(township, FacilityType.VILLAGE_CLINIC, null))
              .extracting(FacilityView::licenceCode)
              .containsExactly(c.v1);
          assertThat(staffQueries.teams(township, null))
              .singleElement()
              .satisfies(t -> assertThat(t.id()).isEqualTo(c.team1));
          assertThat(
                  staffQueries
                      .staff(township, null, Profession.VILLAGE_DOCTOR, null, 0, 10)
                      .items())
              .extracting(StaffView::id)
              .containsExactly(c.villageDoctor1);
        });
  }

  @Test
  void pagesAnswer404OutsideTheScope() throws Exception {
    var auth = authentication(TestActors.authentication(villageDoctor));
    mvc.perform(get("/facilities/" + c.v1).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("东村卫生站" + c.tag)))
        .andExpect(content().string(containsString("张村" + c.tag)));
    mvc.perform(get("/facilities/" + c.v2).with(auth))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("西村卫生站"))));
    mvc.perform(get("/staff/" + c.villageDoctor2).with(auth)).andExpect(status().isNotFound());
    mvc.perform(get("/teams/" + c.team1).with(auth)).andExpect(status().isNotFound());
    mvc.perform(get("/facilities").with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("东村卫生站" + c.tag)))
        .andExpect(content().string(not(containsString("西村卫生站" + c.tag))));
    mvc.perform(get("/staff").with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("张村" + c.tag)))
        .andExpect(content().string(not(containsString("陈村" + c.tag))));
  }

  @Test
  void apiAnswers404OutsideTheScope() throws Exception {
    var auth = authentication(TestActors.authentication(villageDoctor));
    mvc.perform(get("/api/v1/facilities/" + c.v2).with(auth).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("FACILITY_NOT_FOUND"));
    mvc.perform(get("/api/v1/staff/" + c.villageDoctor2).with(auth))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("STAFF_NOT_FOUND"));
    mvc.perform(get("/api/v1/staff").with(auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(c.villageDoctor1));
    mvc.perform(get("/api/v1/staff").param("facility", c.v2).with(auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(0));
    mvc.perform(get("/api/v1/facilities").with(auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].licenceCode").value(c.v1));
    mvc.perform(get("/api/v1/teams/" + c.team1).with(auth)).andExpect(status().isNotFound());
  }
}

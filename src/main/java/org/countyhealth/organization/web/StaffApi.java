package org.countyhealth.organization.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.organization.OrganizationRegistry.NewStaff;
import org.countyhealth.organization.OrganizationRegistry.StaffChange;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.domain.StaffQueries;
import org.countyhealth.organization.domain.Views.MemberView;
import org.countyhealth.organization.domain.Views.PageOf;
import org.countyhealth.organization.domain.Views.StaffView;
import org.countyhealth.organization.domain.Views.TeamView;
import org.countyhealth.organization.web.ApiRequests.MemberRequest;
import org.countyhealth.organization.web.ApiRequests.StaffRequest;
import org.countyhealth.organization.web.ApiRequests.StaffUpdateRequest;
import org.countyhealth.organization.web.ApiRequests.TeamRequest;
import org.countyhealth.organization.web.ApiRequests.TeamUpdateRequest;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff and family-doctor teams as JSON, within the caller's data scope. */
@RestController
class StaffApi {

  private final CurrentActor currentActor;
  private final StaffQueries queries;
  private final OrganizationRegistry registry;

  StaffApi(CurrentActor currentActor, StaffQueries queries, OrganizationRegistry registry) {
    this.currentActor = currentActor;
    this.queries = queries;
    this.registry = registry;
  }

  @GetMapping("/api/v1/staff")
  PageOf<StaffView> list(
      @RequestParam(required = false) String facility,
      @RequestParam(required = false) Profession profession,
      @RequestParam(required = false) String name,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return queries.staff(currentActor.require().scope(), facility, profession, name, page, size);
  }

  @GetMapping("/api/v1/staff/{id}")
  StaffView get(@PathVariable long id) {
    return queries.staffMember(currentActor.require().scope(), id);
  }

  @PostMapping("/api/v1/staff")
  ResponseEntity<StaffView> create(@Valid @RequestBody StaffRequest body) {
    Actor actor = manager();
    inScope(actor, body.facilityCode());
    long id =
        registry.addStaff(
            new NewStaff(
                body.facilityCode().strip(),
                body.departmentId(),
                body.name(),
                body.sex(),
                body.profession(),
                body.title(),
                body.licenceNumber(),
                body.phone()));
    return ResponseEntity.created(URI.create("/api/v1/staff/" + id))
        .body(queries.staffMember(actor.scope(), id));
  }

  @PutMapping("/api/v1/staff/{id}")
  StaffView update(@PathVariable long id, @Valid @RequestBody StaffUpdateRequest body) {
    Actor actor = manager();
    queries.staffMember(actor.scope(), id);
    registry.updateStaff(
        id, new StaffChange(body.departmentId(), body.title(), body.phone(), body.active()));
    return queries.staffMember(actor.scope(), id);
  }

  record TeamDetail(TeamView team, List<MemberView> members) {}

  @GetMapping("/api/v1/teams")
  List<TeamView> teams(@RequestParam(required = false) String facility) {
    return queries.teams(currentActor.require().scope(), facility);
  }

  @GetMapping("/api/v1/teams/{id}")
  TeamDetail team(@PathVariable long id) {
    TeamView team = queries.team(currentActor.require().scope(), id);
    return new TeamDetail(team, queries.members(team));
  }

  @PostMapping("/api/v1/teams")
  ResponseEntity<TeamDetail> formTeam(@Valid @RequestBody TeamRequest body) {
    Actor actor = manager();
    inScope(actor, body.facilityCode());
    Map<Long, TeamRole> members = new LinkedHashMap<>();
    for (MemberRequest m : body.members()) {
      if (members.put(m.staffId(), m.role()) != null) {
        throw new BusinessException("TEAM_MEMBER_DUPLICATE", "同一人员不能重复加入团队", "members");
      }
    }
    long id = registry.formTeam(body.facilityCode().strip(), body.name(), body.leaderId(), members);
    TeamView team = queries.team(actor.scope(), id);
    return ResponseEntity.created(URI.create("/api/v1/teams/" + id))
        .body(new TeamDetail(team, queries.members(team)));
  }

  @PutMapping("/api/v1/teams/{id}")
  TeamDetail updateTeam(@PathVariable long id, @Valid @RequestBody TeamUpdateRequest body) {
    Actor actor = manager();
    queries.team(actor.scope(), id);
    registry.updateTeam(id, body.name(), body.active());
    TeamView team = queries.team(actor.scope(), id);
    return new TeamDetail(team, queries.members(team));
  }

  /** A facility outside the scope is refused like an unknown one. */
  private static void inScope(Actor actor, String facilityCode) {
    if (!actor.scope().includes(facilityCode.strip())) {
      throw new BusinessException("FACILITY_UNKNOWN", "机构不存在", "facilityCode");
    }
  }

  private Actor manager() {
    Actor actor = currentActor.require();
    if (!actor.can("STAFF_MANAGE")) {
      throw new AccessDenied("ACCESS_DENIED", "您没有维护人员与团队的权限");
    }
    return actor;
  }
}

package org.countyhealth.organization.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.organization.OrganizationRegistry.FacilityChange;
import org.countyhealth.organization.OrganizationRegistry.NewFacility;
import org.countyhealth.organization.domain.OrganizationQueries;
import org.countyhealth.organization.domain.Views.FacilityView;
import org.countyhealth.organization.web.ApiRequests.FacilityRequest;
import org.countyhealth.organization.web.ApiRequests.FacilityUpdateRequest;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.DataScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Facilities as JSON, within the caller's data scope; refusals are problem details with codes. */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityApi {

  private final CurrentActor currentActor;
  private final OrganizationQueries queries;
  private final OrganizationRegistry registry;

  FacilityApi(
      CurrentActor currentActor, OrganizationQueries queries, OrganizationRegistry registry) {
    this.currentActor = currentActor;
    this.queries = queries;
    this.registry = registry;
  }

  @GetMapping
  List<FacilityView> list(
      @RequestParam(required = false) FacilityType type,
      @RequestParam(required = false) String name) {
    return queries.facilities(currentActor.require().scope(), type, name);
  }

  @GetMapping("/{code}")
  FacilityView get(@PathVariable String code) {
    return queries.facility(currentActor.require().scope(), code);
  }

  @PostMapping
  ResponseEntity<FacilityView> create(@Valid @RequestBody FacilityRequest body) {
    Actor actor = manager();
    String parent = FacilityPages.blankToNull(body.parentCode());
    requireParentInScope(actor.scope(), parent);
    registry.registerFacility(
        new NewFacility(
            body.licenceCode(),
            body.name(),
            body.type(),
            parent,
            body.divisionCode(),
            body.gridId(),
            body.address(),
            body.phone()));
    FacilityView created =
        queries.facility(
            DataScope.consortium(), body.licenceCode().strip().toUpperCase(java.util.Locale.ROOT));
    return ResponseEntity.created(URI.create("/api/v1/facilities/" + created.licenceCode()))
        .body(created);
  }

  @PutMapping("/{code}")
  FacilityView update(@PathVariable String code, @Valid @RequestBody FacilityUpdateRequest body) {
    Actor actor = manager();
    FacilityView current = queries.facility(actor.scope(), code);
    String parent = FacilityPages.blankToNull(body.parentCode());
    if (!java.util.Objects.equals(parent, current.parentCode())) {
      requireParentInScope(actor.scope(), parent);
    }
    registry.updateFacility(
        current.licenceCode(),
        new FacilityChange(
            body.name(), parent, body.gridId(), body.active(), body.address(), body.phone()));
    return queries.facility(actor.scope(), current.licenceCode());
  }

  private void requireParentInScope(DataScope scope, String parent) {
    if (parent != null && !scope.includes(parent)) {
      throw new BusinessException(
          "FACILITY_PARENT_UNKNOWN", "上级机构 " + parent + " 不存在", "parentCode");
    }
    if (parent == null && !scope.all()) {
      throw new BusinessException("FACILITY_PARENT_REQUIRED", "请在您的数据范围内选择上级机构", "parentCode");
    }
  }

  private Actor manager() {
    Actor actor = currentActor.require();
    if (!actor.can("FACILITY_MANAGE")) {
      throw new AccessDenied("ACCESS_DENIED", "您没有维护机构的权限");
    }
    return actor;
  }
}

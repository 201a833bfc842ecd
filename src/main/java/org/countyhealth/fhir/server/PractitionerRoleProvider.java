package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.StaffCriteria;
import org.countyhealth.organization.StaffProfile;
import org.countyhealth.organization.TeamMembership;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * PractitionerRole over the facilities facade. Two kinds (docs/fhir.md): {@code staff-{id}}, a
 * staff member's post at their facility (role = profession), and {@code team-{team}-{staff}}, a
 * member's role in a family-doctor team at its township centre (role = team role).
 */
@Component
class PractitionerRoleProvider implements IResourceProvider {

  private static final int LIMIT = 100;
  private static final Pattern STAFF_ID = Pattern.compile("staff-([0-9]{1,18})");
  private static final Pattern TEAM_ID = Pattern.compile("team-([0-9]{1,18})-([0-9]{1,18})");

  private final Facilities facilities;
  private final FhirAccess access;

  PractitionerRoleProvider(Facilities facilities, FhirAccess access) {
    this.facilities = facilities;
    this.access = access;
  }

  @Override
  public Class<PractitionerRole> getResourceType() {
    return PractitionerRole.class;
  }

  @Read
  public PractitionerRole read(@IdParam IdType id) {
    Actor actor = access.require(Privilege.STAFF_VIEW);
    String part = id.getIdPart();
    Matcher staff = STAFF_ID.matcher(part);
    Matcher team = TEAM_ID.matcher(part);
    List<PractitionerRole> found = List.of();
    if (staff.matches()) {
      found =
          posts(actor, new StaffCriteria(null, false, null, Long.valueOf(staff.group(1)), null));
    } else if (team.matches()) {
      long teamId = Long.parseLong(team.group(1));
      found =
          facilities
              .teamMemberships(actor.scope(), Long.valueOf(team.group(2)), null, null, LIMIT)
              .stream()
              .filter(m -> m.teamId() == teamId)
              .map(PractitionerRoleProvider::toFhir)
              .toList();
    }
    return found.stream()
        .findFirst()
        .orElseThrow(() -> new ResourceNotFoundException("找不到该岗位，或不在您的数据范围内：" + part));
  }

  /** By practitioner, organization (the facility or the team's centre) and role code. */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = PractitionerRole.SP_PRACTITIONER, targetTypes = Practitioner.class)
          ReferenceParam practitioner,
      @OptionalParam(name = PractitionerRole.SP_ORGANIZATION, targetTypes = Organization.class)
          ReferenceParam organization,
      @OptionalParam(name = PractitionerRole.SP_ROLE) TokenParam role,
      @Offset Integer offset,
      @Count Integer count) {
    Actor actor = access.require(Privilege.STAFF_VIEW);
    Window window = SearchPages.window(offset, count);
    Long staffId = null;
    if (practitioner != null) {
      if (!practitioner.getIdPart().matches("[0-9]{1,18}")) {
        return SearchPages.of(window, List.of(), 0);
      }
      staffId = Long.valueOf(practitioner.getIdPart());
    }
    String facility = organization == null ? null : organization.getIdPart();
    String system = role == null || role.getSystem() == null ? "" : role.getSystem();
    String code = role == null ? null : role.getValue();
    if (!system.isEmpty()
        && !system.equals(IdentifierSystems.PROFESSION)
        && !system.equals(IdentifierSystems.TEAM_ROLE)) {
      throw new InvalidRequestException("不支持的岗位编码体系：" + system);
    }
    boolean posts =
        code == null || (!system.equals(IdentifierSystems.TEAM_ROLE) && isProfession(code));
    boolean places =
        code == null || (!system.equals(IdentifierSystems.PROFESSION) && isTeamRole(code));
    // Posts first, then team places: each list is paged in SQL, the second one where the first
    // ends, so the page may span both.
    Slice<StaffProfile> staff =
        posts
            ? facilities.searchStaff(
                actor.scope(),
                new StaffCriteria(
                    null,
                    false,
                    null,
                    staffId,
                    facility,
                    code == null ? null : Profession.valueOf(code)),
                window)
            : new Slice<>(List.of(), 0);
    Window rest =
        new Window(
            (int) Math.max(0, window.offset() - staff.total()),
            window.count() - staff.items().size());
    Slice<TeamMembership> teams =
        places
            ? facilities.teamMemberships(
                actor.scope(),
                staffId,
                facility,
                code == null ? null : TeamRole.valueOf(code),
                rest)
            : new Slice<>(List.of(), 0);
    List<PractitionerRole> page = new ArrayList<>();
    staff.items().forEach(s -> page.add(toFhir(s)));
    teams.items().forEach(m -> page.add(toFhir(m)));
    return SearchPages.of(window, page, staff.total() + teams.total());
  }

  private List<PractitionerRole> posts(Actor actor, StaffCriteria criteria) {
    return facilities.searchStaff(actor.scope(), criteria, LIMIT).stream()
        .map(PractitionerRoleProvider::toFhir)
        .toList();
  }

  private static boolean isProfession(String code) {
    return Arrays.stream(Profession.values()).anyMatch(p -> p.name().equals(code));
  }

  private static boolean isTeamRole(String code) {
    return Arrays.stream(TeamRole.values()).anyMatch(r -> r.name().equals(code));
  }

  static PractitionerRole toFhir(StaffProfile s) {
    PractitionerRole role = new PractitionerRole();
    role.setId("staff-" + s.id());
    role.setActive(s.active());
    role.setPractitioner(new Reference("Practitioner/" + s.id()).setDisplay(s.name()));
    role.setOrganization(new Reference("Organization/" + s.facilityCode()));
    if (s.profession() != null) {
      role.addCode()
          .addCoding()
          .setSystem(IdentifierSystems.PROFESSION)
          .setCode(s.profession().name())
          .setDisplay(s.profession().label());
    }
    return role;
  }

  static PractitionerRole toFhir(TeamMembership m) {
    PractitionerRole role = new PractitionerRole();
    role.setId("team-" + m.teamId() + "-" + m.staffId());
    role.setActive(m.active());
    role.setPractitioner(new Reference("Practitioner/" + m.staffId()));
    role.setOrganization(new Reference("Organization/" + m.facilityCode()));
    role.addCode()
        .setText("家庭医生团队「" + m.teamName() + "」" + m.role().label())
        .addCoding()
        .setSystem(IdentifierSystems.TEAM_ROLE)
        .setCode(m.role().name())
        .setDisplay(m.role().label());
    return role;
  }
}

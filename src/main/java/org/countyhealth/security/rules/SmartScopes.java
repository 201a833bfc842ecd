package org.countyhealth.security.rules;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.shared.Privilege;

/**
 * SMART system scopes ({@code system/Patient.read}, {@code system/*.rs}…; SMART App Launch 2.x
 * "Scopes and Launch Context", v1 {@code read|write|*} and v2 {@code c r u d s}) mapped to the
 * privileges the FHIR providers check (docs/fhir.md, privileges per resource). A token holds the
 * requested privileges that its client was granted.
 */
public final class SmartScopes {

  private static final Pattern SCOPE =
      Pattern.compile("system/(\\*|[A-Z][A-Za-z]{1,63})\\.(read|write|\\*|c?r?u?d?s?)");

  /** Resource type → (read privilege, write privilege); null where the interface has none. */
  private static final Map<String, List<Privilege>> RESOURCES =
      Map.ofEntries(
          Map.entry("Patient", List.of(Privilege.RESIDENT_VIEW, Privilege.RESIDENT_EDIT)),
          Map.entry("Organization", List.of(Privilege.FACILITY_VIEW)),
          Map.entry("Practitioner", List.of(Privilege.STAFF_VIEW)),
          Map.entry("PractitionerRole", List.of(Privilege.STAFF_VIEW)),
          Map.entry("Condition", List.of(Privilege.CHRONIC_VIEW, Privilege.CHRONIC_EDIT)),
          Map.entry("Observation", List.of(Privilege.CHRONIC_VIEW, Privilege.CHRONIC_EDIT)),
          Map.entry("Encounter", List.of(Privilege.CHRONIC_VIEW, Privilege.CHRONIC_EDIT)),
          Map.entry("CarePlan", List.of(Privilege.CHRONIC_VIEW)),
          // Reading and creating referrals both need REFERRAL_CREATE for a system client.
          Map.entry(
              "ServiceRequest", List.of(Privilege.REFERRAL_CREATE, Privilege.REFERRAL_CREATE)),
          Map.entry("Task", List.of(Privilege.REFERRAL_CREATE, Privilege.REFERRAL_CREATE)));

  /** What the SMART configuration lists under {@code scopes_supported}. */
  public static final List<String> SUPPORTED =
      List.of(
          "system/*.read",
          "system/*.write",
          "system/*.rs",
          "system/*.cruds",
          "system/Patient.read",
          "system/Patient.write",
          "system/Organization.read",
          "system/Practitioner.read",
          "system/PractitionerRole.read",
          "system/Condition.read",
          "system/Condition.write",
          "system/Observation.read",
          "system/Observation.write",
          "system/Encounter.read",
          "system/Encounter.write",
          "system/CarePlan.read",
          "system/ServiceRequest.read",
          "system/ServiceRequest.write",
          "system/Task.read",
          "system/Task.write");

  /** A scope request: what it grants and the scopes honoured, in the client's words. */
  public record Grant(Set<Privilege> privileges, List<String> scopes) {}

  private SmartScopes() {}

  /**
   * The privileges of {@code requested} (space-separated) that {@code granted} allows. A scope that
   * is not a SMART system scope of this interface is an {@link IllegalArgumentException} naming it;
   * scopes the client holds nothing of are left out of the answer (RFC 6749 §3.3).
   */
  public static Grant grant(String requested, Set<Privilege> granted) {
    Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
    Set<String> honoured = new LinkedHashSet<>();
    for (String scope : requested.strip().split("\\s+")) {
      if (scope.isEmpty()) {
        continue;
      }
      Set<Privilege> wanted = privileges(scope);
      wanted.retainAll(granted);
      if (!wanted.isEmpty()) {
        privileges.addAll(wanted);
        honoured.add(scope);
      }
    }
    return new Grant(privileges, List.copyOf(honoured));
  }

  /** The privileges one scope asks for. */
  static Set<Privilege> privileges(String scope) {
    Matcher m = SCOPE.matcher(scope);
    if (!m.matches() || m.group(2).isEmpty()) {
      throw new IllegalArgumentException("不支持的 scope：" + scope + "（应为 system/资源类型.read 等）");
    }
    String type = m.group(1);
    String access = m.group(2);
    // v1: read | write | *; v2: any of c r u d s, in that order (r, s read; c, u, d write).
    boolean v1 = access.equals("read") || access.equals("write") || access.equals("*");
    boolean read = access.equals("read") || access.equals("*") || !v1 && access.matches(".*[rs].*");
    boolean write =
        access.equals("write") || access.equals("*") || !v1 && access.matches(".*[cud].*");
    Set<Privilege> wanted = EnumSet.noneOf(Privilege.class);
    for (Map.Entry<String, List<Privilege>> resource : RESOURCES.entrySet()) {
      if (type.equals("*") || type.equals(resource.getKey())) {
        List<Privilege> pair = resource.getValue();
        if (read) {
          wanted.add(pair.get(0));
        }
        if (write && pair.size() > 1) {
          wanted.add(pair.get(1));
        }
      }
    }
    if (wanted.isEmpty() && !type.equals("*") && !RESOURCES.containsKey(type)) {
      throw new IllegalArgumentException("不支持的 scope：" + scope + "（本平台不提供 " + type + " 资源）");
    }
    return wanted;
  }
}

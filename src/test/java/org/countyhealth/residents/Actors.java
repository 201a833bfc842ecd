package org.countyhealth.residents;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.Set;
import org.countyhealth.security.ActorPrincipal;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in actors for MockMvc requests, with a data scope and privileges. */
final class Actors {

  private Actors() {}

  record Principal(Actor actor) implements ActorPrincipal {}

  static RequestPostProcessor as(
      String username, String facility, DataScope scope, String... privileges) {
    Actor actor =
        new Actor(
            1,
            username,
            username + "医生",
            1L,
            facility,
            Set.of("CLINICIAN"),
            Set.of(privileges),
            scope);
    return authentication(
        new UsernamePasswordAuthenticationToken(
            new Principal(actor),
            null,
            java.util.Arrays.stream(privileges).map(SimpleGrantedAuthority::new).toList()));
  }

  static RequestPostProcessor villageDoctor(String clinic) {
    return as(
        "vd-" + clinic, clinic, DataScope.of(Set.of(clinic)), "RESIDENT_VIEW", "RESIDENT_EDIT");
  }

  static RequestPostProcessor consortium() {
    return as("admin", "LEAD", DataScope.consortium(), "RESIDENT_VIEW", "RESIDENT_EDIT");
  }
}

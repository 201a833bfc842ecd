package org.countyhealth.demo;

import java.util.List;
import java.util.function.Supplier;
import org.countyhealth.shared.Privilege;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The generator acts as a system user holding every privilege, so that it goes through the same
 * services (and their {@code @PreAuthorize} declarations) as the pages.
 */
final class SystemAuthentication {

  private SystemAuthentication() {}

  static <T> T call(Supplier<T> work) {
    Authentication previous = SecurityContextHolder.getContext().getAuthentication();
    SecurityContextHolder.getContext().setAuthentication(system());
    try {
      return work.get();
    } finally {
      SecurityContextHolder.getContext().setAuthentication(previous);
    }
  }

  private static Authentication system() {
    List<SimpleGrantedAuthority> all =
        java.util.Arrays.stream(Privilege.values())
            .map(p -> new SimpleGrantedAuthority(p.name()))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated("demo-generator", null, all);
  }
}

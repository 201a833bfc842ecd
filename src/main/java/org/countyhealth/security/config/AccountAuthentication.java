package org.countyhealth.security.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.countyhealth.security.domain.AccountDirectory;
import org.countyhealth.security.domain.AccountRecord;
import org.countyhealth.security.domain.AccountStore;
import org.countyhealth.security.domain.LoginEvents;
import org.countyhealth.security.rules.LockoutPolicy;
import org.countyhealth.security.rules.LockoutPolicy.State;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the accounts, applying the lockout policy. A locked
 * account is refused without looking at the password; an unknown user name costs the same hashing
 * time and gets the same answers, lock included, so answers do not reveal which names exist.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

  static final String BAD_CREDENTIALS = "用户名或密码错误";
  static final String DISABLED = "账号已停用，请联系系统管理员";

  /** How far back failures of unknown names are replayed through the lockout policy. */
  private static final Duration UNKNOWN_NAME_MEMORY = Duration.ofDays(1);

  private final AccountStore store;
  private final LoginEvents events;
  private final AccountDirectory directory;
  private final LockoutPolicy lockout;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final String dummyHash;

  AccountAuthentication(
      AccountStore store,
      LoginEvents events,
      AccountDirectory directory,
      LockoutPolicy lockout,
      PasswordEncoder encoder,
      Clock clock) {
    this.store = store;
    this.events = events;
    this.directory = directory;
    this.lockout = lockout;
    this.encoder = encoder;
    this.clock = clock;
    this.dummyHash = encoder.encode("timing-equaliser-for-unknown-names");
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String username = request.getName();
    String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
    Instant now = clock.instant();
    Optional<AccountRecord> found = store.findByUsername(username);
    if (found.isEmpty()) {
      refuseUnknown(username, password, now);
    }
    AccountRecord account = found.orElseThrow();
    State state = new State(account.failedAttempts(), account.lockedUntil());
    if (lockout.isLocked(state, now)) {
      encoder.matches(password, dummyHash); // same time as any other answer
      throw new AccountLocked(account.lockedUntil(), false);
    }
    if (!encoder.matches(password, account.passwordHash())) {
      State next = lockout.afterFailure(state, now);
      store.recordFailure(account.id(), next.failedAttempts(), next.lockedUntil());
      if (lockout.isLocked(next, now)) {
        throw new AccountLocked(next.lockedUntil(), true);
      }
      throw new BadCredentialsException(BAD_CREDENTIALS);
    }
    if (!account.enabled()) {
      throw new DisabledException(DISABLED);
    }
    AccountPrincipal principal = new AccountPrincipal(directory.actorOf(account));
    UsernamePasswordAuthenticationToken result =
        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
    result.setDetails(new LoginDetails(account.mustChangePassword() && !account.demo()));
    return result;
  }

  private void refuseUnknown(String username, String password, Instant now) {
    encoder.matches(password, dummyHash);
    List<Instant> failures =
        new ArrayList<>(events.unknownNameFailures(username, now.minus(UNKNOWN_NAME_MEMORY)));
    Optional<Instant> locked = lockout.lockedUntil(failures, now);
    if (locked.isPresent()) {
      throw new AccountLocked(locked.get(), false);
    }
    failures.add(now);
    Optional<Instant> lockedNow = lockout.lockedUntil(failures, now);
    if (lockedNow.isPresent()) {
      throw new AccountLocked(lockedNow.get(), true);
    }
    throw new BadCredentialsException(BAD_CREDENTIALS);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** What the login handlers need to know beyond the principal. */
  record LoginDetails(boolean mustChangePassword) {}
}

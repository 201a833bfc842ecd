package org.countyhealth.security.config;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.security.clients.BearerTokenFilter;
import org.countyhealth.security.clients.SystemTokens;
import org.countyhealth.security.rules.InactivityPolicy;
import org.countyhealth.security.rules.LockoutPolicy;
import org.countyhealth.security.rules.PasswordPolicy;
import org.countyhealth.security.rules.SessionCaps;
import org.countyhealth.security.rules.SlidingWindowLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.RegisterSessionAuthenticationStrategy;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SimpleRedirectSessionInformationExpiredStrategy;

/**
 * Web security per GB/T 22239 level 3 (000_65944b5c5b97f013.txt lines 1890–1895): form login with
 * lockout and rate limit, change at first login, idle timeout, session caps, CSRF, security
 * headers; the API answers 401/403 as problem details instead of redirecting.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableScheduling
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self';"
          + " object-src 'none'";

  /**
   * System clients (docs/adr/0007): every request carrying {@code Authorization: Bearer} has its
   * own stateless chain, ahead of the pages' chain: no session is read or made, no CSRF (there is
   * no cookie to ride on), no login redirect. The token is accepted on {@code /fhir/**} and the
   * import API only; anything else with a bearer token, or a bad token, is a 401 with {@code
   * WWW-Authenticate: Bearer}.
   */
  @Bean
  @Order(1)
  SecurityFilterChain bearerSecurity(
      HttpSecurity http, AuditTrail audit, SystemTokens systemClients) throws Exception {
    http.securityMatcher(BearerTokenFilter::carriesBearer)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    // An error dispatch keeps the bearer header but not the authentication.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(
            context -> context.securityContextRepository(new NullSecurityContextRepository()))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> anonymous.disable())
        .addFilterBefore(new BearerTokenFilter(systemClients, audit), AuthorizationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(
                        (request, response, exception) ->
                            BearerTokenFilter.unauthorized(request, response, "请提供有效的访问令牌"))
                    .accessDeniedHandler(
                        (request, response, exception) ->
                            BearerTokenFilter.forbidden(request, response)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .frameOptions(frame -> frame.deny()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(
      HttpSecurity http,
      LoginHandlers handlers,
      SessionRegistry sessionRegistry,
      SessionCaps caps,
      SlidingWindowLimit loginRate,
      Clock clock,
      AuditTrail audit)
      throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/login",
                        "/login/**",
                        "/oauth/token",
                        "/oauth/authorize",
                        "/.well-known/smart-configuration",
                        "/fhir/.well-known/smart-configuration",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(handlers)
                    .failureHandler(handlers)
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .addLogoutHandler(
                        (request, response, authentication) -> {
                          if (authentication != null) {
                            audit.record(
                                "LOGOUT", "Account", authentication.getName(), AuditResult.SUCCESS);
                          }
                          HttpSession session = request.getSession(false);
                          if (session != null) {
                            sessionRegistry.removeSessionInformation(session.getId());
                          }
                        })
                    .logoutSuccessUrl("/login?logout"))
        .sessionManagement(
            session ->
                session.sessionAuthenticationStrategy(
                    new CompositeSessionAuthenticationStrategy(
                        List.of(
                            new SessionCapStrategy(sessionRegistry, caps),
                            new ChangeSessionIdAuthenticationStrategy(),
                            new RegisterSessionAuthenticationStrategy(sessionRegistry)))))
        .addFilter(
            new ConcurrentSessionFilter(
                sessionRegistry,
                new SimpleRedirectSessionInformationExpiredStrategy("/login?ended")))
        .addFilterBefore(new LoginRateFilter(loginRate, clock), CsrfFilter.class)
        // The token endpoint authenticates clients itself (no session, no cookie).
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    request ->
                        "/oauth/token"
                            .equals(
                                request
                                    .getRequestURI()
                                    .substring(request.getContextPath().length()))))
        .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(entryPoint())
                    .accessDeniedHandler(accessDenied()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /** API clients get 401 problem details; browsers go to the login page. */
  private static AuthenticationEntryPoint entryPoint() {
    LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
    return (request, response, exception) -> {
      if (Problems.isApi(request)) {
        Problems.write(request, response, HttpStatus.UNAUTHORIZED, "AUTH_REQUIRED", "请先登录");
      } else {
        login.commence(request, response, exception);
      }
    };
  }

  /**
   * API clients get 403 problem details. A page posted with a stale CSRF token (typically after the
   * session ended) goes back to the login page instead of an error.
   */
  private static AccessDeniedHandler accessDenied() {
    AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
    return (request, response, exception) -> {
      if (Problems.isApi(request)) {
        String code = exception instanceof CsrfException ? "CSRF_INVALID" : "ACCESS_DENIED";
        String detail = exception instanceof CsrfException ? "请求缺少有效的 CSRF 令牌" : "您没有执行此操作的权限";
        Problems.write(request, response, HttpStatus.FORBIDDEN, code, detail);
      } else if (exception instanceof CsrfException && !signedIn()) {
        response.sendRedirect(request.getContextPath() + "/login?stale");
      } else {
        page.handle(request, response, exception);
      }
    };
  }

  /** CSRF is checked before the request knows its principal: ask the security context. */
  private static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** Adaptive hashing; stored hashes name their algorithm ({bcrypt}…) so it can be upgraded. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** The clock of the login policies; tests move it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  PasswordPolicy passwordPolicy() {
    return PasswordPolicy.standard();
  }

  @Bean
  LockoutPolicy lockoutPolicy(SecuritySettings settings) {
    return new LockoutPolicy(settings.lockout().maxFailures(), settings.lockout().duration());
  }

  @Bean
  InactivityPolicy inactivityPolicy(SecuritySettings settings) {
    return new InactivityPolicy(settings.inactivity().unused());
  }

  @Bean
  SessionCaps sessionCaps(SecuritySettings settings) {
    return new SessionCaps(settings.sessions().perAccount(), settings.sessions().total());
  }

  @Bean
  SlidingWindowLimit loginRateLimit(SecuritySettings settings) {
    return new SlidingWindowLimit(
        settings.loginRate().maxAttempts(), settings.loginRate().window());
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Tells the session registry when sessions end (idle timeout, logout). */
  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }
}

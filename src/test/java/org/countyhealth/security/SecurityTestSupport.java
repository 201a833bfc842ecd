package org.countyhealth.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the security ITs share: client addresses, unique names, log-in requests and fixtures. The
 * clock they move is the {@link org.countyhealth.MovableClock} of every integration test; audit
 * events are read from the real trail with {@link org.countyhealth.AuditProbe}.
 */
public final class SecurityTestSupport {

  public static final String PASSWORD = "Kx7#mountain-river";

  private static final AtomicInteger addresses = new AtomicInteger();
  private static final AtomicInteger names = new AtomicInteger();

  private SecurityTestSupport() {}

  /**
   * A client address of its own for each caller, so that the login rate limit stays out of the way.
   */
  public static RequestPostProcessor freshAddress() {
    String address = "192.0.2." + (addresses.incrementAndGet() % 250 + 1);
    int block = addresses.get() / 250;
    String value = block == 0 ? address : "198.51." + block + "." + (addresses.get() % 250 + 1);
    return from(value);
  }

  public static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  public static String uniqueName(String prefix) {
    return prefix + "." + names.incrementAndGet() + "x" + (System.nanoTime() % 100000);
  }

  public static MockHttpServletRequestBuilder loginRequest(String username, String password) {
    return post("/login").param("username", username).param("password", password).with(csrf());
  }

  /** Logs in from a fresh address and returns the signed-in session. */
  public static MockHttpSession login(MockMvc mvc, String username, String password)
      throws Exception {
    MvcResult result =
        mvc.perform(loginRequest(username, password).with(freshAddress())).andReturn();
    return (MockHttpSession) result.getRequest().getSession(false);
  }

  /** A division, a township centre with a village clinic below it, and staff in each. */
  public record Fixture(String township, String village, long townshipStaff, long villageStaff) {}

  public static Fixture facilities(JdbcClient jdbc) {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
    jdbc.sql(
            "INSERT INTO organization.division (code, name, level, parent_code) SELECT '44',"
                + " '广东省', 1, NULL WHERE NOT EXISTS (SELECT 1 FROM organization.division WHERE"
                + " code = '44')")
        .update();
    String township = "T" + suffix;
    String village = "V" + suffix;
    insertFacility(jdbc, township, "测试镇卫生院" + suffix, "TOWNSHIP_HEALTH_CENTRE", null);
    insertFacility(jdbc, village, "测试村卫生站" + suffix, "VILLAGE_CLINIC", township);
    return new Fixture(
        township, village, insertStaff(jdbc, township, "王医生"), insertStaff(jdbc, village, "李医生"));
  }

  private static void insertFacility(
      JdbcClient jdbc, String code, String name, String type, String parent) {
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code,"
                + " division_code, active, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, '44', TRUE, ?, ?)")
        .params(code, name, type, parent, LocalDateTime.now(), LocalDateTime.now())
        .update();
  }

  public static long insertStaff(JdbcClient jdbc, String facility, String name) {
    return jdbc.sql(
            "INSERT INTO organization.staff (facility_code, name, sex, profession, title, active,"
                + " created_at) VALUES (?, ?, '1', 'GENERAL_PRACTITIONER', 'ATTENDING_PHYSICIAN', TRUE, ?) RETURNING id")
        .params(facility, name, LocalDateTime.now())
        .query(Long.class)
        .single();
  }

  /** Creates an account through the module's facade. */
  public static String account(
      Accounts accounts, long staffId, boolean demo, Role role, ScopeKind scope) {
    String username = uniqueName(role.name().toLowerCase().replace('_', '-'));
    accounts.create(
        new Accounts.NewAccount(username, PASSWORD, staffId, Set.of(role), scope, demo));
    return username;
  }
}

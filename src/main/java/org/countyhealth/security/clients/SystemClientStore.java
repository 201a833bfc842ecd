package org.countyhealth.security.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.security.SystemClients.ClientSummary;
import org.countyhealth.security.rules.PublicKeySet;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The system clients and their tokens (only hashes are stored). */
@Repository
class SystemClientStore {

  /** A client with what authentication needs: a secret's hash, a JWK set, or both. */
  record StoredClient(ClientSummary summary, String secretHash, String jwks) {}

  /** The client of a token and the privileges the token carries. */
  record TokenOwner(ClientSummary client, Set<Privilege> privileges) {}

  private static final String COLUMNS =
      "c.id, c.client_id, c.name, c.facility_code, c.privileges, c.created_at, c.created_by,"
          + " c.revoked_at, c.secret_hash, c.jwks";

  private final JdbcClient jdbc;

  SystemClientStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      String clientId,
      String name,
      String facilityCode,
      String secretHash,
      String jwks,
      Set<Privilege> privileges,
      String createdBy,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO security.system_client (client_id, name, facility_code, secret_hash,"
                + " jwks, privileges, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            clientId, name, facilityCode, secretHash, jwks, names(privileges), utc(now), createdBy)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  Optional<StoredClient> byClientId(String clientId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security.system_client c WHERE c.client_id = ?")
        .param(clientId)
        .query(SystemClientStore::map)
        .optional();
  }

  Optional<StoredClient> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security.system_client c WHERE c.id = ?")
        .param(id)
        .query(SystemClientStore::map)
        .optional();
  }

  List<ClientSummary> inScope(DataScope scope) {
    List<StoredClient> all =
        jdbc.sql("SELECT " + COLUMNS + " FROM security.system_client c ORDER BY c.id DESC")
            .query(SystemClientStore::map)
            .list();
    return all.stream()
        .map(StoredClient::summary)
        .filter(c -> scope.includes(c.facilityCode()))
        .toList();
  }

  void revoke(long id, String by, Instant now) {
    jdbc.sql(
            "UPDATE security.system_client SET revoked_at = ?, revoked_by = ? WHERE id = ? AND"
                + " revoked_at IS NULL")
        .params(utc(now), by, id)
        .update();
    jdbc.sql("DELETE FROM security.system_token WHERE client = ?").param(id).update();
  }

  void insertToken(
      String tokenHash, long client, Set<Privilege> privileges, Instant issued, Instant expires) {
    jdbc.sql(
            "INSERT INTO security.system_token (token_hash, client, privileges, issued_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?)")
        .params(tokenHash, client, names(privileges), utc(issued), utc(expires))
        .update();
  }

  /**
   * The unrevoked client holding a token that has not expired at {@code now}, with the token's
   * privileges (those of the client when the token was not narrowed by a scope).
   */
  Optional<TokenOwner> byToken(String tokenHash, Instant now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", t.privileges AS token_privileges FROM security.system_token t JOIN"
                + " security.system_client c ON c.id = t.client WHERE t.token_hash = ? AND"
                + " t.expires_at > ? AND c.revoked_at IS NULL")
        .params(tokenHash, utc(now))
        .query(
            (rs, row) -> {
              ClientSummary client = map(rs, row).summary();
              String narrowed = rs.getString("token_privileges");
              Set<Privilege> privileges =
                  narrowed == null ? EnumSet.copyOf(client.privileges()) : privileges(narrowed);
              privileges.retainAll(client.privileges());
              return new TokenOwner(client, privileges);
            })
        .optional();
  }

  int deleteExpiredTokens(Instant now) {
    jdbc.sql("DELETE FROM security.client_assertion_jti WHERE expires_at <= ?")
        .param(utc(now))
        .update();
    return jdbc.sql("DELETE FROM security.system_token WHERE expires_at <= ?")
        .param(utc(now))
        .update();
  }

  /**
   * Records a client assertion's jti until it expires; false when the client already used it and it
   * has not expired (a replay). Two concurrent uses: the primary key refuses the second.
   */
  boolean firstUseOfJti(long client, String jti, Instant expires, Instant now) {
    boolean used =
        jdbc.sql(
                    "SELECT COUNT(*) FROM security.client_assertion_jti WHERE client = ? AND jti = ?"
                        + " AND expires_at > ?")
                .params(client, jti, utc(now))
                .query(Long.class)
                .single()
            > 0;
    if (used) {
      return false;
    }
    jdbc.sql("DELETE FROM security.client_assertion_jti WHERE client = ? AND jti = ?")
        .params(client, jti)
        .update();
    try {
      jdbc.sql(
              "INSERT INTO security.client_assertion_jti (client, jti, expires_at) VALUES (?, ?, ?)")
          .params(client, jti, utc(expires))
          .update();
    } catch (DuplicateKeyException e) {
      // The same assertion presented twice at once; the refusal rolls the transaction back.
      return false;
    }
    return true;
  }

  void replaceJwks(long id, String jwks) {
    jdbc.sql("UPDATE security.system_client SET jwks = ? WHERE id = ?").params(jwks, id).update();
  }

  private static String names(Set<Privilege> privileges) {
    return privileges == null
        ? null
        : privileges.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static Set<Privilege> privileges(String names) {
    Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
    Arrays.stream(names.split(","))
        .filter(p -> !p.isBlank())
        .forEach(p -> privileges.add(Privilege.valueOf(p)));
    return privileges;
  }

  private static StoredClient map(ResultSet rs, int row) throws SQLException {
    Set<Privilege> privileges = privileges(rs.getString("privileges"));
    return new StoredClient(
        new ClientSummary(
            rs.getLong("id"),
            rs.getString("client_id"),
            rs.getString("name"),
            rs.getString("facility_code"),
            privileges,
            instant(rs.getTimestamp("created_at")),
            rs.getString("created_by"),
            instant(rs.getTimestamp("revoked_at")),
            rs.getString("secret_hash") != null,
            keyIds(rs.getString("jwks"))),
        rs.getString("secret_hash"),
        rs.getString("jwks"));
  }

  /** Stored sets were validated when registered; an unreadable one lists no keys. */
  private static List<String> keyIds(String jwks) {
    if (jwks == null) {
      return List.of();
    }
    try {
      return PublicKeySet.parse(jwks).kids();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}

package org.countyhealth.audit.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The audit hash chain: each row's hash is SHA-256 over the previous row's hash and the canonical
 * form of its own content, so that changing, removing or reordering a row breaks every later link
 * (000_65944b5c5b97f013.txt line 1899: audit records must be unmodifiable).
 */
public final class HashChain {

  /** Previous hash of the very first row, before any purge. */
  public static final String GENESIS = "0".repeat(64);

  // MessageDigest.getInstance looks the provider up on every call: a digest per thread keeps
  // verification of a million rows fast.
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
            }
          });

  private HashChain() {}

  /**
   * Fixed field order, explicit nulls, each value prefixed by its length so that no value can
   * imitate a field boundary.
   */
  public static String canonical(AuditEntry e) {
    StringBuilder s = new StringBuilder(256);
    field(s, "id", Long.toString(e.id()));
    field(s, "occurredAt", utcMicros(e.occurredAt()));
    field(s, "actorUsername", e.actorUsername());
    field(s, "actorAccountId", e.actorAccountId() == null ? null : e.actorAccountId().toString());
    field(s, "facilityCode", e.facilityCode());
    field(s, "action", e.action());
    field(s, "objectType", e.objectType());
    field(s, "objectId", e.objectId());
    field(s, "result", e.result());
    field(s, "httpMethod", e.httpMethod());
    field(s, "path", e.path());
    field(s, "statusCode", e.statusCode() == null ? null : e.statusCode().toString());
    field(s, "clientAddress", e.clientAddress());
    field(s, "correlationId", e.correlationId());
    return s.toString();
  }

  /** {@code 2026-11-22T08:00:00.123456Z}: ISO 8601 in UTC, always six fraction digits. */
  static String utcMicros(Instant t) {
    LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    StringBuilder s = new StringBuilder(27);
    pad(s, d.getYear(), 4).append('-');
    pad(s, d.getMonthValue(), 2).append('-');
    pad(s, d.getDayOfMonth(), 2).append('T');
    pad(s, d.getHour(), 2).append(':');
    pad(s, d.getMinute(), 2).append(':');
    pad(s, d.getSecond(), 2).append('.');
    pad(s, d.getNano() / 1000, 6).append('Z');
    return s.toString();
  }

  private static StringBuilder pad(StringBuilder s, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(digits);
  }

  private static void field(StringBuilder s, String name, String value) {
    s.append(name).append('=');
    if (value == null) {
      s.append("null");
    } else {
      s.append(value.length()).append(':').append(value);
    }
    s.append('\n');
  }

  /** The hash of an entry that follows {@code previousHash}, as 64 lower-case hex digits. */
  public static String hash(String previousHash, AuditEntry entry) {
    Objects.requireNonNull(previousHash, "previousHash");
    MessageDigest sha = SHA256.get();
    sha.reset();
    sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) '\n');
    sha.update(canonical(entry).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Whether a stored row's hash still matches its previous hash and content. */
  public static boolean contentMatches(Link link) {
    return hash(link.previousHash(), link.entry()).equals(link.hash());
  }

  /** A stored row: its content and the two hashes written with it. */
  public record Link(AuditEntry entry, String previousHash, String hash) {}

  /** Why a link is broken. */
  public enum Break {
    /** The row's content no longer matches its own hash: it was changed. */
    CONTENT_CHANGED,
    /** The row does not follow the row before it: a row was removed, inserted or reordered. */
    LINK_BROKEN,
    /** The last row is not the one the chain head recorded: rows at the end were removed. */
    TAIL_MISSING
  }

  /** Outcome of a verification: {@code firstBrokenId} and {@code reason} are null when ok. */
  public record Verdict(boolean ok, long checkedRows, Long firstBrokenId, Break reason) {}

  /** Starts a verification whose first row must follow {@code anchorHash}. */
  public static Verifier from(String anchorHash) {
    return new Verifier(anchorHash);
  }

  /** Verifies a sequence of rows in chain order; stops at the first broken one. */
  public static Verdict verify(String anchorHash, Iterable<Link> links) {
    Verifier verifier = from(anchorHash);
    for (Link link : links) {
      if (!verifier.accept(link)) {
        break;
      }
    }
    return verifier.verdict();
  }

  /**
   * Checks rows one at a time, so that a table of millions is verified in batches without holding
   * it in memory.
   */
  public static final class Verifier {
    private String expectedPrevious;
    private long checked;
    private Long brokenId;
    private Break reason;

    private Verifier(String anchorHash) {
      this.expectedPrevious = Objects.requireNonNull(anchorHash, "anchorHash");
    }

    /** Returns false once the chain is broken; later rows are then ignored. */
    public boolean accept(Link link) {
      return accept(link, contentMatches(link));
    }

    /**
     * As {@link #accept(Link)} with the content check done beforehand: a row's own hash depends
     * only on the row, so a batch can be checked in parallel and the links then in order.
     */
    public boolean accept(Link link, boolean contentMatches) {
      if (brokenId != null) {
        return false;
      }
      checked++;
      if (!expectedPrevious.equals(link.previousHash())) {
        return fail(link.entry().id(), Break.LINK_BROKEN);
      }
      if (!contentMatches) {
        return fail(link.entry().id(), Break.CONTENT_CHANGED);
      }
      expectedPrevious = link.hash();
      return true;
    }

    /**
     * Compares the end of the verified chain with the head recorded by the writer; {@code
     * headLastId} is the id to blame when they differ.
     */
    public void expectTail(String headHash, long headLastId) {
      if (brokenId == null && !expectedPrevious.equals(headHash)) {
        fail(headLastId, Break.TAIL_MISSING);
      }
    }

    private boolean fail(long id, Break why) {
      brokenId = id;
      reason = why;
      return false;
    }

    public String lastHash() {
      return expectedPrevious;
    }

    public Verdict verdict() {
      return new Verdict(brokenId == null, checked, brokenId, reason);
    }
  }
}

package org.countyhealth.audit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.countyhealth.audit.rules.HashChain.Break;
import org.countyhealth.audit.rules.HashChain.Link;
import org.countyhealth.audit.rules.HashChain.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HashChainTest {

  static final Instant T0 = Instant.parse("2026-11-22T08:00:00.123456789Z");

  static AuditEntry entry(long id) {
    return new AuditEntry(
        id,
        T0.plusSeconds(id),
        "doctor" + id,
        id,
        "PDY00001-X",
        "POST /facilities",
        "Facility",
        "F" + id,
        "SUCCESS",
        "POST",
        "/facilities",
        201,
        "10.0.0.1",
        "corr-" + id);
  }

  static List<Link> chain(String anchor, int size) {
    List<Link> links = new ArrayList<>();
    String previous = anchor;
    for (long id = 1; id <= size; id++) {
      AuditEntry e = entry(id);
      String hash = HashChain.hash(previous, e);
      links.add(new Link(e, previous, hash));
      previous = hash;
    }
    return links;
  }

  @Test
  void untouchedChainVerifies() {
    Verdict verdict = HashChain.verify(HashChain.GENESIS, chain(HashChain.GENESIS, 10));
    assertThat(verdict).isEqualTo(new Verdict(true, 10, null, null));
  }

  @Test
  void emptyChainVerifies() {
    assertThat(HashChain.verify(HashChain.GENESIS, List.of()).ok()).isTrue();
  }

  @Test
  void hashIsStableAcrossCallsAndSubMicrosecondDigits() {
    AuditEntry a = entry(1);
    AuditEntry b =
        new AuditEntry(
            1,
            Instant.parse("2026-11-22T08:00:01.123456Z"),
            "doctor1",
            1L,
            "PDY00001-X",
            "POST /facilities",
            "Facility",
            "F1",
            "SUCCESS",
            "POST",
            "/facilities",
            201,
            "10.0.0.1",
            "corr-1");
    assertThat(HashChain.hash(HashChain.GENESIS, a))
        .isEqualTo(HashChain.hash(HashChain.GENESIS, b));
    assertThat(HashChain.hash(HashChain.GENESIS, a)).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(HashChain.canonical(a)).contains("occurredAt=27:2026-11-22T08:00:01.123456Z");
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "2026-11-22T08:00:00.000001Z",
        "2026-02-28T23:59:59.999999999Z",
        "2099-12-31T05:06:07.1Z"
      })
  void timestampsAreIsoUtcWithSixFractionDigits(String instant) {
    Instant t = Instant.parse(instant);
    String expected =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(t);
    assertThat(HashChain.utcMicros(t)).isEqualTo(expected).hasSize(27);
  }

  @Test
  void nullAndTheWordNullDiffer() {
    AuditEntry withNull = withObjectId(entry(1), null);
    AuditEntry withWord = withObjectId(entry(1), "null");
    assertThat(HashChain.canonical(withNull)).isNotEqualTo(HashChain.canonical(withWord));
  }

  @Test
  void valuesCannotImitateFieldBoundaries() {
    AuditEntry a = withObjectId(entry(1), "X\nresult=7:SUCCESS");
    AuditEntry b = withObjectId(entry(1), "X");
    assertThat(HashChain.hash("a", a)).isNotEqualTo(HashChain.hash("a", b));
  }

  static Stream<Arguments> tamperings() {
    return Stream.<Arguments>of(
        Arguments.of("actor", (UnaryOperator<AuditEntry>) e -> copy(e, "intruder", e.result())),
        Arguments.of(
            "result", (UnaryOperator<AuditEntry>) e -> copy(e, e.actorUsername(), "FAILED")),
        Arguments.of("object id", (UnaryOperator<AuditEntry>) e -> withObjectId(e, "F999")),
        Arguments.of("object id removed", (UnaryOperator<AuditEntry>) e -> withObjectId(e, null)),
        Arguments.of(
            "time",
            (UnaryOperator<AuditEntry>)
                e ->
                    new AuditEntry(
                        e.id(),
                        e.occurredAt().plusNanos(1000),
                        e.actorUsername(),
                        e.actorAccountId(),
                        e.facilityCode(),
                        e.action(),
                        e.objectType(),
                        e.objectId(),
                        e.result(),
                        e.httpMethod(),
                        e.path(),
                        e.statusCode(),
                        e.clientAddress(),
                        e.correlationId())));
  }

  @ParameterizedTest(name = "changed {0} is found at that row")
  @MethodSource("tamperings")
  void tamperedContentBreaksAtThatRow(String what, UnaryOperator<AuditEntry> change) {
    List<Link> links = chain(HashChain.GENESIS, 6);
    Link fourth = links.get(3);
    links.set(3, new Link(change.apply(fourth.entry()), fourth.previousHash(), fourth.hash()));
    Verdict verdict = HashChain.verify(HashChain.GENESIS, links);
    assertThat(verdict).isEqualTo(new Verdict(false, 4, 4L, Break.CONTENT_CHANGED));
  }

  @Test
  void rehashedTamperedRowBreaksTheNextLink() {
    List<Link> links = chain(HashChain.GENESIS, 6);
    Link third = links.get(2);
    AuditEntry changed = withObjectId(third.entry(), "F999");
    links.set(
        2, new Link(changed, third.previousHash(), HashChain.hash(third.previousHash(), changed)));
    Verdict verdict = HashChain.verify(HashChain.GENESIS, links);
    assertThat(verdict).isEqualTo(new Verdict(false, 4, 4L, Break.LINK_BROKEN));
  }

  @ParameterizedTest(name = "removing row {0} breaks at row {1}")
  @MethodSource("removals")
  void removedRowBreaksTheFollowingLink(int removedId, long brokenId) {
    List<Link> links = chain(HashChain.GENESIS, 6);
    links.remove(removedId - 1);
    Verdict verdict = HashChain.verify(HashChain.GENESIS, links);
    assertThat(verdict.ok()).isFalse();
    assertThat(verdict.firstBrokenId()).isEqualTo(brokenId);
    assertThat(verdict.reason()).isEqualTo(Break.LINK_BROKEN);
  }

  static Stream<Arguments> removals() {
    return Stream.of(Arguments.of(1, 2L), Arguments.of(3, 4L), Arguments.of(5, 6L));
  }

  @Test
  void reorderedRowsBreak() {
    List<Link> links = chain(HashChain.GENESIS, 6);
    Collections.swap(links, 2, 3);
    Verdict verdict = HashChain.verify(HashChain.GENESIS, links);
    assertThat(verdict).isEqualTo(new Verdict(false, 3, 4L, Break.LINK_BROKEN));
  }

  @Test
  void removedLastRowIsFoundAgainstTheHead() {
    List<Link> links = chain(HashChain.GENESIS, 6);
    String headHash = links.get(5).hash();
    links.remove(5);
    HashChain.Verifier verifier = HashChain.from(HashChain.GENESIS);
    links.forEach(verifier::accept);
    verifier.expectTail(headHash, 6);
    assertThat(verifier.verdict()).isEqualTo(new Verdict(false, 5, 6L, Break.TAIL_MISSING));
  }

  @Test
  void chainAfterPurgeVerifiesFromItsAnchor() {
    List<Link> links = chain(HashChain.GENESIS, 10);
    String anchor = links.get(3).hash();
    List<Link> remaining = links.subList(4, 10);
    assertThat(HashChain.verify(anchor, remaining).ok()).isTrue();
    Verdict fromGenesis = HashChain.verify(HashChain.GENESIS, remaining);
    assertThat(fromGenesis.firstBrokenId()).isEqualTo(5L);
  }

  static AuditEntry withObjectId(AuditEntry e, String objectId) {
    return new AuditEntry(
        e.id(),
        e.occurredAt(),
        e.actorUsername(),
        e.actorAccountId(),
        e.facilityCode(),
        e.action(),
        e.objectType(),
        objectId,
        e.result(),
        e.httpMethod(),
        e.path(),
        e.statusCode(),
        e.clientAddress(),
        e.correlationId());
  }

  static AuditEntry copy(AuditEntry e, String actor, String result) {
    return new AuditEntry(
        e.id(),
        e.occurredAt(),
        actor,
        e.actorAccountId(),
        e.facilityCode(),
        e.action(),
        e.objectType(),
        e.objectId(),
        result,
        e.httpMethod(),
        e.path(),
        e.statusCode(),
        e.clientAddress(),
        e.correlationId());
  }
}

package org.countyhealth.residents.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.residents.rules.MatchRecord;

/** The blocks of one batch in memory: fetched candidates plus the batch's own new records. */
final class CandidateIndex {

  private final Map<String, List<Candidate>> byNameKey = new HashMap<>();
  private final Map<String, List<Candidate>> byBirthKey = new HashMap<>();
  private final Map<String, List<Candidate>> byPhone = new HashMap<>();

  CandidateIndex(List<Candidate> candidates) {
    candidates.forEach(this::add);
  }

  void add(Candidate c) {
    MatchRecord r = c.record();
    byNameKey.computeIfAbsent(r.nameKey(), k -> new ArrayList<>()).add(c);
    byBirthKey.computeIfAbsent(r.birthKey(), k -> new ArrayList<>()).add(c);
    if (r.phone() != null && !r.phone().isEmpty()) {
      byPhone.computeIfAbsent(r.phone(), k -> new ArrayList<>()).add(c);
    }
  }

  /** Every candidate sharing a blocking key with the record, each once. */
  List<Candidate> lookup(MatchRecord r) {
    Map<Long, Candidate> found = new LinkedHashMap<>();
    byNameKey.getOrDefault(r.nameKey(), List.of()).forEach(c -> found.putIfAbsent(c.ref(), c));
    byBirthKey.getOrDefault(r.birthKey(), List.of()).forEach(c -> found.putIfAbsent(c.ref(), c));
    if (r.phone() != null && !r.phone().isEmpty()) {
      byPhone.getOrDefault(r.phone(), List.of()).forEach(c -> found.putIfAbsent(c.ref(), c));
    }
    return new ArrayList<>(found.values());
  }
}

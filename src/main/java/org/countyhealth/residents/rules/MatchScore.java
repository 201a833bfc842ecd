package org.countyhealth.residents.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The total Fellegi–Sunter weight of a pair and its field scores (why the decision was taken). */
public record MatchScore(double total, List<FieldScore> fields) {

  public MatchScore {
    fields = List.copyOf(fields);
  }

  /** A pair that cannot be one person (two different identity card numbers). */
  public static MatchScore impossible() {
    return new MatchScore(
        Double.NEGATIVE_INFINITY, List.of(new FieldScore("idCard", "DIFFERENT", -99)));
  }

  public boolean possible() {
    return total != Double.NEGATIVE_INFINITY;
  }

  /** Field scores as stored with the decision: "name=HOMOPHONE:+4.6 birthDate=EXACT:+14.9 …". */
  public String describe() {
    return fields.stream().map(FieldScore::toString).collect(Collectors.joining(" "));
  }
}

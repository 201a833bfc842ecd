package org.countyhealth.referral.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Nearest capable facility first: among the active facilities able to take the patient, the one
 * with the fewest steps in the consortium tree. A farther one needs a stated reason (the patient's
 * wish, line 534).
 */
public final class NearestCapable {

  /** A possible receiver: distance in tree steps, whether it can take the patient. */
  public record Candidate(String code, int distance, boolean capable, boolean active) {}

  private NearestCapable() {}

  // 000_65944b5c5b97f013.txt line 536: 就近转诊原则：根据病人病情和医疗服务可及性，就近转诊病人。
  public static Optional<Candidate> choose(List<Candidate> candidates) {
    return candidates.stream()
        .filter(c -> c.capable() && c.active())
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::code));
  }

  /** Whether choosing {@code code} needs a reason, because a nearer capable facility exists. */
  public static boolean needsReason(String code, List<Candidate> candidates) {
    int chosen =
        candidates.stream()
            .filter(c -> c.code().equals(code))
            .mapToInt(Candidate::distance)
            .findFirst()
            .orElse(Integer.MAX_VALUE);
    return choose(candidates).map(best -> best.distance() < chosen).orElse(false);
  }

  /**
   * Steps between two facilities given each one's chain of ancestors (itself first). Unrelated
   * facilities (partners outside) count as far away.
   */
  public static int distance(List<String> fromChain, List<String> toChain) {
    for (int i = 0; i < fromChain.size(); i++) {
      int j = toChain.indexOf(fromChain.get(i));
      if (j >= 0) {
        return i + j;
      }
    }
    return 100;
  }
}

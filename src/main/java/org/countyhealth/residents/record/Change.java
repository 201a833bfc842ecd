package org.countyhealth.residents.record;

import java.time.LocalDateTime;

/** One corrected field: the earlier value is kept, with who changed it, when and why. */
public record Change(
    long entityId,
    String field,
    String fieldLabel,
    String oldValue,
    String newValue,
    String reason,
    String changedBy,
    LocalDateTime changedAt) {}

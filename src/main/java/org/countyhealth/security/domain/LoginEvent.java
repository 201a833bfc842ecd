package org.countyhealth.security.domain;

import java.time.Instant;

/** One line of the login history. */
public record LoginEvent(
    Instant occurredAt,
    String username,
    boolean success,
    LoginOutcome reason,
    String clientAddress) {}

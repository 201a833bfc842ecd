package org.countyhealth.demo;

import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;

/** One demo sign-in, printed at start-up. */
record DemoAccount(String username, Role role, ScopeKind scope, String facilityName) {}

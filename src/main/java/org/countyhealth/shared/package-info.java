/**
 * Value types and cross-cutting contracts every module may use: the acting user, data scope, stable
 * error codes, correlation ids. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared kernel",
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.countyhealth.shared;

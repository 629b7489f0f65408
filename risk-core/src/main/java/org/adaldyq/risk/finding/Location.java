package org.adaldyq.risk.finding;

/**
 * Where a finding points: a provision of a legal text, or a contracting process / party of an OCDS dataset.
 */
public sealed interface Location permits ProvisionLocation, ProcessLocation {
}

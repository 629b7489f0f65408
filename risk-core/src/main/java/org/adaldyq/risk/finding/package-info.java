/** The finding model shared by the regulation and procurement engines. */
package org.adaldyq.risk.finding;

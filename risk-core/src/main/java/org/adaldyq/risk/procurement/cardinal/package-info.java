/**
 * Compatibility with OCP's Cardinal: its INI settings file ({@link org.adaldyq.risk.procurement.settings.Settings}),
 * the commented default file {@code init} writes, its {@code indicators} JSON object
 * ({@link org.adaldyq.risk.procurement.cardinal.CardinalJson}) and its {@code coverage} counts
 * ({@link org.adaldyq.risk.procurement.cardinal.Coverage}).
 */
package org.adaldyq.risk.procurement.cardinal;

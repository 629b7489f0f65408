/** Loading and compiling rule sets (Drools knowledge bases): built-in packs and author folders. */
package org.adaldyq.risk.rules;

/** Languages, language detection and Kazakh text normalisation. */
package org.adaldyq.risk.lang;

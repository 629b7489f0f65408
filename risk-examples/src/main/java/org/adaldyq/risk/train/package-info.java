/**
 * Training the factor models from labelled provisions (the {@code train} command): features from the
 * library's own analysis ({@link org.adaldyq.risk.signal.SignalFeatures}), L1-regularised logistic
 * regression (liblinear-java), thresholds chosen on the dev split. Deterministic: the same data gives
 * the same model files, byte for byte.
 */
package org.adaldyq.risk.train;

/**
 * CROHME-style evaluation: datasets in, metrics and reports out.
 */
package org.inkmath.eval;

/**
 * The recognizer: ink and images in, LaTeX tokens out.
 */
package org.inkmath.recognizer;

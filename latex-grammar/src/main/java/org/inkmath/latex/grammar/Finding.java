package org.inkmath.latex.grammar;

/**
 * An error before it is placed in the source: the token it is about, the token at which it
 * was found (an unclosed brace is found at the end), and its message.
 */
record Finding(int subject, int foundAt, String message) {
}

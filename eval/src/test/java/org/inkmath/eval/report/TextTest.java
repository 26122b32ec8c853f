package org.inkmath.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void markdownCodeSpansAreSafeInTables() {
        assertEquals("`\\frac`", Text.code("\\frac"));
        assertEquals("`\\|`", Text.code("|"), "a pipe would end the cell");
        assertEquals("∅", Text.code(""));
        assertEquals("`` ` ``", Text.code("`"));
    }

    @Test
    void htmlEscapesMarkupQuotesAndControlCharacters() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", Text.html("<b> & \"x\" 'y'"));
        assertEquals("a\uFFFDb", Text.html("a\u0001b"));
    }

    @Test
    void numbersAreFormattedTheSameEverywhere() {
        assertEquals("58.38", Text.percent(58.375000001));
        assertEquals("+8.33", Text.delta(8.3333));
        assertEquals("0.00", Text.delta(-0.0001));
        assertEquals("10,040", Text.count(10040));
    }
}

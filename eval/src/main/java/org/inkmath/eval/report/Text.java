package org.inkmath.eval.report;

import java.util.Locale;

/** Formatting shared by the Markdown and HTML writers. */
final class Text {

    private Text() {
    }

    /** A percentage with two decimals: {@code 58.22}. */
    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A signed difference with two decimals: {@code +1.25}, {@code -0.40}, {@code 0.00}. */
    static String delta(double value) {
        String s = String.format(Locale.ROOT, "%+.2f", value);
        return s.equals("+0.00") || s.equals("-0.00") ? "0.00" : s;
    }

    /** A count with thousands separators: {@code 8,835}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * Text as a Markdown code span that is safe inside a table cell: {@code |} escaped, a span
     * long enough to hold backticks, and {@code ∅} for nothing.
     */
    static String code(String text) {
        if (text.isEmpty()) {
            return "∅";
        }
        String fence = text.contains("`") ? "``" : "`";
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text.replace("|", "\\|").replace("\n", " ") + pad + fence;
    }

    /** Plain text safe inside a Markdown table cell. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Text safe in HTML content and attribute values. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab and newline are not allowed in HTML text
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

package org.inkmath.recognizer.ink;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the text of one InkML {@code <trace>}: points separated by commas, values by white space
 * (or by nothing when a sign or prefix starts the next value). Values may carry the InkML
 * prefixes {@code !} (explicit), {@code '} (first difference) and {@code "} (second difference);
 * a prefix sets the mode of its channel for the following points too, as the InkML spec says.
 */
final class TraceParser {

    private TraceParser() {
    }

    /**
     * @param channels        upper-case channel names, or null when the document has no trace format
     */
    static Stroke parse(String text, List<String> channels, String traceName, String source)
            throws InkFormatException {
        int xIndex = 0, yIndex = 1, tIndex = -1, maxValues = 3, minValues = 2;
        if (channels != null) {
            xIndex = channels.indexOf("X");
            yIndex = channels.indexOf("Y");
            tIndex = channels.indexOf("T");
            if (xIndex < 0 || yIndex < 0) {
                throw new InkFormatException(source, "the trace format has no X and Y channels: " + channels);
            }
            maxValues = channels.size();
            // Values up to X and Y are required; later channels may be missing (several MfrDB files
            // declare an "F" channel that no point carries; a missing T leaves the time absent).
            minValues = Math.max(xIndex, yIndex) + 1;
        }
        String[] pointTexts = text.split(",", -1);
        List<InkPoint> points = new ArrayList<>(pointTexts.length);
        double[] previous = new double[maxValues];
        double[] velocity = new double[maxValues];
        char[] mode = new char[maxValues];
        java.util.Arrays.fill(mode, '!');
        double[] values = new double[maxValues];
        char[] prefixes = new char[maxValues];
        for (int pi = 0; pi < pointTexts.length; pi++) {
            String pt = pointTexts[pi];
            if (pt.isBlank()) {
                if (pi == pointTexts.length - 1 && pi > 0) {
                    break; // a trailing comma
                }
                if (pointTexts.length == 1) {
                    throw new InkFormatException(source, traceName + " has no points");
                }
                throw new InkFormatException(source, traceName + ", point " + (pi + 1) + " is empty");
            }
            int n = splitValues(pt, values, prefixes, traceName, pi, source);
            if (channels == null && pi == 0) {
                // no trace format: x y, or x y t
                tIndex = n >= 3 ? 2 : -1;
                minValues = n;
            }
            if (n < minValues || n > maxValues) {
                throw new InkFormatException(source, traceName + ", point " + (pi + 1) + " has " + n + " values, expected "
                        + (minValues == maxValues ? Integer.toString(minValues) : minValues + " to " + maxValues)
                        + (channels == null ? "" : " (channels " + String.join(" ", channels) + ")"));
            }
            for (int c = 0; c < n; c++) {
                if (prefixes[c] != 0) {
                    mode[c] = prefixes[c];
                }
                double v;
                if (pi == 0 || mode[c] == '!') {
                    v = values[c];
                    velocity[c] = 0;
                } else if (mode[c] == '\'') {
                    velocity[c] = values[c];
                    v = previous[c] + values[c];
                } else {
                    velocity[c] = velocity[c] + values[c];
                    v = previous[c] + velocity[c];
                }
                previous[c] = v;
            }
            double t = tIndex >= 0 && tIndex < n ? previous[tIndex] : Double.NaN;
            points.add(new InkPoint(previous[xIndex], previous[yIndex], t));
        }
        if (points.isEmpty()) {
            throw new InkFormatException(source, traceName + " has no points");
        }
        return new Stroke(points);
    }

    /** Splits one point into values; returns how many. Throws on text that is not a number. */
    private static int splitValues(String pt, double[] values, char[] prefixes, String traceName, int pi, String source)
            throws InkFormatException {
        int n = 0;
        int i = 0;
        int len = pt.length();
        while (i < len) {
            char ch = pt.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            char prefix = 0;
            if (ch == '!' || ch == '\'' || ch == '"') {
                prefix = ch;
                i++;
                while (i < len && Character.isWhitespace(pt.charAt(i))) {
                    i++;
                }
            }
            int start = i;
            if (i < len && (pt.charAt(i) == '-' || pt.charAt(i) == '+')) {
                i++;
            }
            boolean digits = false;
            while (i < len && Character.isDigit(pt.charAt(i))) {
                i++;
                digits = true;
            }
            if (i < len && pt.charAt(i) == '.') {
                i++;
                while (i < len && Character.isDigit(pt.charAt(i))) {
                    i++;
                    digits = true;
                }
            }
            if (digits && i < len && (pt.charAt(i) == 'e' || pt.charAt(i) == 'E')) {
                int save = i;
                i++;
                if (i < len && (pt.charAt(i) == '-' || pt.charAt(i) == '+')) {
                    i++;
                }
                int expStart = i;
                while (i < len && Character.isDigit(pt.charAt(i))) {
                    i++;
                }
                if (i == expStart) {
                    i = save;
                }
            }
            if (!digits || (i < len && !isSeparator(pt.charAt(i)))) {
                int end = i;
                while (end < len && !Character.isWhitespace(pt.charAt(end))) {
                    end++;
                }
                String bad = pt.substring(start, Math.max(end, Math.min(start + 1, len)));
                throw new InkFormatException(source, traceName + ", point " + (pi + 1) + ": '"
                        + (bad.length() > 40 ? bad.substring(0, 40) + "..." : bad) + "' is not a number");
            }
            if (n >= values.length) {
                n++; // more values than channels: counted for the error message, not stored
                continue;
            }
            values[n] = Double.parseDouble(pt.substring(start, i));
            prefixes[n] = prefix;
            n++;
        }
        return n;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '+' || c == '!' || c == '\'' || c == '"';
    }
}

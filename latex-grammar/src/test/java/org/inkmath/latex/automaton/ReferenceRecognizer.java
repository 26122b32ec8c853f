package org.inkmath.latex.automaton;

import java.util.List;
import java.util.Set;

import org.inkmath.latex.Vocabulary;

/**
 * A test oracle written straight from the grammar of GRAMMAR.md as recursive descent, independent
 * of the automaton's tables, over the CROHME vocabulary. Only for comparing with the automaton.
 */
final class ReferenceRecognizer {

    private static final Set<String> FUNCTIONS = Set.of("\\sin", "\\cos", "\\tan", "\\log");
    private static final Set<String> BIG_OPERATORS = Set.of("\\sum", "\\int", "\\lim");
    private static final Set<String> STRUCTURE = Set.of("{", "}", "^", "_", "\\frac", "\\sqrt", "\\limits", "[", "]");
    private static final Set<String> SPECIAL = Set.of("<pad>", "<sos>", "<eos>");

    private final boolean canonical;
    private List<String> tokens;
    private int p;

    ReferenceRecognizer(boolean canonical) {
        this.canonical = canonical;
    }

    boolean accepts(List<String> input) {
        Vocabulary vocabulary = Vocabulary.crohme();
        for (String t : input) {
            if (!vocabulary.contains(t) || SPECIAL.contains(t)) {
                return false;
            }
        }
        tokens = input;
        p = 0;
        try {
            int items = row(false);
            return p == tokens.size() && (!canonical || items > 0);
        } catch (Reject e) {
            return false;
        }
    }

    private static final class Reject extends Exception {
        private static final long serialVersionUID = 1L;

        Reject() {
            super(null, null, false, false);
        }
    }

    private String peek() {
        return p < tokens.size() ? tokens.get(p) : null;
    }

    private void expect(String token) throws Reject {
        if (!token.equals(peek())) {
            throw new Reject();
        }
        p++;
    }

    /** A plain symbol: not structure, not a function or big operator; ']' inside an index is not one. */
    private boolean isSymbol(String t, boolean inIndex) {
        if (t == null) {
            return false;
        }
        if (t.equals("[")) {
            return true;
        }
        if (t.equals("]")) {
            return !inIndex;
        }
        return !STRUCTURE.contains(t) && !FUNCTIONS.contains(t) && !BIG_OPERATORS.contains(t);
    }

    private boolean startsItem(String t, boolean inIndex) {
        return t != null && (isSymbol(t, inIndex) || FUNCTIONS.contains(t) || BIG_OPERATORS.contains(t)
                || t.equals("{") || t.equals("\\frac") || t.equals("\\sqrt"));
    }

    /** row : item* ; returns the number of items. */
    private int row(boolean inIndex) throws Reject {
        int items = 0;
        while (startsItem(peek(), inIndex)) {
            item(inIndex);
            items++;
        }
        return items;
    }

    private void item(boolean inIndex) throws Reject {
        atom(inIndex);
        String t = peek();
        if ("^".equals(t) || "_".equals(t)) {
            p++;
            argument(inIndex);
            String other = t.equals("^") ? "_" : "^";
            if (other.equals(peek())) {
                p++;
                argument(inIndex);
            }
        }
    }

    private void atom(boolean inIndex) throws Reject {
        String t = peek();
        if (BIG_OPERATORS.contains(t)) {
            p++;
            if ("\\limits".equals(peek())) {
                p++;
            }
        } else if (FUNCTIONS.contains(t) || isSymbol(t, inIndex)) {
            p++;
        } else if ("{".equals(t)) {
            group();
        } else if ("\\frac".equals(t)) {
            p++;
            argument(inIndex);
            argument(inIndex);
        } else if ("\\sqrt".equals(t)) {
            p++;
            if ("[".equals(peek())) {
                if (inIndex) {
                    throw new Reject(); // the inner ']' would end the outer index
                }
                p++;
                int items = row(true);
                if (canonical && items == 0) {
                    throw new Reject();
                }
                expect("]");
            }
            argument(inIndex);
        } else {
            throw new Reject();
        }
    }

    private void group() throws Reject {
        expect("{");
        int items = row(false);
        if (canonical && items == 0) {
            throw new Reject();
        }
        expect("}");
    }

    private void argument(boolean inIndex) throws Reject {
        String t = peek();
        if ("{".equals(t)) {
            group();
        } else if (!canonical && t != null && (FUNCTIONS.contains(t) || isSymbol(t, inIndex))) {
            p++;
        } else {
            throw new Reject();
        }
    }
}

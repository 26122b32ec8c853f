package org.inkmath.latex.grammar;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;

/**
 * Test oracle: a second, independent reading of GRAMMAR.md, written from its text without
 * ANTLR. Each rule gives every position where the construct starting at a position can end
 * (memoised), so it needs no lookahead decisions and shares no code with the parser. A formula
 * is valid when a row from 0 can end at the last token.
 */
final class GrammarOracle {

    private static final Set<String> STRUCTURE = Set.of("{", "}", "^", "_", "\\frac", "\\sqrt", "\\limits", "[", "]");
    private static final Set<String> FUNCTIONS = Set.of("\\sin", "\\cos", "\\tan", "\\log");
    private static final Set<String> BIG_OPERATORS = Set.of("\\sum", "\\int", "\\lim");
    private static final Set<String> DELIMITERS = Set.of("(", ")", "[", "]", "\\{", "\\}", "|", ".");
    private static final Set<String> ENVIRONMENTS = Set.of("matrix", "pmatrix", "bmatrix", "cases");
    /** The symbol commands: the vocabulary's commands that are not structure, functions or big operators. */
    private static final Set<String> SYMBOL_COMMANDS = Set.copyOf(Vocabulary.crohme().tokens().stream()
            .filter(t -> t.startsWith("\\") && !STRUCTURE.contains(t) && !FUNCTIONS.contains(t)
                    && !BIG_OPERATORS.contains(t))
            .toList());

    private final List<String> tokens;
    private final Map<Long, Set<Integer>> rows = new HashMap<>();

    private GrammarOracle(TokenSequence sequence) {
        this.tokens = sequence.tokens();
    }

    static boolean isValid(TokenSequence sequence) {
        GrammarOracle oracle = new GrammarOracle(sequence);
        return oracle.row(0, false).contains(sequence.size());
    }

    private String at(int i) {
        return i < tokens.size() ? tokens.get(i) : "";
    }

    /** row : item* ; inIndex: inside a root index and not inside braces, where ] is not a symbol. */
    private Set<Integer> row(int start, boolean inIndex) {
        long key = start * 2L + (inIndex ? 1 : 0);
        Set<Integer> known = rows.get(key);
        if (known != null) {
            return known;
        }
        Set<Integer> ends = new TreeSet<>(List.of(start));
        List<Integer> todo = new java.util.ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            int p = todo.remove(todo.size() - 1);
            for (int e : item(p, inIndex)) {
                if (ends.add(e)) {
                    todo.add(e);
                }
            }
        }
        rows.put(key, ends);
        return ends;
    }

    /** item : atom scripts? ; scripts: one subscript and one superscript at most, either order. */
    private Set<Integer> item(int start, boolean inIndex) {
        Set<Integer> ends = new TreeSet<>();
        for (int e : atom(start, inIndex)) {
            ends.add(e);
            for (String first : List.of("_", "^")) {
                if (at(e).equals(first)) {
                    for (int f : argument(e + 1, inIndex)) {
                        ends.add(f);
                        String second = first.equals("_") ? "^" : "_";
                        if (at(f).equals(second)) {
                            ends.addAll(argument(f + 1, inIndex));
                        }
                    }
                }
            }
        }
        return ends;
    }

    private Set<Integer> atom(int i, boolean inIndex) {
        Set<Integer> ends = new TreeSet<>();
        String t = at(i);
        if (isSymbol(t, inIndex) || FUNCTIONS.contains(t)) {
            ends.add(i + 1);
        } else if (BIG_OPERATORS.contains(t)) {
            ends.add(i + 1);
            if (at(i + 1).equals("\\limits")) {
                ends.add(i + 2);
            }
        } else if (t.equals("{")) {
            ends.addAll(group(i));
        } else if (t.equals("\\frac")) {
            for (int e : argument(i + 1, inIndex)) {
                ends.addAll(argument(e, inIndex));
            }
        } else if (t.equals("\\sqrt")) {
            if (at(i + 1).equals("[")) {
                // [ right after \sqrt opens an index; inside an index, only within braces.
                if (!inIndex) {
                    for (int e : row(i + 2, true)) {
                        if (at(e).equals("]")) {
                            ends.addAll(argument(e + 1, false));
                        }
                    }
                }
            } else {
                ends.addAll(argument(i + 1, inIndex));
            }
        } else if (t.equals("\\left") && isDelimiter(at(i + 1), inIndex)) {
            for (int e : row(i + 2, inIndex)) {
                if (at(e).equals("\\right") && isDelimiter(at(e + 1), inIndex)) {
                    ends.add(e + 2);
                }
            }
        } else if (t.startsWith("\\begin{")) {
            ends.addAll(environment(i, inIndex));
        }
        return ends;
    }

    /** environment : BEGIN(name) cells ( \\ cells )* END(name) ; cells : row ( & row )* */
    private Set<Integer> environment(int i, boolean inIndex) {
        String begin = at(i);
        String name = begin.substring("\\begin{".length(), begin.indexOf('}'));
        boolean known = ENVIRONMENTS.contains(name) && begin.equals("\\begin{" + name + "}")
                || name.equals("array") && begin.matches("\\\\begin\\{array\\}\\{[lcr|]+\\}");
        Set<Integer> ends = new TreeSet<>();
        if (!known) {
            return ends;
        }
        Set<Integer> seen = new TreeSet<>();
        List<Integer> starts = new java.util.ArrayList<>(List.of(i + 1));
        while (!starts.isEmpty()) {
            int s = starts.remove(starts.size() - 1);
            if (!seen.add(s)) {
                continue;
            }
            for (int e : row(s, inIndex)) {
                if (at(e).equals("&") || at(e).equals("\\\\")) {
                    starts.add(e + 1);
                } else if (at(e).equals("\\end{" + name + "}")) {
                    ends.add(e + 1);
                }
            }
        }
        return ends;
    }

    /** group : { row } ; inside braces ] is a symbol again. */
    private Set<Integer> group(int i) {
        Set<Integer> ends = new TreeSet<>();
        for (int e : row(i + 1, false)) {
            if (at(e).equals("}")) {
                ends.add(e + 1);
            }
        }
        return ends;
    }

    /** argument : group | symbol | function */
    private Set<Integer> argument(int i, boolean inIndex) {
        String t = at(i);
        if (t.equals("{")) {
            return group(i);
        }
        return isSymbol(t, inIndex) || FUNCTIONS.contains(t) ? Set.of(i + 1) : Set.of();
    }

    private static boolean isSymbol(String t, boolean inIndex) {
        if (t.equals("[")) {
            return true;
        }
        if (t.equals("]")) {
            return !inIndex;
        }
        return t.length() == 1 && (Character.isLetterOrDigit(t.charAt(0)) && t.charAt(0) < 128
                || "!()+,-./<=>|".indexOf(t.charAt(0)) >= 0) || SYMBOL_COMMANDS.contains(t);
    }

    private static boolean isDelimiter(String t, boolean inIndex) {
        return DELIMITERS.contains(t) && !(inIndex && t.equals("]"));
    }
}

package org.inkmath.latex.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.inkmath.latex.LatexToken;
import org.inkmath.latex.LatexToken.Kind;
import org.inkmath.latex.LatexTokenizer;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.tree.MathNode;
import org.inkmath.latex.tree.MathNode.BigOperator;
import org.inkmath.latex.tree.MathNode.Fraction;
import org.inkmath.latex.tree.MathNode.Group;
import org.inkmath.latex.tree.MathNode.Root;
import org.inkmath.latex.tree.MathNode.Row;
import org.inkmath.latex.tree.MathNode.Scripts;
import org.inkmath.latex.tree.MathNode.Symbol;

/**
 * Turns LaTeX as people write it (and as the CROHME InkML truth annotations hold it) into the
 * token sequence of the captions, the canonical form of {@code GRAMMAR.md}.
 *
 * <p>Three steps: (1) the project's lexer cuts the string into tokens and a token pass drops
 * what prints no symbol ({@code $}, spacing, {@code \left}, font and text wrappers) and maps
 * other spellings to the vocabulary's ({@code \lt} to {@code <}, {@code \to} to
 * {@code \rightarrow}, ...); (2) a lenient parser builds a {@link MathNode} tree with TeX's
 * argument rules ({@code x^22} is {@code x^{2}2}, {@code f'} is {@code f^{\prime}}); (3) the
 * tree is written back canonically: every argument of {@code ^ _ \frac \sqrt} braced, every
 * other group dropped, a subscript before a superscript.
 *
 * <pre>{@code
 * LatexNormalizer.crohme().normalize("$\\frac12 + x^2_i \\lt \\mbox{ab}$").tokens()
 *     // \frac { 1 } { 2 } + x _ { i } ^ { 2 } < a b
 * }</pre>
 *
 * Tokens the vocabulary lacks stay in the output and are listed in
 * {@link Normalization#unknownTokens()}; repairs (an unmatched brace, a missing argument) are
 * listed in {@link Normalization#warnings()}. Immutable and thread-safe.
 */
public final class LatexNormalizer {

    /** Longest input accepted, in characters: far above any formula, low enough to stay fast. */
    public static final int MAX_LENGTH = 100_000;
    /**
     * Deepest nesting of groups and arguments accepted: the parser recurses, and this keeps it
     * far from the stack limit of any thread while far above real formulas (CROHME's deepest
     * is about a dozen).
     */
    public static final int MAX_DEPTH = 100;

    private static final String PRIME = "\\prime";
    private static final String OVER = "\\over";
    /** How the CROHME 2014 truth annotations write a root index: {@code \sqrt{x} ABOVE{3}}. */
    private static final String ROOT_INDEX_MARK = "ABOVE";
    private static final LatexNormalizer CROHME = new LatexNormalizer(Vocabulary.crohme());

    private final Vocabulary vocabulary;

    /** A normaliser that reports the tokens {@code vocabulary} lacks. */
    public LatexNormalizer(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** The normaliser for the CROHME vocabulary. */
    public static LatexNormalizer crohme() {
        return CROHME;
    }

    /**
     * Normalises {@code latex}.
     *
     * @throws IllegalArgumentException when the input is longer than {@link #MAX_LENGTH} or
     *                                  nested deeper than {@link #MAX_DEPTH}
     */
    public Normalization normalize(String latex) {
        Objects.requireNonNull(latex, "latex");
        if (latex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("LaTeX input of " + latex.length() + " characters is longer than the "
                    + MAX_LENGTH + " accepted");
        }
        List<String> warnings = new ArrayList<>();
        List<LatexToken> tokens = rewrite(LatexTokenizer.tokenize(latex));
        Row tree = new Parser(tokens, warnings).parseFormula();
        List<String> written = new ArrayList<>();
        writeRow(tree, written);
        List<String> out = new ArrayList<>(written.size());
        for (String token : written) {
            if (token.equals("=") && !out.isEmpty() && out.get(out.size() - 1).equals("\\not")) {
                out.set(out.size() - 1, "\\neq"); // \not= is \neq, however the source got there
            } else {
                out.add(token);
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String token : out) {
            if (!vocabulary.contains(token)) {
                unknown.add(token);
            }
        }
        return new Normalization(new TokenSequence(out), List.copyOf(unknown), warnings);
    }

    // ---- step 1: token rewrites ------------------------------------------------------------

    /** Drops the tokens that print no symbol and maps other spellings to the vocabulary's. */
    private static List<LatexToken> rewrite(List<LatexToken> in) {
        List<LatexToken> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            LatexToken token = in.get(i);
            String text = token.text();
            LatexToken next = i + 1 < in.size() ? in.get(i + 1) : null;
            int word = letterRunEnd(in, i);
            if (word > i + 1) {
                String spelled = spell(in, i, word);
                LatexToken function = functionNamed(spelled);
                if (function != null) { // "log(x)" typed without the backslash means \log
                    out.add(new LatexToken(function.text(), function.kind(), token.start(), in.get(word - 1).end()));
                    i = word - 1;
                    continue;
                }
                if (spelled.equals(ROOT_INDEX_MARK) && word < in.size() && endsWithRoot(out)) {
                    int end = skipArgument(in, word);
                    moveIntoRootIndex(rewrite(inside(in.subList(word, end))), out);
                    i = end - 1;
                    continue;
                }
            }
            if (Spellings.WRAPPERS.contains(text) || text.equals("\\operatorname")) {
                int end = skipArgument(in, i + 1);
                LatexToken function = functionSpelledIn(in.subList(i + 1, end));
                if (function != null) { // \mathrm{sin} and \operatorname{sin} are how \sin is set
                    out.add(new LatexToken(function.text(), function.kind(), token.start(), in.get(end - 1).end()));
                    i = end - 1;
                }
                continue; // otherwise the argument stays, as a group the writer flattens or braces
            }
            if (token.kind() == Kind.OTHER && Spellings.NO_SYMBOL_CHARACTERS.contains(text)
                    || Spellings.NO_SYMBOL.contains(text)) {
                continue;
            }
            if (Spellings.DELIMITER_SIZES.contains(text)) {
                if (next != null && next.text().equals(".")) {
                    i++; // \left. and \right. are invisible delimiters
                }
                continue;
            }
            if (Spellings.DROPPED_WITH_ARGUMENT.contains(text)) {
                i = skipArgument(in, i + 1) - 1;
                continue;
            }
            String synonym = Spellings.SYNONYMS.get(text);
            if (synonym != null) {
                for (LatexToken mapped : LatexTokenizer.tokenize(synonym)) {
                    out.add(new LatexToken(mapped.text(), mapped.kind(), token.start(), token.end()));
                }
                continue;
            }
            out.add(token);
        }
        return out;
    }

    /**
     * The end of the run of single letters that starts at {@code from} and is written without
     * spaces, or {@code from} when the token there does not start such a run (a letter right
     * before it belongs to the same word).
     */
    private static int letterRunEnd(List<LatexToken> tokens, int from) {
        if (!isLetter(tokens.get(from)) || from > 0 && isLetter(tokens.get(from - 1))
                && tokens.get(from - 1).end() == tokens.get(from).start()) {
            return from;
        }
        int end = from + 1;
        while (end < tokens.size() && isLetter(tokens.get(end)) && tokens.get(end).start() == tokens.get(end - 1).end()) {
            end++;
        }
        return end;
    }

    private static boolean isLetter(LatexToken token) {
        return token.kind() == Kind.SYMBOL && token.text().length() == 1 && Character.isLetter(token.text().charAt(0));
    }

    private static String spell(List<LatexToken> tokens, int from, int to) {
        StringBuilder word = new StringBuilder();
        tokens.subList(from, to).forEach(t -> word.append(t.text()));
        return word.toString();
    }

    /** The tokens of a braced argument without its braces; a single token as it is. */
    private static List<LatexToken> inside(List<LatexToken> argument) {
        return argument.size() >= 2 && argument.get(0).kind() == Kind.OPEN_BRACE
                ? argument.subList(1, argument.size() - 1) : argument;
    }

    /** Whether {@code out} ends with {@code \sqrt { ... }}. */
    private static boolean endsWithRoot(List<LatexToken> out) {
        return rootOfLastGroup(out) >= 0;
    }

    /** The index of the {@code \sqrt} whose braced argument ends {@code out}, or -1. */
    private static int rootOfLastGroup(List<LatexToken> out) {
        if (out.isEmpty() || out.get(out.size() - 1).kind() != Kind.CLOSE_BRACE) {
            return -1;
        }
        int depth = 0;
        for (int i = out.size() - 1; i >= 0; i--) {
            Kind kind = out.get(i).kind();
            if (kind == Kind.CLOSE_BRACE) {
                depth++;
            } else if (kind == Kind.OPEN_BRACE && --depth == 0) {
                return i > 0 && out.get(i - 1).kind() == Kind.SQRT ? i - 1 : -1;
            }
        }
        return -1;
    }

    /** Puts {@code index} as the root index of the {@code \sqrt { ... }} that ends {@code out}. */
    private static void moveIntoRootIndex(List<LatexToken> index, List<LatexToken> out) {
        int root = rootOfLastGroup(out);
        LatexToken at = out.get(root);
        List<LatexToken> bracketed = new ArrayList<>();
        bracketed.add(new LatexToken("[", Kind.OPEN_BRACKET, at.start(), at.end()));
        bracketed.add(new LatexToken("{", Kind.OPEN_BRACE, at.start(), at.end())); // shields a ] inside
        bracketed.addAll(index);
        bracketed.add(new LatexToken("}", Kind.CLOSE_BRACE, at.start(), at.end()));
        bracketed.add(new LatexToken("]", Kind.CLOSE_BRACKET, at.start(), at.end()));
        out.addAll(root + 1, bracketed);
    }

    /** The function or {@code \lim} named {@code name} (without backslash), or null. */
    private static LatexToken functionNamed(String name) {
        List<LatexToken> lexed = LatexTokenizer.tokenize("\\" + name);
        // \lim is a big operator for the parser, but its name is a word like \sin's; \sum is not
        return lexed.size() == 1 && (lexed.get(0).kind() == Kind.FUNCTION || lexed.get(0).text().equals("\\lim"))
                ? lexed.get(0) : null;
    }

    /**
     * The function command ({@code \\sin}) whose name the tokens of a braced argument spell out
     * letter by letter, or null.
     */
    private static LatexToken functionSpelledIn(List<LatexToken> argument) {
        if (argument.size() < 3 || argument.get(0).kind() != Kind.OPEN_BRACE
                || argument.get(argument.size() - 1).kind() != Kind.CLOSE_BRACE) {
            return null;
        }
        List<LatexToken> letters = argument.subList(1, argument.size() - 1);
        return letters.stream().allMatch(LatexNormalizer::isLetter) ? functionNamed(spell(letters, 0, letters.size())) : null;
    }

    /** The index after the argument starting at {@code from}: a star, then a group or one token. */
    private static int skipArgument(List<LatexToken> tokens, int from) {
        int i = from;
        if (i < tokens.size() && tokens.get(i).text().equals("*")) {
            i++; // \hspace*{...}
        }
        if (i >= tokens.size()) {
            return i;
        }
        if (tokens.get(i).kind() != Kind.OPEN_BRACE) {
            return i + 1;
        }
        int depth = 0;
        for (; i < tokens.size(); i++) {
            Kind kind = tokens.get(i).kind();
            if (kind == Kind.OPEN_BRACE) {
                depth++;
            } else if (kind == Kind.CLOSE_BRACE && --depth == 0) {
                return i + 1;
            }
        }
        return i;
    }

    // ---- step 2: a lenient parser ----------------------------------------------------------

    /** Recursive descent over the rewritten tokens; repairs what it must and says so. */
    private static final class Parser {
        private final List<LatexToken> tokens;
        private final List<String> warnings;
        private int pos;
        private int depth;

        Parser(List<LatexToken> tokens, List<String> warnings) {
            this.tokens = tokens;
            this.warnings = warnings;
        }

        Row parseFormula() {
            List<MathNode> items = new ArrayList<>();
            while (pos < tokens.size()) {
                if (peekKind() == Kind.CLOSE_BRACE) {
                    warnings.add("dropped an unmatched } at offset " + tokens.get(pos).start());
                    pos++;
                    if (!items.isEmpty() && startsScript()) { // x^a}_b: TeX goes on with x's scripts
                        MathNode last = items.remove(items.size() - 1);
                        items.add(parseScripts(last, last.position()));
                    }
                    continue;
                }
                items.addAll(parseRow(false).items());
            }
            return new Row(items, 0);
        }

        /** Items up to a closing brace (left for the caller), the end, or a ] ending a root index. */
        private Row parseRow(boolean inRootIndex) {
            enter();
            int start = pos;
            List<MathNode> items = new ArrayList<>();
            Row numerator = null;
            while (pos < tokens.size()) {
                Kind kind = peekKind();
                if (kind == Kind.CLOSE_BRACE || inRootIndex && kind == Kind.CLOSE_BRACKET) {
                    break;
                }
                if (tokens.get(pos).text().equals(OVER)) {
                    if (numerator != null) {
                        warnings.add("a second \\over in one group at offset " + tokens.get(pos).start());
                    }
                    // TeX's infix fraction: what came before in the group over what follows
                    numerator = new Row(numerator == null ? items : List.of(new Fraction(new Group(numerator,
                            numerator.position()), new Group(new Row(items, start), start), start)), start);
                    items = new ArrayList<>();
                    pos++;
                    continue;
                }
                items.add(parseItem());
            }
            depth--;
            if (numerator != null) {
                return new Row(List.of(new Fraction(new Group(numerator, start), new Group(new Row(items, start), start),
                        start)), start);
            }
            return new Row(items, start);
        }

        /** An atom and the scripts and primes after it. */
        private MathNode parseItem() {
            int start = pos;
            if (peekKind() == Kind.SUPERSCRIPT || peekKind() == Kind.SUBSCRIPT) {
                warnings.add("a script without a base at offset " + tokens.get(pos).start());
                return parseScripts(new Group(new Row(List.of(), start), start), start);
            }
            return parseScripts(parseAtom(), start);
        }

        /**
         * The scripts and primes after {@code atom}; when {@code atom} already has scripts (an
         * item resumed after a dropped brace) the new ones join them, as in TeX.
         */
        private MathNode parseScripts(MathNode atom, int start) {
            MathNode base = atom;
            MathNode sub = null;
            MathNode sup = null;
            if (atom instanceof Scripts s) {
                base = s.base();
                sub = s.subscript().orElse(null);
                sup = s.superscript().orElse(null);
            }
            boolean primeBase = base instanceof Symbol s && s.token().equals(PRIME);
            List<MathNode> primes = new ArrayList<>();
            while (pos < tokens.size()) {
                LatexToken next = tokens.get(pos);
                if (isPrime(next) && !primeBase) {
                    if (sup != null) { // f^2' is a double superscript in TeX
                        base = scripts(base, sub, sup, start);
                        sub = null;
                        sup = null;
                        warnings.add("a prime after a superscript at offset " + next.start());
                    }
                    pos++;
                    primes.add(new Symbol(PRIME, pos - 1));
                } else if (next.kind() == Kind.SUPERSCRIPT) {
                    pos++;
                    MathNode argument = parseArgument("^");
                    if (!primes.isEmpty()) { // f'^2 is f^{\prime 2}
                        List<MathNode> items = new ArrayList<>(primes);
                        items.add(argument);
                        argument = new Group(new Row(items, primes.get(0).position()), primes.get(0).position());
                        primes.clear();
                    }
                    if (isEmpty(argument)) {
                        continue; // x^{} prints nothing
                    }
                    if (sup != null) {
                        warnings.add("a double superscript at offset " + next.start());
                        base = scripts(base, sub, sup, start);
                        sub = null;
                    }
                    sup = argument;
                } else if (next.kind() == Kind.SUBSCRIPT) {
                    pos++;
                    MathNode argument = parseArgument("_");
                    if (isEmpty(argument)) {
                        continue;
                    }
                    if (sub != null) {
                        warnings.add("a double subscript at offset " + next.start());
                        base = scripts(base, sub, primesOr(sup, primes), start);
                        sup = null;
                        primes.clear();
                    }
                    sub = argument;
                } else {
                    break;
                }
            }
            return scripts(base, sub, primesOr(sup, primes), start);
        }

        /** True for a group with nothing but empty groups inside: it prints nothing. */
        private static boolean isEmpty(MathNode node) {
            return node instanceof Group g && g.body().items().stream().allMatch(Parser::isEmpty);
        }

        private static MathNode primesOr(MathNode sup, List<MathNode> primes) {
            if (primes.isEmpty()) {
                return sup;
            }
            return new Group(new Row(primes, primes.get(0).position()), primes.get(0).position());
        }

        private static MathNode scripts(MathNode base, MathNode sub, MathNode sup, int start) {
            if (sub == null && sup == null) {
                return base;
            }
            if (base instanceof Group group) {
                MathNode merged = mergeIntoLastScripts(group, sub, sup);
                if (merged != null) {
                    return merged;
                }
            }
            return new Scripts(base, Optional.ofNullable(sub), Optional.ofNullable(sup), start);
        }

        /**
         * {@code {x_a}^b}: a group base is not kept, so its last item takes the scripts when
         * their slots are free ({@code x _ { a } ^ { b }}, as the captions write it); null when
         * they are not, or when the group does not end with scripts.
         */
        private static MathNode mergeIntoLastScripts(Group group, MathNode sub, MathNode sup) {
            List<MathNode> items = new ArrayList<>(group.body().items());
            int last = items.size() - 1;
            while (last >= 0 && isEmpty(items.get(last))) {
                last--;
            }
            if (last < 0) {
                return null;
            }
            MathNode inner = items.get(last);
            MathNode merged = null;
            if (inner instanceof Group innerGroup) {
                merged = mergeIntoLastScripts(innerGroup, sub, sup);
            } else if (inner instanceof Scripts s && (sub == null || s.subscript().isEmpty())
                    && (sup == null || s.superscript().isEmpty())) {
                merged = new Scripts(s.base(), sub == null ? s.subscript() : Optional.of(sub),
                        sup == null ? s.superscript() : Optional.of(sup), s.position());
            }
            if (merged == null) {
                return null;
            }
            items.set(last, merged);
            return new Group(new Row(items, group.body().position()), group.position());
        }

        /** One atom: a group, a fraction, a root, a big operator or a symbol. */
        private MathNode parseAtom() {
            int start = pos;
            LatexToken token = tokens.get(pos);
            switch (token.kind()) {
                case OPEN_BRACE -> {
                    return parseGroup();
                }
                case FRAC -> {
                    pos++;
                    MathNode numerator = parseArgument("\\frac");
                    MathNode denominator = parseArgument("\\frac");
                    return new Fraction(numerator, denominator, start);
                }
                case SQRT -> {
                    pos++;
                    Optional<Row> index = Optional.empty();
                    if (peekKind() == Kind.OPEN_BRACKET) {
                        pos++;
                        Row row = parseRow(true);
                        if (peekKind() == Kind.CLOSE_BRACKET) {
                            pos++;
                        } else {
                            warnings.add("a root index without its ] at offset " + token.start());
                        }
                        index = Optional.of(row);
                    }
                    return new Root(index, parseArgument("\\sqrt"), start);
                }
                case BIG_OPERATOR -> {
                    pos++;
                    boolean limits = false;
                    while (peekKind() == Kind.LIMITS) {
                        pos++;
                        limits = true;
                    }
                    return new BigOperator(token.text(), limits, start);
                }
                case LIMITS -> {
                    pos++;
                    warnings.add("\\limits after no big operator at offset " + token.start() + ", dropped");
                    return new Group(new Row(List.of(), start), start);
                }
                default -> {
                    pos++;
                    return new Symbol(isPrime(token) ? PRIME : token.text(), start);
                }
            }
        }

        private Group parseGroup() {
            int start = pos;
            int offset = tokens.get(pos).start();
            pos++;
            Row body = parseRow(false);
            if (peekKind() == Kind.CLOSE_BRACE) {
                pos++;
            } else {
                warnings.add("a { without its } at offset " + offset);
            }
            return new Group(body, start);
        }

        /**
         * The argument of {@code ^ _ \frac \sqrt}: a group, or, as in TeX, the next single token
         * ({@code x^22} is {@code x^{2}2}); a fraction or root there takes its own arguments.
         */
        private MathNode parseArgument(String owner) {
            Kind kind = peekKind();
            if (kind == null || kind == Kind.CLOSE_BRACE || kind == Kind.SUPERSCRIPT || kind == Kind.SUBSCRIPT
                    || tokens.get(pos).text().equals(OVER)) {
                warnings.add("a missing argument of " + owner
                        + (kind == null ? " at the end" : " at offset " + tokens.get(pos).start()));
                return new Group(new Row(List.of(), pos), pos);
            }
            enter();
            MathNode argument = parseAtom();
            depth--;
            return argument;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("LaTeX input nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        private boolean startsScript() {
            return pos < tokens.size() && (peekKind() == Kind.SUPERSCRIPT || peekKind() == Kind.SUBSCRIPT
                    || isPrime(tokens.get(pos)));
        }

        private Kind peekKind() {
            return pos < tokens.size() ? tokens.get(pos).kind() : null;
        }

        private static boolean isPrime(LatexToken token) {
            return token.kind() == Kind.OTHER && token.text().equals("'");
        }
    }

    // ---- step 3: the canonical writer ------------------------------------------------------

    /** Writes a row with every group that is not an argument dropped. */
    private static void writeRow(Row row, List<String> out) {
        for (MathNode item : row.items()) {
            writeNode(item, out);
        }
    }

    private static void writeNode(MathNode node, List<String> out) {
        if (node instanceof Symbol s) {
            out.add(s.token());
        } else if (node instanceof BigOperator b) {
            out.add(b.token());
            if (b.limits() && Spellings.LIMITS_KEPT_AFTER.contains(b.token())) {
                out.add("\\limits");
            }
        } else if (node instanceof Group g) {
            writeRow(g.body(), out);
        } else if (node instanceof Row r) {
            writeRow(r, out);
        } else if (node instanceof Fraction f) {
            out.add("\\frac");
            writeArgument(f.numerator(), out);
            writeArgument(f.denominator(), out);
        } else if (node instanceof Root r) {
            out.add("\\sqrt");
            if (r.index().isPresent()) {
                List<String> index = new ArrayList<>();
                writeRow(r.index().get(), index);
                if (!index.isEmpty()) { // an empty index is no index
                    out.add("[");
                    boolean shield = hasBracketOutsideBraces(index); // else its ] would end the index
                    if (shield) {
                        out.add("{");
                    }
                    out.addAll(index);
                    if (shield) {
                        out.add("}");
                    }
                    out.add("]");
                }
            }
            writeArgument(r.radicand(), out);
        } else if (node instanceof Scripts s) {
            List<String> base = new ArrayList<>();
            writeNode(s.base(), base);
            if (base.isEmpty()) { // a script needs a base: GRAMMAR.md writes the empty one as { }
                base = List.of("{", "}");
            } else if (endsWithScripts(s.base())) {
                // x^a^b, f^2', {x^a}^b: TeX (or its error recovery) sets the second script on
                // an empty base, and so does the output, which keeps it from joining the first
                base.add("{");
                base.add("}");
            }
            out.addAll(base);
            // one order for one layout: the ink cannot tell x^{a}_{b} from x_{b}^{a}
            writeScript("_", s.subscript(), out);
            writeScript("^", s.superscript(), out);
        } else {
            throw new IllegalStateException("the normaliser builds no " + node.getClass().getSimpleName());
        }
    }

    private static boolean hasBracketOutsideBraces(List<String> tokens) {
        int depth = 0;
        for (String token : tokens) {
            if (token.equals("{")) {
                depth++;
            } else if (token.equals("}")) {
                depth--;
            } else if (token.equals("]") && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the last thing {@code node} writes is a base with scripts. */
    private static boolean endsWithScripts(MathNode node) {
        if (node instanceof Scripts) {
            return true;
        }
        List<MathNode> items = node instanceof Group g ? g.body().items() : node instanceof Row r ? r.items() : List.of();
        for (int i = items.size() - 1; i >= 0; i--) {
            List<String> written = new ArrayList<>();
            writeNode(items.get(i), written);
            if (!written.isEmpty()) {
                return endsWithScripts(items.get(i));
            }
        }
        return false;
    }

    /** A script with its argument; an empty one ({@code x_{}}) prints nothing and is dropped. */
    private static void writeScript(String mark, Optional<MathNode> argument, List<String> out) {
        if (argument.isEmpty()) {
            return;
        }
        List<String> body = new ArrayList<>();
        writeNode(argument.get(), body);
        if (!body.isEmpty()) {
            out.add(mark);
            out.add("{");
            out.addAll(body);
            out.add("}");
        }
    }

    /** An argument always in braces, whatever groups it had inside. */
    private static void writeArgument(MathNode argument, List<String> out) {
        out.add("{");
        writeNode(argument, out);
        out.add("}");
    }
}

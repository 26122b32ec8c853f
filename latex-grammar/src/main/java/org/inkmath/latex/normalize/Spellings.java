package org.inkmath.latex.normalize;

import java.util.Map;
import java.util.Set;

/**
 * The tables of the normaliser's token rewrites: other spellings of vocabulary symbols, and the
 * commands that carry no symbol (spacing, sizes, fonts). Each entry is a plain LaTeX fact; none
 * is there for a particular file.
 */
final class Spellings {

    private Spellings() {
    }

    /** Other spellings of vocabulary symbols, to their caption spelling (space-separated tokens). */
    static final Map<String, String> SYNONYMS = Map.ofEntries(
            // amsmath/MathJax names of the relation characters
            Map.entry("\\lt", "<"),
            Map.entry("\\gt", ">"),
            Map.entry("\\le", "\\leq"),
            Map.entry("\\leqslant", "\\leq"),
            Map.entry("\\ge", "\\geq"),
            Map.entry("\\geqslant", "\\geq"),
            Map.entry("\\ne", "\\neq"),
            Map.entry("\\to", "\\rightarrow"),
            // amsmath dot variants: \dots picks low or centred dots from context; the low ones
            // unless a binary operator follows, which the captions do not distinguish
            Map.entry("\\dots", "\\ldots"),
            Map.entry("\\dotsc", "\\ldots"),
            Map.entry("\\dotso", "\\ldots"),
            Map.entry("\\dotsb", "\\cdots"),
            Map.entry("\\dotsm", "\\cdots"),
            Map.entry("\\dotsi", "\\cdots"),
            Map.entry("\\cdotp", "\\cdot"),
            Map.entry("\\ldotp", "."),
            // the display- and text-style fractions are fractions
            Map.entry("\\dfrac", "\\frac"),
            Map.entry("\\tfrac", "\\frac"),
            // delimiters spelled as commands
            Map.entry("\\lbrack", "["),
            Map.entry("\\rbrack", "]"),
            Map.entry("\\lbrace", "\\{"),
            Map.entry("\\rbrace", "\\}"),
            Map.entry("\\vert", "|"),
            Map.entry("\\lvert", "|"),
            Map.entry("\\rvert", "|"),
            Map.entry("\\mid", "|"),
            // a double bar is written, and recognised, as two bars: the vocabulary has no \parallel
            Map.entry("\\Vert", "| |"),
            Map.entry("\\lVert", "| |"),
            Map.entry("\\rVert", "| |"),
            Map.entry("\\|", "| |"),
            Map.entry("\\parallel", "| |"),
            // glyph variants of one handwritten symbol
            Map.entry("\\varphi", "\\phi"),
            Map.entry("\\vartheta", "\\theta"));

    /**
     * Commands that only set spacing, size or style, dropped with nothing in their place. A
     * delimiter size ({@link #DELIMITER_SIZES}) is dropped too, but its delimiter stays.
     */
    static final Set<String> NO_SYMBOL = Set.of(
            "\\,", "\\:", "\\;", "\\!", "\\ ", "\\>", "\\/",
            "\\quad", "\\qquad", "\\enspace", "\\thinspace", "\\medspace", "\\thickspace",
            "\\negthinspace", "\\negmedspace", "\\negthickspace",
            "\\displaystyle", "\\textstyle", "\\scriptstyle", "\\scriptscriptstyle",
            "\\rm", "\\it", "\\bf", "\\sf", "\\tt", "\\cal", "\\normalfont",
            "\\nolimits", "\\nonumber", "\\notag",
            // math-mode delimiters: $ is handled with the other characters
            "\\(", "\\)", "\\[", "\\]");

    /** Characters that only set spacing or delimit math mode. */
    static final Set<String> NO_SYMBOL_CHARACTERS = Set.of("$", "~");

    /** Commands that fix a delimiter's size: the delimiter after them is kept, {@code .} is not. */
    static final Set<String> DELIMITER_SIZES = Set.of(
            "\\left", "\\right", "\\middle",
            "\\big", "\\Big", "\\bigg", "\\Bigg",
            "\\bigl", "\\Bigl", "\\biggl", "\\Biggl",
            "\\bigr", "\\Bigr", "\\biggr", "\\Biggr",
            "\\bigm", "\\Bigm", "\\biggm", "\\Biggm");

    /**
     * Commands that typeset their argument in another font or as text: the argument stays, but
     * for a function name ({@code \\mathrm{sin}}), which becomes the function command. The
     * normaliser treats {@code \\operatorname} like these.
     */
    static final Set<String> WRAPPERS = Set.of(
            "\\mbox", "\\hbox", "\\text", "\\textrm", "\\textit", "\\textbf", "\\textnormal", "\\textsf",
            "\\texttt", "\\mathrm", "\\mathit", "\\mathbf", "\\mathsf", "\\mathtt", "\\mathnormal",
            "\\mathcal", "\\boldsymbol", "\\bm", "\\mathop");

    /** Commands whose argument prints nothing (space, invisible boxes): dropped with it. */
    static final Set<String> DROPPED_WITH_ARGUMENT = Set.of(
            "\\hspace", "\\vspace", "\\phantom", "\\hphantom",
            "\\vphantom", "\\label", "\\tag");

    /**
     * The big operators after which {@code \limits} is kept. A handwritten sum or limit always
     * carries its limits below and above (their display-style default), so {@code \limits}
     * there says nothing; an integral's limits sit beside it by default in every style, so
     * {@code \int \limits} is a visible layout of its own.
     */
    static final Set<String> LIMITS_KEPT_AFTER = Set.of("\\int");
}

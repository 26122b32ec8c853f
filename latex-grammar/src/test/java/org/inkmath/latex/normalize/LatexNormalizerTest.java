package org.inkmath.latex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexNormalizerTest {

    private static String norm(String latex) {
        return LatexNormalizer.crohme().normalize(latex).tokens().toString();
    }

    @Test
    void dropsDollarsAndWhitespace() {
        assertEquals("x + 1", norm("$x+1$"));
        assertEquals("x + 1", norm("  $ x \t+\n1 $ "));
        assertEquals("", norm("$$"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "a \\lt b => a < b",
        "a \\gt b => a > b",
        "a \\le b \\ge c => a \\leq b \\geq c",
        "a \\leqslant b \\geqslant c => a \\leq b \\geq c",
        "a \\ne b => a \\neq b",
        "a \\not= b => a \\neq b",
        "x \\to 0 => x \\rightarrow 0",
        "1 , \\dots , n => 1 , \\ldots , n",
        "1 + \\dotsb + n => 1 + \\cdots + n",
        "\\lbrack a \\rbrack => [ a ]",
        "\\lbrace a \\rbrace => \\{ a \\}",
        "\\vert x \\vert => | x |",
        "\\lvert x \\rvert => | x |",
        "x \\parallel y => x | | y",
        "\\Vert x \\Vert => | | x | |",
        "\\varphi + \\vartheta => \\phi + \\theta",
        "\\dfrac12 + \\tfrac{a}{b} => \\frac { 1 } { 2 } + \\frac { a } { b }",
    })
    void mapsOtherSpellingsToTheVocabulary(String latex, String expected) {
        assertEquals(expected, norm(latex));
    }

    @Test
    void keepsTheVocabularySpellings() {
        assertEquals("a \\times b \\div c \\cdot d \\pm e", norm("a\\times b\\div c\\cdot d\\pm e"));
        assertEquals("\\forall x \\exists y \\in A", norm("\\forall x\\exists y\\in A"));
    }

    @Test
    void dropsSpacingCommands() {
        assertEquals("a b c d e f g h", norm("a\\,b\\;c\\!d\\:e\\quad f\\qquad g\\ h"));
        assertEquals("a b", norm("a~b"));
        assertEquals("a b", norm("a\\hspace{1em}b"));
        assertEquals("a b", norm("a\\hspace*{2pt}b"));
    }

    @Test
    void dropsDelimiterSizesButKeepsTheDelimiters() {
        assertEquals("( \\frac { a } { b } )", norm("\\left( \\frac{a}{b} \\right)"));
        assertEquals("[ x ]", norm("\\Bigg[ x \\Bigg]"));
        assertEquals("\\{ x \\}", norm("\\left\\{ x \\right\\}"));
        assertEquals("| x |", norm("\\bigl| x \\bigr|"));
    }

    @Test
    void dropsInvisibleDelimiters() {
        assertEquals("\\{ x", norm("\\left\\{ x \\right."));
        assertEquals("x |", norm("\\left. x \\right|"));
    }

    @Test
    void unwrapsTextAndFontCommands() {
        assertEquals("p g", norm("\\mbox { pg }"));
        assertEquals("d s", norm("\\mathrm{d}s"));
        assertEquals("R _ { a }", norm("R_\\mathrm{a}"));
        assertEquals("F _ { 0 } ^ { 1 }", norm("\\mathrm{F^1_0}\\!"));
        assertEquals("x ^ { a b }", norm("x^\\text{ab}"));
        assertEquals("d x", norm("{\\rm d} x"));
        assertEquals("\\sum x", norm("\\displaystyle\\sum x"));
    }

    @Test
    void readsAnUprightFunctionNameAsTheFunction() {
        assertEquals("\\sin x + \\log y", norm("\\mathrm{sin} x + \\operatorname{log} y"));
        assertEquals("\\lim _ { n }", norm("\\mbox { lim }_n"));
        assertEquals("e x p x", norm("\\operatorname{exp} x"));
        assertEquals("e x p x", norm("exp x")); // not a vocabulary function: letters stay letters
    }

    @Test
    void readsAFunctionNameTypedWithoutBackslashAsTheFunction() {
        assertEquals("\\log ( x ) - \\sin y", norm("log(x) - sin y"));
        assertEquals("\\lim _ { n }", norm("lim_n"));
        assertEquals("s i n x", norm("sinx")); // a longer word is not the function
        assertEquals("l o g", norm("l o g")); // spaced letters are a product of variables
        assertEquals("a _ { \\tan }", norm("a_{tan}"));
    }

    @Test
    void readsCrohmesAboveMarkAsARootIndex() {
        assertEquals("\\sqrt [ q ] { x ^ { p } }", norm("\\sqrt {x ^ {p}} ABOVE {q}"));
        assertEquals("\\sqrt [ m ] { \\sqrt [ n ] { x } }", norm("\\sqrt {\\sqrt {x} ABOVE {n}} ABOVE {m}"));
        assertEquals("x A B O V E y", norm("x ABOVE y")); // only after a root
    }

    @Test
    void bracesEverySingleTokenArgument() {
        assertEquals("x ^ { 2 }", norm("x^2"));
        assertEquals("x _ { i }", norm("x_i"));
        assertEquals("\\frac { 1 } { 2 }", norm("\\frac12"));
        assertEquals("\\frac { 1 } { x + 1 }", norm("\\frac 1 {x+1}"));
        assertEquals("\\sqrt { 2 }", norm("\\sqrt2"));
        assertEquals("x ^ { \\alpha }", norm("x^\\alpha"));
    }

    @Test
    void aScriptTakesOneTokenAsInTex() {
        assertEquals("x ^ { 2 } 2", norm("x^22"));
        assertEquals("e _ { f _ { g _ { h } } }", norm("e_ { f_ { g_h } }"));
    }

    @Test
    void aFractionOrRootAsAnArgumentTakesItsOwnArguments() {
        assertEquals("x ^ { \\frac { 1 } { 2 } }", norm("x^\\frac12"));
        assertEquals("\\frac { \\sqrt { 2 } } { 2 }", norm("\\frac\\sqrt2 2"));
    }

    @Test
    void readsTexInfixFractions() {
        assertEquals("\\frac { a + 1 } { b } + c", norm("{a+1 \\over b} + c"));
        assertEquals("x ^ { \\frac { 1 } { 2 } }", norm("x^{1\\over2}"));
    }

    @Test
    void dropsEveryGroupThatIsNotAnArgument() {
        assertEquals("\\frac { p - e + k } { ( \\sigma ) }",
                norm(" \\frac { { p - { \\mbox { e } + k } } } { \\left ( \\sigma \\right ) } "));
        assertEquals("j ^ { \\sum T - v }", norm("{ j } ^ { { \\sum { \\mbox { T } } - v } }"));
        assertEquals("G _ { h } ^ { Y - v }", norm("{ { G } _ { \\mbox { h } } } ^ { { Y - v } }"));
        assertEquals("a + b ^ { 2 }", norm("{a+b}^2"));
    }

    @Test
    void writesTheSubscriptBeforeTheSuperscript() {
        assertEquals("x _ { i } ^ { 2 }", norm("x^2_i"));
        assertEquals("x _ { i } ^ { 2 }", norm("x_i^2"));
        assertEquals("\\sum _ { i = 1 } ^ { n }", norm("\\sum^{n}_{i=1}"));
    }

    @Test
    void dropsEmptyScriptsAndEmptyRootIndices() {
        assertEquals("x ^ { 2 }", norm("x ^ {2} _ {}"));
        assertEquals("\\sqrt { x }", norm("\\sqrt[]{x}"));
    }

    @Test
    void keepsRootIndices() {
        assertEquals("\\sqrt [ 3 ] { 2 }", norm("\\sqrt[3]{2}"));
        assertEquals("\\sqrt [ n + 1 ] { x }", norm("\\sqrt[{n+1}]x"));
        assertEquals("\\sqrt [ 3 ] { \\sqrt [ 4 ] { x } }", norm("\\sqrt[3]{\\sqrt[4]{x}}"));
        // GRAMMAR.md: in an index the first bare ] ends it, so a nested index keeps its braces
        assertEquals("\\sqrt [ { \\sqrt [ 3 ] { x } } ] { y }", norm("\\sqrt[{\\sqrt[3]{x}}]{y}"));
        assertEquals("\\sqrt [ { [ 0 , 1 ] } ] { y }", norm("\\sqrt[{[0,1]}]y"));
    }

    @Test
    void readsPrimesAsTexDoes() {
        assertEquals("f ^ { \\prime } ( x )", norm("f'(x)"));
        assertEquals("f ^ { \\prime \\prime }", norm("f''"));
        assertEquals("f ^ { \\prime 2 }", norm("f'^2"));
        assertEquals("f _ { 1 } ^ { \\prime }", norm("f'_1"));
        assertEquals("f ^ { \\prime }", norm("f^{'}"));
        assertEquals("f ^ { \\prime \\prime }", norm("f^{''}"));
        assertEquals("x ^ { \\prime }", norm("x^\\prime"));
        assertEquals("x \\prime", norm("x\\prime"));
    }

    @Test
    void keepsLimitsOnlyAfterIntegrals() {
        assertEquals("\\int \\limits _ { a } ^ { b } f", norm("\\int\\limits_{a}^{b} f"));
        assertEquals("\\sum _ { i = 1 } ^ { n } i", norm("\\sum \\limits ^ {n} _ {i = 1} i"));
        assertEquals("\\lim _ { x \\rightarrow 0 } x", norm("\\lim\\limits_{x\\to0}x"));
        assertEquals("\\int _ { a } ^ { b }", norm("\\int\\nolimits_a^b"));
    }

    @Test
    void splitsNumbersAndWordsIntoCharacters() {
        assertEquals("2 8 . 9 4 \\pi", norm("{ 28.94 \\pi }"));
        assertEquals("c B t", norm("\\mbox { cBt }"));
    }

    @Test
    void reportsTokensOutsideTheVocabulary() {
        Normalization result = LatexNormalizer.crohme().normalize("$M\\ltN + a \\ast b * c$");
        assertEquals("M \\ltN + a \\ast b * c", result.tokens().toString());
        assertEquals(List.of("\\ltN", "\\ast", "*"), result.unknownTokens());
        assertFalse(result.isClean());
        assertTrue(LatexNormalizer.crohme().normalize("x^2").isClean());
    }

    @Test
    void repairsUnbalancedBracesAndSaysSo() {
        Normalization extra = LatexNormalizer.crohme().normalize("\\lim _ {y \\to x}} f (y)");
        assertEquals("\\lim _ { y \\rightarrow x } f ( y )", extra.tokens().toString());
        assertEquals(1, extra.warnings().size());
        assertTrue(extra.warnings().get(0).contains("unmatched }"), extra.warnings().toString());

        Normalization missing = LatexNormalizer.crohme().normalize("\\frac{a}{b");
        assertEquals("\\frac { a } { b }", missing.tokens().toString());
        assertTrue(missing.warnings().get(0).contains("without its }"), missing.warnings().toString());
    }

    @Test
    void repairsMissingArgumentsAndSaysSo() {
        Normalization result = LatexNormalizer.crohme().normalize("x^");
        assertEquals("x", result.tokens().toString());
        assertTrue(result.warnings().get(0).contains("missing argument of ^"), result.warnings().toString());
        Normalization frac = LatexNormalizer.crohme().normalize("\\frac{1}");
        assertEquals("\\frac { 1 } { }", frac.tokens().toString());
        assertFalse(frac.warnings().isEmpty());
    }

    @Test
    void givesAScriptWithoutABaseAnEmptyOne() {
        Normalization result = LatexNormalizer.crohme().normalize("^2 x");
        assertEquals("{ } ^ { 2 } x", result.tokens().toString());
        assertTrue(result.warnings().get(0).contains("without a base"), result.warnings().toString());
        assertEquals("a { } _ { 1 }", norm("a{_1}"));
    }

    @Test
    void namesDoubleSuperscriptsAndKeepsBoth() {
        Normalization result = LatexNormalizer.crohme().normalize("x^a^b");
        assertEquals("x ^ { a } { } ^ { b }", result.tokens().toString()); // TeX's own recovery
        assertEquals("f ^ { 2 } { } ^ { \\prime }", norm("f^2'"));
        assertEquals("x ^ { a } { } ^ { b }", norm("{x^a}^b"));
        assertTrue(result.warnings().get(0).contains("double superscript"), result.warnings().toString());
    }

    @Test
    void isIdempotentOnCanonicalForm() {
        for (String canonical : List.of(
                "\\frac { - b \\pm \\sqrt { b ^ { 2 } - 4 a c } } { 2 a }",
                "\\int \\limits _ { 0 } ^ { 1 } f ( x ) d x",
                "\\sqrt [ 3 ] { x } + \\sum _ { i = 1 } ^ { n } i ^ { \\prime }",
                "\\{ x \\} [ 0 , 1 ) \\lim _ { x \\rightarrow \\infty } \\sin x")) {
            assertEquals(canonical, norm(canonical));
        }
    }

    @Test
    void randomInputNeverFailsAndItsOutputIsAFixedPoint() {
        String[] pieces = {"x", "2", "+", "{", "}", "^", "_", "'", "\\frac", "\\sqrt", "[", "]", "\\left(", "\\right.",
            "\\mbox{ab}", "\\mathrm{sin}", "\\lt", "\\sum", "\\limits", "\\int", "\\over", "$", "\\,", "\\ast", "&",
            "\\\\", "\\begin{matrix}", "\\hspace{", "\\not", "=", "\\prime", " ", "{}", "\\sqrt[", "^{", "_{"};
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder latex = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                latex.append(pieces[random.nextInt(pieces.length)]);
            }
            String once = norm(latex.toString());
            assertEquals(once, norm(once), "input: " + latex);
        }
    }

    @Test
    void refusesHugeOrDeeplyNestedInputWithAClearMessage() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> LatexNormalizer.crohme().normalize("x".repeat(LatexNormalizer.MAX_LENGTH + 1)));
        assertTrue(tooLong.getMessage().contains("longer than"), tooLong.getMessage());
        IllegalArgumentException tooDeep = assertThrows(IllegalArgumentException.class,
                () -> LatexNormalizer.crohme().normalize("{".repeat(5_000) + "x" + "}".repeat(5_000)));
        assertTrue(tooDeep.getMessage().contains("nested deeper"), tooDeep.getMessage());
        String deepFractions = "\\frac".repeat(5_000) + "1";
        assertThrows(IllegalArgumentException.class, () -> LatexNormalizer.crohme().normalize(deepFractions));
    }
}

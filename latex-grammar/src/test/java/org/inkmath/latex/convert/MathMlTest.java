package org.inkmath.latex.convert;

import static org.inkmath.latex.convert.Trees.delimited;
import static org.inkmath.latex.convert.Trees.env;
import static org.inkmath.latex.convert.Trees.frac;
import static org.inkmath.latex.convert.Trees.g;
import static org.inkmath.latex.convert.Trees.op;
import static org.inkmath.latex.convert.Trees.opLimits;
import static org.inkmath.latex.convert.Trees.root;
import static org.inkmath.latex.convert.Trees.row;
import static org.inkmath.latex.convert.Trees.s;
import static org.inkmath.latex.convert.Trees.sqrt;
import static org.inkmath.latex.convert.Trees.sub;
import static org.inkmath.latex.convert.Trees.subsup;
import static org.inkmath.latex.convert.Trees.sup;
import static org.inkmath.latex.convert.Trees.syms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.inkmath.latex.tree.MathNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class MathMlTest {

    private static final String OPEN = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">";

    /** The MathML of a tree, checked to be well-formed XML in the MathML namespace; the inside of <math>. */
    private static String inner(MathNode tree) throws Exception {
        String xml = MathMl.of(tree);
        Document doc = parse(xml);
        assertEquals("math", doc.getDocumentElement().getLocalName());
        assertEquals(MathMl.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
        assertTrue(xml.startsWith(OPEN) && xml.endsWith("</math>"), xml);
        return xml.substring(OPEN.length(), xml.length() - "</math>".length());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void superscript() throws Exception {
        assertEquals("<msup><mi>x</mi><mn>2</mn></msup>", inner(row(sup(s("x"), g(s("2"))))));
    }

    @Test
    void subscriptAndSuperscriptInEitherOrder() throws Exception {
        String expected = "<msubsup><mi>x</mi><mi>a</mi><mi>b</mi></msubsup>";
        assertEquals(expected, inner(row(subsup(s("x"), g(s("a")), g(s("b"))))));
    }

    @Test
    void fractionWithRowsWrappedInMrow() throws Exception {
        assertEquals("<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mi>c</mi></mfrac>",
                inner(row(frac(g(syms("a + b")), g(s("c"))))));
    }

    @Test
    void roots() throws Exception {
        assertEquals("<mroot><mi>x</mi><mn>3</mn></mroot>", inner(row(root(row(s("3")), g(s("x"))))));
        assertEquals("<msqrt><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></msqrt>", inner(row(sqrt(g(syms("x + 1"))))));
    }

    @Test
    void sumAndLimTakeLimitsBelowAndAboveIntegralBeside() throws Exception {
        assertEquals("<munderover><mo>\u2211</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>",
                inner(row(subsup(op("\\sum"), g(syms("i = 1")), g(s("n"))))));
        assertEquals("<msubsup><mo>\u222b</mo><mn>0</mn><mn>1</mn></msubsup>",
                inner(row(subsup(op("\\int"), g(s("0")), g(s("1"))))));
        assertEquals("<munderover><mo>\u222b</mo><mn>0</mn><mn>1</mn></munderover>",
                inner(row(subsup(opLimits("\\int"), g(s("0")), g(s("1"))))));
        assertEquals("<munder><mo movablelimits=\"true\">lim</mo><mrow><mi>x</mi><mo>\u2192</mo><mn>0</mn></mrow></munder>",
                inner(row(sub(op("\\lim"), g(syms("x \\rightarrow 0"))))));
        assertEquals("<mover><mo>\u2211</mo><mi>n</mi></mover>", inner(row(sup(op("\\sum"), g(s("n"))))));
    }

    @Test
    void greekLettersAndOperatorsAreUnicode() throws Exception {
        assertEquals("<mi>\u03b1</mi><mo>\u2264</mo><mi mathvariant=\"normal\">\u0394</mi><mo>\u2212</mo><mi>\u221e</mi>",
                inner(row(syms("\\alpha \\leq \\Delta - \\infty"))));
        assertEquals("<mi>x</mi><mo>\u00d7</mo><mi>y</mi><mo>\u2260</mo><mi>\u03c0</mi>", inner(row(syms("x \\times y \\neq \\pi"))));
    }

    @Test
    void xmlSpecialCharactersAreEscaped() throws Exception {
        assertEquals("<mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi>", inner(row(syms("a < b > c"))));
        // a token the table does not know stays visible, escaped
        assertEquals("<merror><mtext>&amp;&lt;\\foo</mtext></merror>", inner(row(s("&<\\foo"))));
    }

    @Test
    void digitRunsAreOneNumber() throws Exception {
        assertEquals("<mn>12.5</mn><mo>+</mo><mn>3</mn><mo>.</mo>", inner(row(syms("1 2 . 5 + 3 ."))));
    }

    @Test
    void functionsAreFollowedByFunctionApplication() throws Exception {
        assertEquals("<mi>sin</mi><mo>\u2061</mo><mi>x</mi>", inner(row(syms("\\sin x"))));
        assertEquals("<mi>log</mi>", inner(row(s("\\log"))));
    }

    @Test
    void delimitersAreFenceOperatorsAndADotIsNothing() throws Exception {
        String fence = " fence=\"true\" form=\"%s\" stretchy=\"true\">";
        assertEquals("<mrow><mo" + fence.formatted("prefix") + "(</mo><mi>x</mi></mrow>",
                inner(row(delimited("(", row(s("x")), "."))));
        assertEquals("<mrow><mo" + fence.formatted("prefix") + "{</mo><mi>x</mi><mo" + fence.formatted("postfix") + "|</mo></mrow>",
                inner(row(delimited("\\{", row(s("x")), "|"))));
        assertTrue(!MathMl.of(row(delimited("(", row(s("x")), ")"))).contains("mfenced"));
    }

    @Test
    void environmentsAreTables() throws Exception {
        String table = "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr>"
                + "<mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>";
        String[] r1 = {"a", "b"};
        String[] r2 = {"c", "d"};
        assertEquals(table, inner(row(env("matrix", "", r1, r2))));
        String pmatrix = inner(row(env("pmatrix", "", r1, r2)));
        assertTrue(pmatrix.startsWith("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mtable>"), pmatrix);
        assertTrue(pmatrix.endsWith("</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>"), pmatrix);
        assertTrue(inner(row(env("bmatrix", "", r1, r2))).contains(">[</mo><mtable>"));
        String cases = inner(row(env("cases", "", new String[] {"1", "x > 0"}, new String[] {"0", ""})));
        assertTrue(cases.startsWith("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mtable columnalign=\"left left\">"), cases);
        assertTrue(cases.contains("<mtd><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd>") && cases.contains("<mtd></mtd>"), cases);
    }

    @Test
    void arrayColumnSpecSetsAlignmentAndRules() throws Exception {
        String ruled = inner(row(env("array", "l|cr", new String[] {"a", "b", "c"})));
        assertTrue(ruled.startsWith("<mtable columnalign=\"left center right\" columnlines=\"solid none\">"), ruled);
        String plain = inner(row(env("array", "c c", new String[] {"a", "b"})));
        assertTrue(plain.startsWith("<mtable columnalign=\"center center\">"), plain);
        String framed = inner(row(env("array", "|c|", new String[] {"a"})));
        assertTrue(framed.startsWith("<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">|</mo><mtable columnalign=\"center\">"), framed);
        assertTrue(framed.endsWith(">|</mo></mrow>"), framed);
    }

    @Test
    void emptyFormulaAndEmptyGroup() throws Exception {
        assertEquals("", inner(row()));
        assertEquals("<msup><mrow></mrow><mn>2</mn></msup>", inner(row(sup(g(), g(s("2"))))));
    }

    @Test
    void aFullFormulaIsWellFormed() throws Exception {
        // \frac { d } { d x } \int _ { 0 } ^ { x } \sqrt [ 3 ] { t } d t = \left( \sum \limits _ { i } ^ { n } x _ { i } ^ { 2 } \right)
        MathNode tree = row(frac(g(s("d")), g(syms("d x"))), subsup(op("\\int"), g(s("0")), g(s("x"))),
                root(row(s("3")), g(s("t"))), s("d"), s("t"), s("="),
                delimited("(", row(subsup(opLimits("\\sum"), g(s("i")), g(s("n"))), subsup(s("x"), g(s("i")), g(s("2")))), ")"));
        Document doc = parse(MathMl.of(tree));
        assertEquals(1, doc.getElementsByTagNameNS(MathMl.NAMESPACE, "mfrac").getLength());
        assertEquals(1, doc.getElementsByTagNameNS(MathMl.NAMESPACE, "mroot").getLength());
        assertEquals(2, doc.getElementsByTagNameNS(MathMl.NAMESPACE, "msubsup").getLength());
        assertEquals(1, doc.getElementsByTagNameNS(MathMl.NAMESPACE, "munderover").getLength());
    }
}

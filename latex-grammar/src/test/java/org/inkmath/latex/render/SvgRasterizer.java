package org.inkmath.latex.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the subset of SVG that the renderer writes (groups and rects with matrix transforms,
 * paths with absolute M L Q C Z) back onto an image, so that a test can compare the SVG with the
 * PNG of the same formula. Test code only: it is no general SVG renderer.
 */
final class SvgRasterizer {

    private static final Pattern NUMBERS = Pattern.compile("-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?");
    private static final Pattern PATH_PART = Pattern.compile("([MLQCZmlqcz])([^MLQCZmlqcz]*)");

    private SvgRasterizer() {
    }

    static BufferedImage rasterize(Document svg) {
        Element root = svg.getDocumentElement();
        int width = (int) Math.round(Double.parseDouble(root.getAttribute("width")));
        int height = (int) Math.round(Double.parseDouble(root.getAttribute("height")));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        draw(root, new AffineTransform(), g);
        g.dispose();
        return image;
    }

    private static void draw(Element element, AffineTransform outer, Graphics2D g) {
        AffineTransform t = new AffineTransform(outer);
        if (element.hasAttribute("transform")) {
            t.concatenate(matrix(element.getAttribute("transform")));
        }
        switch (element.getLocalName()) {
            case "path" -> g.fill(t.createTransformedShape(path(element.getAttribute("d"))));
            case "rect" -> {
                if (!element.getAttribute("style").contains("fill:rgb(255,255,255)")) {
                    g.fill(t.createTransformedShape(new Rectangle2D.Double(num(element, "x"), num(element, "y"),
                            num(element, "width"), num(element, "height"))));
                }
            }
            default -> {
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element e) {
                        draw(e, t, g);
                    }
                }
            }
        }
    }

    private static double num(Element e, String attribute) {
        return e.hasAttribute(attribute) ? Double.parseDouble(e.getAttribute(attribute)) : 0;
    }

    private static AffineTransform matrix(String transform) {
        List<Double> m = numbers(transform);
        if (!transform.startsWith("matrix(") || m.size() != 6) {
            throw new IllegalArgumentException("unexpected transform " + transform);
        }
        return new AffineTransform(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5));
    }

    private static Path2D path(String d) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
        Matcher part = PATH_PART.matcher(d);
        while (part.find()) {
            List<Double> n = numbers(part.group(2));
            switch (part.group(1)) {
                case "M" -> p.moveTo(n.get(0), n.get(1));
                case "L" -> p.lineTo(n.get(0), n.get(1));
                case "Q" -> p.quadTo(n.get(0), n.get(1), n.get(2), n.get(3));
                case "C" -> p.curveTo(n.get(0), n.get(1), n.get(2), n.get(3), n.get(4), n.get(5));
                case "Z", "z" -> p.closePath();
                default -> throw new IllegalArgumentException("relative path command " + part.group(1) + " not handled");
            }
        }
        return p;
    }

    private static List<Double> numbers(String s) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBERS.matcher(s);
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }
}

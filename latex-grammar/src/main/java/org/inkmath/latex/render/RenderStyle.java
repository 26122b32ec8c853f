package org.inkmath.latex.render;

import org.scilab.forge.jlatexmath.TeXConstants;

/**
 * TeX's math styles. {@link #DISPLAY} (the default) sets fractions full size and puts the limits
 * of {@code \sum} and {@code \lim} below and above, as in a displayed equation and as people
 * write by hand; {@link #TEXT} is the inline style of running text.
 *
 * <pre>{@code new RenderOptions(...).withStyle(RenderStyle.TEXT)}</pre>
 */
public enum RenderStyle {
    DISPLAY(TeXConstants.STYLE_DISPLAY),
    TEXT(TeXConstants.STYLE_TEXT),
    SCRIPT(TeXConstants.STYLE_SCRIPT),
    SCRIPT_SCRIPT(TeXConstants.STYLE_SCRIPT_SCRIPT);

    private final int jlatexmathStyle;

    RenderStyle(int jlatexmathStyle) {
        this.jlatexmathStyle = jlatexmathStyle;
    }

    /** The constant that jlatexmath's icon builder wants. */
    int jlatexmathStyle() {
        return jlatexmathStyle;
    }
}

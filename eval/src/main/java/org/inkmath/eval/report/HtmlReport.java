package org.inkmath.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.inkmath.eval.metrics.Confusion;
import org.inkmath.eval.metrics.LengthBucket;
import org.inkmath.eval.metrics.TokenAlignment;
import org.inkmath.eval.metrics.MetricSummary.MetricValue;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.render.LatexRenderer;
import org.inkmath.latex.render.RenderException;
import org.inkmath.latex.render.RenderOptions;

/**
 * A report as one self-contained HTML page for people: the summary beside the published results,
 * the figures by length, the confusions, and a card for each error with the truth and the
 * prediction drawn side by side (by {@link LatexRenderer}) above the input image. Every image
 * is inlined as a {@code data:} URI, nothing is fetched; every text is escaped. The page is
 * also well-formed XML (XHTML syntax), which tests check with an XML parser.
 *
 * <pre>{@code
 * String page = HtmlReport.write(report, HtmlReport.Options.defaults().withImages(Path.of("2014/img")));
 * }</pre>
 *
 * A prediction that cannot be drawn shows its text and the renderer's message. The input picture
 * of an expression comes from {@link InputPictures} ({@code NAME.png} of a folder, or the model's
 * input drawn from ink); CROHME's images are white ink on black and are shown inverted. When the
 * options carry attention ({@link Options#withAttention}), the first cards also show one heatmap
 * per token ({@link AttentionPictures}).
 */
public final class HtmlReport {

    /**
     * The input picture of an expression, for its card: PNG bytes, white ink on black as CROHME's
     * images (the page shows them inverted).
     */
    @FunctionalInterface
    public interface InputPictures {
        /**
         * @throws IOException with a message for the card when there is no picture
         */
        byte[] png(String name) throws IOException;

        /** The pictures {@code NAME.png} of a folder, none larger than {@code maxBytes}; no name reaches outside it. */
        static InputPictures folder(Path folder, long maxBytes) {
            Path root = folder.normalize();
            return name -> {
                Path file = root.resolve(name + ".png").normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("no input image " + name + ".png");
                }
                long size;
                try {
                    size = Files.size(file);
                } catch (IOException e) {
                    throw new IOException("no input image " + name + ".png", e);
                }
                if (size > maxBytes) {
                    throw new IOException(name + ".png is too large to inline (" + Text.count(size) + " bytes)");
                }
                return Files.readAllBytes(file);
            };
        }
    }

    /**
     * How the page is made.
     *
     * @param inputs            the input pictures shown on the cards, if any
     * @param maxErrorCards     how many error cards at most (the first errors in evaluation order)
     * @param maxImageBytes     input images larger than this are not inlined, to bound the page
     * @param attention         per name, where the model looked, for heatmaps on the cards; empty
     *                          for none (a predictions file has none)
     * @param maxAttentionCards how many of the cards get heatmaps (the first ones), to bound the page
     */
    public record Options(Optional<InputPictures> inputs, int maxErrorCards, long maxImageBytes,
                          Function<String, Optional<AttentionView>> attention, int maxAttentionCards) {
        public Options {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(attention, "attention");
            if (maxErrorCards < 0 || maxAttentionCards < 0) {
                throw new IllegalArgumentException("the number of cards must not be negative: " + maxErrorCards
                        + ", " + maxAttentionCards);
            }
        }

        /** No images, at most 200 cards, images up to 1 MiB, no heatmaps (50 cards with them when given). */
        public static Options defaults() {
            return new Options(Optional.empty(), 200, 1 << 20, name -> Optional.empty(), 50);
        }

        /** The pictures {@code NAME.png} of a folder. */
        public Options withImages(Path folder) {
            return withInputs(InputPictures.folder(folder, maxImageBytes));
        }

        public Options withInputs(InputPictures pictures) {
            return new Options(Optional.of(pictures), maxErrorCards, maxImageBytes, attention, maxAttentionCards);
        }

        public Options withMaxErrorCards(int cards) {
            return new Options(inputs, cards, maxImageBytes, attention, maxAttentionCards);
        }

        public Options withAttention(Function<String, Optional<AttentionView>> views, int cards) {
            return new Options(inputs, maxErrorCards, maxImageBytes, views, cards);
        }
    }

    /** Heatmaps on a card before the strip is cut short. */
    private static final int MAX_ATTENTION_TOKENS = 60;

    /** Edits listed on a card before the list is cut short. */
    private static final int MAX_EDITS_SHOWN = 12;

    private static final LatexRenderer RENDERER = new LatexRenderer(RenderOptions.defaults().withSize(24));

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
            table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
            td:first-child,th:first-child{text-align:left}
            code{background:#f4f4f4;padding:0 .2em}
            .card{border:1px solid #ccc;border-radius:6px;padding:.8em;margin:1em 0}
            .pair{display:flex;gap:1em;flex-wrap:wrap}
            .pair>div{flex:1;min-width:280px;border:1px solid #eee;padding:.5em}
            .pair img{max-width:100%}
            .input img{max-width:100%;max-height:200px;filter:invert(1);border:1px solid #eee;margin-top:.5em}
            td.tok{text-align:left}
            .edits code{margin-right:.6em}
            .del{color:#b00}
            .ins{color:#070}
            .error{color:#b00}
            .meta{color:#666;font-size:90%}
            .src{font-family:monospace;font-size:90%;word-break:break-all}
            .att{display:flex;flex-wrap:wrap;gap:6px;margin-top:.3em}
            .att figure{margin:0;text-align:center}
            .att img{border:1px solid #eee}
            .att figcaption{font-family:monospace;font-size:80%}
            """;

    private HtmlReport() {
    }

    /** The page. Reads the input images it shows; unreadable ones are named on their card. */
    public static String write(EvaluationReport report, Options options) {
        Provenance p = report.provenance();
        StringBuilder out = new StringBuilder(64 * 1024);
        head(out, "inkmath evaluation: " + p.source());
        out.append("<h1>Evaluation: ").append(Text.html(p.source())).append("</h1>\n");
        out.append("<p class=\"meta\">").append(Text.html(p.truth())).append(", ").append(Text.html(p.selection()))
                .append(", ").append(Text.count(report.summary().expressions())).append(" expressions; ")
                .append(Text.html(p.codeVersion()));
        if (report.run() != null) {
            out.append("; run ").append(Text.html(report.run().date()));
        }
        out.append("</p>\n");

        out.append("<h2>Summary</h2>\n<table><tr><th>metric</th><th>ours</th>");
        PublishedResult.CROHME_2014.forEach(r -> out.append("<th>").append(Text.html(r.model())).append("</th>"));
        out.append("</tr>\n");
        for (MetricValue m : report.metrics()) {
            String counts = MarkdownReport.counts(m.key(), report.summary());
            out.append("<tr><td>").append(Text.html(m.label())).append("</td><td>").append(Text.percent(m.percent()))
                    .append(counts.isEmpty() ? "" : " <span class=\"meta\">(" + counts + ")</span>").append("</td>");
            for (PublishedResult r : PublishedResult.CROHME_2014) {
                out.append("<td>").append(m.key().equals("exprate") ? Text.percent(r.expressionRate()) : "–").append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n<p class=\"meta\">").append(Text.html(PublishedResult.SOURCE)).append("</p>\n");
        String repairNote = MarkdownReport.repairNote(report);
        if (!repairNote.isEmpty()) {
            out.append("<p class=\"meta\">").append(Text.html(repairNote)).append("</p>\n");
        }

        out.append("<h2>By expression length</h2>\n<table><tr><th>truth tokens</th><th>expressions</th><th>ExpRate</th>"
                + "<th>≤ 1 edit</th><th>structure</th></tr>\n");
        for (LengthBucket b : report.byLength()) {
            out.append("<tr><td>").append(b.label()).append("</td><td>").append(Text.count(b.expressions()))
                    .append("</td><td>").append(Text.percent(b.expressionRate())).append("</td><td>")
                    .append(Text.percent(b.within1Rate())).append("</td><td>").append(Text.percent(b.structureRate()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");

        out.append("<h2>Most frequent token confusions</h2>\n");
        if (report.confusions().isEmpty()) {
            out.append("<p>None.</p>\n");
        } else {
            out.append("<table><tr><th>edit</th><th>truth</th><th>predicted</th><th>count</th></tr>\n");
            for (Confusion c : report.confusions()) {
                out.append("<tr><td>").append(c.kind().name().toLowerCase(Locale.ROOT)).append("</td><td class=\"tok\">")
                        .append(codeOrNothing(c.truth())).append("</td><td class=\"tok\">").append(codeOrNothing(c.predicted()))
                        .append("</td><td>").append(Text.count(c.count())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }

        provenance(out, report);

        List<ExpressionOutcome> errors = report.errors();
        int shown = Math.min(errors.size(), options.maxErrorCards());
        out.append("<h2>Errors</h2>\n<p>").append(Text.count(errors.size())).append(" expressions are not exact");
        if (shown < errors.size()) {
            out.append("; the first ").append(Text.count(shown)).append(" are shown");
        }
        out.append(".</p>\n");
        for (int i = 0; i < shown; i++) {
            errorCard(out, errors.get(i), options, i < options.maxAttentionCards());
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    static void head(StringBuilder out, String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(Text.html(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static void provenance(StringBuilder out, EvaluationReport report) {
        Provenance p = report.provenance();
        out.append("<h2>Provenance</h2>\n<ul>\n");
        item(out, "source", p.source());
        p.sourceSettings().forEach((k, v) -> item(out, "source setting " + k, v));
        item(out, "truth", p.truth() + ", " + p.selection());
        p.evaluationSettings().forEach((k, v) -> item(out, k, v));
        item(out, "code", p.codeVersion());
        if (report.summary().missingPredictions() > 0) {
            item(out, "without a prediction (counted wrong)", Text.count(report.summary().missingPredictions()));
        }
        if (!report.unknownNames().isEmpty()) {
            List<String> names = report.unknownNames();
            item(out, "names in the predictions but not in the truth", names.size() + ": "
                    + String.join(", ", names.subList(0, Math.min(MarkdownReport.NAMES_LISTED, names.size())))
                    + (names.size() > MarkdownReport.NAMES_LISTED ? ", ..." : ""));
        }
        out.append("</ul>\n");
        RunFacts run = report.run();
        if (run != null) {
            out.append("<h2>Run</h2>\n<ul>\n");
            MarkdownReport.runFacts(run).forEach((k, v) -> item(out, k, v));
            out.append("</ul>\n");
        }
    }

    private static void item(StringBuilder out, String key, String value) {
        out.append("<li>").append(Text.html(key)).append(": ").append(Text.html(value)).append("</li>\n");
    }

    private static void errorCard(StringBuilder out, ExpressionOutcome e, Options options, boolean withAttention) {
        out.append("<div class=\"card\" id=\"").append(Text.html("card-" + e.name())).append("\">\n<h3>")
                .append(Text.html(e.name())).append("</h3>\n<p class=\"meta\">")
                .append(e.missing() ? "no prediction" : e.editDistance() + " token edit" + (e.editDistance() == 1 ? "" : "s"))
                .append("; structure ").append(e.structureCorrect() ? "right" : "wrong")
                .append("; prediction ").append(e.valid() ? "valid" : "not in the grammar");
        if (Boolean.TRUE.equals(e.repaired())) {
            out.append(" (repaired)");
        }
        if (e.score() != null) {
            out.append("; score ").append(String.format(Locale.ROOT, "%.4f", e.score()));
        }
        out.append("</p>\n");
        if (!e.missing()) {
            edits(out, e);
        }
        out.append("<div class=\"pair\">\n");
        formula(out, "truth", e.truth());
        formula(out, "prediction", e.missing() ? null : e.predicted());
        out.append("</div>\n");
        options.inputs().ifPresent(pictures -> inputImage(out, pictures, e.name()));
        if (withAttention && !e.missing()) {
            options.attention().apply(e.name()).ifPresent(view -> attention(out, view));
        }
        out.append("</div>\n");
    }

    /** One heatmap per token, labelled, in reading order. */
    private static void attention(StringBuilder out, AttentionView view) {
        List<AttentionPictures.Thumbnail> thumbnails;
        try {
            thumbnails = AttentionPictures.thumbnails(view, MAX_ATTENTION_TOKENS);
        } catch (IllegalArgumentException ex) {
            out.append("<p class=\"error\">no heatmaps: ").append(Text.html(ex.getMessage())).append("</p>\n");
            return;
        }
        out.append("<div class=\"meta\">attention per token (red: where the model looked)</div>\n<div class=\"att\">\n");
        for (AttentionPictures.Thumbnail t : thumbnails) {
            out.append("<figure><img alt=\"").append(Text.html(t.label())).append("\" src=\"").append(dataUri(t.png()))
                    .append("\"/><figcaption>").append(Text.html(t.label())).append("</figcaption></figure>\n");
        }
        if (view.maps().perToken().size() > thumbnails.size()) {
            out.append("<p class=\"meta\">… (").append(view.maps().perToken().size()).append(" tokens in all)</p>\n");
        }
        out.append("</div>\n");
    }

    /** The token edits, as the confusions count them: substitutions, deletions (−) and insertions (+). */
    private static void edits(StringBuilder out, ExpressionOutcome e) {
        List<TokenAlignment.Edit> edits = TokenAlignment.of(TokenSequence.parse(e.truth()),
                TokenSequence.parse(e.predicted())).edits();
        out.append("<p class=\"edits meta\">edits: ");
        for (TokenAlignment.Edit edit : edits.subList(0, Math.min(MAX_EDITS_SHOWN, edits.size()))) {
            switch (edit.kind()) {
                case SUBSTITUTE -> out.append("<code>").append(Text.html(edit.truth())).append(" → ")
                        .append(Text.html(edit.predicted())).append("</code>");
                case DELETE -> out.append("<code class=\"del\">−").append(Text.html(edit.truth())).append("</code>");
                case INSERT -> out.append("<code class=\"ins\">+").append(Text.html(edit.predicted())).append("</code>");
            }
        }
        if (edits.size() > MAX_EDITS_SHOWN) {
            out.append("… (").append(edits.size()).append(" in all)");
        }
        out.append("</p>\n");
    }

    private static void formula(StringBuilder out, String title, String latex) {
        out.append("<div><div class=\"meta\">").append(title).append("</div>\n");
        if (latex == null) {
            out.append("<p class=\"error\">missing</p>\n");
        } else if (latex.isEmpty()) {
            out.append("<p class=\"error\">empty</p>\n");
        } else {
            try {
                byte[] png = RENDERER.png(latex);
                out.append("<img alt=\"").append(Text.html(title)).append("\" src=\"").append(dataUri(png)).append("\"/>\n");
            } catch (RenderException ex) {
                out.append("<p class=\"error\">cannot be drawn: ").append(Text.html(ex.getMessage())).append("</p>\n");
            }
        }
        out.append("<div class=\"src\">").append(latex == null ? "" : Text.html(latex)).append("</div>\n</div>\n");
    }

    private static void inputImage(StringBuilder out, InputPictures pictures, String name) {
        out.append("<div class=\"input\"><div class=\"meta\">input</div>\n");
        try {
            byte[] png = pictures.png(name);
            out.append("<img alt=\"input\" src=\"").append(dataUri(png)).append("\"/>\n");
        } catch (IOException ex) {
            out.append("<p class=\"error\">").append(Text.html(ex.getMessage() == null ? "no input image" : ex.getMessage()))
                    .append("</p>\n");
        }
        out.append("</div>\n");
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static String codeOrNothing(String token) {
        return token.isEmpty() ? "∅" : "<code>" + Text.html(token) + "</code>";
    }
}

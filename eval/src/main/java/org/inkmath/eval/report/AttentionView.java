package org.inkmath.eval.report;

import java.util.List;
import java.util.Objects;

import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.image.GrayImage;

/**
 * Where a model looked while it wrote each token of one expression: the model's input picture,
 * the attention maps of its recognition and the tokens it printed. The HTML report draws one
 * small heatmap per token from it ({@link AttentionPictures}).
 *
 * <pre>{@code
 * AttentionView view = new AttentionView(input, recognition.attention(), recognition.tokens());
 * List<AttentionPictures.Thumbnail> heatmaps = AttentionPictures.thumbnails(view, 60);
 * }</pre>
 *
 * @param input  the picture the model read (ink 255 on 0), before any scaling of the model's own
 * @param maps   per token the attention over a grid of 16-pixel cells of the model's input
 * @param tokens the printed tokens; when the output was repaired they may not match the maps one to
 *               one, and the maps are then labelled by step
 */
public record AttentionView(GrayImage input, Recognition.AttentionMaps maps, List<String> tokens) {

    public AttentionView {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(maps, "maps");
        tokens = List.copyOf(tokens);
    }

    /** The label of map {@code i}: its token, or its step when the maps do not match the tokens. */
    public String label(int i) {
        return tokens.size() == maps.perToken().size() ? tokens.get(i) : "step " + (i + 1);
    }
}

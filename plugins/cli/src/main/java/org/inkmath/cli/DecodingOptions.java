package org.inkmath.cli;

import java.util.Locale;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import picocli.CommandLine.Option;

/**
 * The decoding options of the commands that run the recognizer ({@code recognize}, {@code eval}),
 * mixed into each with {@code @Mixin}: one definition of their names, defaults and help.
 */
final class DecodingOptions {

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "bidirectional",
            description = "Decoding: greedy (fastest), beam (left to right) or bidirectional (default: "
                    + "${DEFAULT-VALUE}: a beam each way, every hypothesis rescored by the opposite direction).")
    String strategy;

    @Option(names = "--beam", paramLabel = "N", defaultValue = "10",
            description = "Hypotheses kept per direction (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--constrained",
            description = "Never let the decoder choose a token after which no well-formed formula can follow.")
    boolean constrained;

    @Option(names = "--max-length", paramLabel = "N", defaultValue = "200",
            description = "Most decoding steps per direction (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--length-penalty", paramLabel = "A",
            description = "Alpha of the hypotheses' ranking score, log-probability / (tokens + 1)^A (default: 1)."
                    + " Greedy decoding takes the most likely token at every step whatever A.")
    Double lengthPenalty;

    /**
     * {@code base} with these options.
     *
     * @throws IllegalArgumentException naming the option when a value is out of range
     */
    RecognizerOptions apply(RecognizerOptions base) {
        return base.withStrategy(strategy(strategy)).withBeamSize(beam).withMaxLength(maxLength)
                .withConstrained(constrained)
                .withLengthPenalty(lengthPenalty != null ? lengthPenalty : base.lengthPenalty());
    }

    private static Strategy strategy(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "greedy" -> Strategy.GREEDY;
            case "beam" -> Strategy.BEAM;
            case "bidirectional" -> Strategy.BIDIRECTIONAL;
            default -> throw new IllegalArgumentException("--strategy must be greedy, beam or bidirectional, not '"
                    + name + "'");
        };
    }
}

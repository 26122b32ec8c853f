package org.inkmath.latex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recognizer's output vocabulary: index 0 {@code <pad>}, 1 {@code <sos>}, 2 {@code <eos>},
 * then the 110 CROHME symbols in the order of the reference model, so that embedding and output
 * rows line up with its checkpoints. Immutable.
 */
public final class Vocabulary {

    public static final int PAD = 0;
    public static final int SOS = 1;
    public static final int EOS = 2;

    private static final Vocabulary CROHME = load("vocab.txt");

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    /** A vocabulary of the given tokens; the first three must be {@code <pad> <sos> <eos>}. */
    public Vocabulary(List<String> tokens) {
        if (tokens.size() < 3 || !tokens.subList(0, 3).equals(List.of("<pad>", "<sos>", "<eos>"))) {
            throw new IllegalArgumentException("a vocabulary starts with <pad> <sos> <eos>");
        }
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (map.put(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token listed twice: " + this.tokens.get(i));
            }
        }
        this.ids = Map.copyOf(map);
    }

    /** The 113-token vocabulary of the CROHME captions and the reference model. */
    public static Vocabulary crohme() {
        return CROHME;
    }

    public int size() {
        return tokens.size();
    }

    /** The token with this id. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** The id of {@code token}, if it is in the vocabulary. */
    public Optional<Integer> id(String token) {
        return Optional.ofNullable(ids.get(token));
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** All tokens, in id order. */
    public List<String> tokens() {
        return tokens;
    }

    /** The ids of a token sequence; fails naming the first token that is not in the vocabulary. */
    public int[] encode(TokenSequence sequence) {
        int[] out = new int[sequence.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(sequence.get(i));
            if (id == null) {
                throw new IllegalArgumentException("token " + i + " '" + sequence.get(i) + "' is not in the vocabulary");
            }
            out[i] = id;
        }
        return out;
    }

    /** The tokens of some ids, special tokens ({@code <pad> <sos> <eos>}) left out. */
    public TokenSequence decode(int[] ids) {
        return new TokenSequence(Arrays.stream(ids).filter(id -> id > EOS).mapToObj(tokens::get).toList());
    }

    private static Vocabulary load(String resource) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Vocabulary(reader.lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

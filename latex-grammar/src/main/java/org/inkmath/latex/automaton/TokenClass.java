package org.inkmath.latex.automaton;

import java.util.List;

import org.inkmath.latex.LatexToken;
import org.inkmath.latex.LatexTokenizer;
import org.inkmath.latex.Vocabulary;

/**
 * What a vocabulary token is to the grammar of {@code GRAMMAR.md}: the prefix automaton only looks
 * at this class, never at the token itself, so that tokens of one class are interchangeable.
 * {@code [} and {@code ]} have classes of their own because their meaning depends on where they
 * stand (index brackets of a root, or symbols). Example: {@code TokenClass.of("\\frac")} is
 * {@link #FRAC}.
 */
public enum TokenClass {
    /** A symbol: letters, digits, punctuation, {@code \alpha}, <code>\&#123;</code> ... */
    SYMBOL,
    /** {@code [}: opens a root index right after {@code \sqrt}, a symbol elsewhere. */
    OPEN_BRACKET,
    /** {@code ]}: closes a root index at the index's top level, a symbol elsewhere. */
    CLOSE_BRACKET,
    /** {@code \sin \cos \tan \log}: an atom and an argument, like a symbol. */
    FUNCTION,
    /** {@code \sum \int \lim}: an atom that may take {@code \limits}, never an argument. */
    BIG_OPERATOR,
    LIMITS,
    FRAC,
    SQRT,
    OPEN_BRACE,
    CLOSE_BRACE,
    SUPERSCRIPT,
    SUBSCRIPT,
    /** {@code <eos>}: the end of a complete formula. */
    END,
    /** {@code <pad>} and {@code <sos>}: never emitted. */
    SPECIAL,
    /** Tokens the grammar knows but the automaton never allows ({@code \left}, environments, ...). */
    UNSUPPORTED;

    /** The class of a token text that is not one of the special tokens. */
    public static TokenClass of(String token) {
        switch (token) {
            case "<eos>":
                return END;
            case "<pad>":
            case "<sos>":
                return SPECIAL;
            default:
                break;
        }
        // One home for what a token is: the project's lexer.
        List<LatexToken> lexed = LatexTokenizer.tokenize(token);
        if (lexed.size() != 1) {
            return UNSUPPORTED;
        }
        return switch (lexed.get(0).kind()) {
            case SYMBOL -> SYMBOL;
            case OPEN_BRACKET -> OPEN_BRACKET;
            case CLOSE_BRACKET -> CLOSE_BRACKET;
            case FUNCTION -> FUNCTION;
            case BIG_OPERATOR -> BIG_OPERATOR;
            case LIMITS -> LIMITS;
            case FRAC -> FRAC;
            case SQRT -> SQRT;
            case OPEN_BRACE -> OPEN_BRACE;
            case CLOSE_BRACE -> CLOSE_BRACE;
            case SUPERSCRIPT -> SUPERSCRIPT;
            case SUBSCRIPT -> SUBSCRIPT;
            default -> UNSUPPORTED;
        };
    }

    /** The class of every token of {@code vocabulary}, indexed by token id. */
    static TokenClass[] classify(Vocabulary vocabulary) {
        TokenClass[] classes = new TokenClass[vocabulary.size()];
        for (int id = 0; id < classes.length; id++) {
            classes[id] = id == Vocabulary.EOS ? END
                    : id == Vocabulary.PAD || id == Vocabulary.SOS ? SPECIAL
                    : of(vocabulary.token(id));
        }
        return classes;
    }
}

package org.inkmath.latex.grammar;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Stops the parser at the first token that cannot continue the formula, keeping the rule it
 * was in, instead of ANTLR's recovery (which guesses insertions and deletions whose later
 * errors would be artefacts). The validator explains the stop with {@link ErrorExplainer}.
 */
final class FirstErrorStrategy extends DefaultErrorStrategy {

    /** Where and how a parse stopped. */
    record Stop(ParserRuleContext context, Token offending, boolean failedPredicate) {
    }

    /** Thrown out of the parser at the first error; cheap, as it carries no stack trace. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Stop stop;

        Stopped(Stop stop) {
            super(null, null, false, false);
            this.stop = stop;
        }

        Stop stop() {
            return stop;
        }
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        // Rule-level failures: no viable alternative, or a failed predicate of the grammar.
        throw new Stopped(new Stop((ParserRuleContext) e.getCtx(), e.getOffendingToken(),
                e instanceof FailedPredicateException));
    }

    @Override
    public void recover(Parser parser, RecognitionException e) {
        throw new Stopped(new Stop((ParserRuleContext) e.getCtx(), e.getOffendingToken(),
                e instanceof FailedPredicateException));
    }

    @Override
    public Token recoverInline(Parser parser) {
        // A token of the wrong type where the rule needed one particular type.
        throw new Stopped(new Stop(parser.getContext(), parser.getCurrentToken(), false));
    }

    @Override
    public void sync(Parser parser) {
        // Loops and optional parts simply end at a token they cannot take; the rule that
        // follows then stops at it, with the context that explains it best.
    }
}

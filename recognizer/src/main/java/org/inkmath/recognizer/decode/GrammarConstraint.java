package org.inkmath.recognizer.decode;

import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton;
import org.inkmath.latex.automaton.RightToLeftAutomaton;

/**
 * Which tokens may come next so that the output can still be completed to a well-formed formula,
 * in either direction: the prefix automaton of latex-grammar left to right, its Earley twin right
 * to left. The end token is allowed exactly when the tokens so far form a formula. Automaton
 * states are immutable, so a hypothesis forks by sharing its state. Thread-safe.
 */
public abstract sealed class GrammarConstraint {

    /** The constraint for one direction, in the captions' (canonical) form of the language. */
    public static GrammarConstraint of(Direction direction, Vocabulary vocabulary) {
        return direction == Direction.LEFT_TO_RIGHT
                ? new LeftToRight(new PrefixAutomaton(PrefixAutomaton.Mode.CANONICAL, vocabulary))
                : new RightToLeft(new RightToLeftAutomaton(PrefixAutomaton.Mode.CANONICAL, vocabulary));
    }

    abstract Object start();

    /** Whether {@code token} (the direction's end token included) may follow {@code state}. */
    abstract boolean allows(Object state, int token);

    /** The state after a token other than the end token. */
    abstract Object advance(Object state, int token);

    private static final class LeftToRight extends GrammarConstraint {
        private final PrefixAutomaton automaton;

        LeftToRight(PrefixAutomaton automaton) {
            this.automaton = automaton;
        }

        @Override
        Object start() {
            return automaton.start();
        }

        @Override
        boolean allows(Object state, int token) {
            return automaton.isAllowed((PrefixAutomaton.State) state, token);
        }

        @Override
        Object advance(Object state, int token) {
            return automaton.advance((PrefixAutomaton.State) state, token);
        }
    }

    private static final class RightToLeft extends GrammarConstraint {
        private final RightToLeftAutomaton automaton;

        RightToLeft(RightToLeftAutomaton automaton) {
            this.automaton = automaton;
        }

        @Override
        Object start() {
            return automaton.start();
        }

        @Override
        boolean allows(Object state, int token) {
            // this automaton marks "a complete formula" with <eos>; right to left the end token is <sos>
            if (token == Vocabulary.SOS) {
                return automaton.allowed((RightToLeftAutomaton.State) state).contains(Vocabulary.EOS);
            }
            return token != Vocabulary.EOS && automaton.allowed((RightToLeftAutomaton.State) state).contains(token);
        }

        @Override
        Object advance(Object state, int token) {
            return automaton.advance((RightToLeftAutomaton.State) state, token);
        }
    }
}

/*
 * Tokens of the LaTeX math that inkmath reads and writes.
 *
 * One lexer token is one token of a caption: "\frac{a}{b}" lexes to \frac { a } { b }.
 * Commands the project knows get their own token type so that the parser can tell them
 * apart; any other command lexes as UNKNOWN_COMMAND so that the validator can name it.
 * Longest match wins, and on equal length the rule written first wins: "\summ" is unknown,
 * "\sum" is a big operator, "\\" is a row break rather than a control symbol.
 */
lexer grammar LatexMathLexer;

// \begin{name} and \end{name}, one token each; an array also carries its column spec.
BEGIN_ARRAY : '\\begin' SPACE* '{' SPACE* 'array' SPACE* '}' SPACE* '{' [lcr| ]+ '}' ;
BEGIN_ENV   : '\\begin' SPACE* '{' SPACE* ENV_NAME SPACE* '}' ;
END_ENV     : '\\end' SPACE* '{' SPACE* (ENV_NAME | 'array') SPACE* '}' ;
fragment ENV_NAME : 'matrix' | 'pmatrix' | 'bmatrix' | 'cases' ;

FRAC     : '\\frac' ;
SQRT     : '\\sqrt' ;
LEFT     : '\\left' ;
RIGHT    : '\\right' ;
LIMITS   : '\\limits' ;
BIG_OPERATOR : '\\sum' | '\\int' | '\\lim' ;
FUNCTION : '\\sin' | '\\cos' | '\\tan' | '\\log' ;

// The CROHME symbols that are spelled as commands (see vocab.txt).
SYMBOL_COMMAND
    : '\\Delta' | '\\Pi' | '\\alpha' | '\\beta' | '\\cdot' | '\\cdots' | '\\div' | '\\exists'
    | '\\forall' | '\\gamma' | '\\geq' | '\\in' | '\\infty' | '\\lambda' | '\\ldots' | '\\leq'
    | '\\mu' | '\\neq' | '\\phi' | '\\pi' | '\\pm' | '\\prime' | '\\rightarrow' | '\\sigma'
    | '\\theta' | '\\times' | '\\{' | '\\}'
    ;

ROW_BREAK : '\\\\' ;
LBRACE    : '{' ;
RBRACE    : '}' ;
CARET     : '^' ;
UNDERSCORE: '_' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
AMPERSAND : '&' ;

// The CROHME symbols that are single characters, but for [ and ], which have their own tokens.
SYMBOL : [a-zA-Z0-9] | [!()+,\-./<=>|] ;

UNKNOWN_COMMAND : '\\' [a-zA-Z]+ ;
CONTROL_SYMBOL  : '\\' ~[a-zA-Z] ;

WHITESPACE : SPACE+ -> skip ;
fragment SPACE : [ \t\r\n] ;

// Anything else ($, ', ", ...): the normaliser maps some of these, the parser rejects them.
OTHER : . ;

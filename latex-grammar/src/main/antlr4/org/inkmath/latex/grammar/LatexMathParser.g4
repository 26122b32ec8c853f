/*
 * The LaTeX math of inkmath: the reference implementation of GRAMMAR.md.
 *
 * Every decision is LL(1), so the parser never backtracks and the first token that cannot
 * continue a formula is where parsing stops (the validator explains it from the rule stack).
 *
 * Inside a root index (\sqrt [ ... ]) the first ] outside braces ends the index, as in LaTeX.
 * A context-free grammar cannot switch a token's meaning, so the rules that a row reaches
 * without passing through braces have an index twin (index...) in which ] is not a symbol and
 * \sqrt takes no index of its own; a group { ... } leads back to the ordinary rules.
 *
 * Two checks look at token text rather than token type; they are predicates that call
 * LatexMathParserBase: which symbols are delimiters, and whether \end names its \begin.
 */
parser grammar LatexMathParser;

options {
    tokenVocab = LatexMathLexer;
    superClass = LatexMathParserBase;
}

formula     : row EOF ;

row         : item* ;
item        : atom scripts? ;
atom        : symbol | function | bigop | group | fraction | root | delimited | environment ;

symbol      : SYMBOL | SYMBOL_COMMAND | LBRACKET | RBRACKET ;
function    : FUNCTION ;
bigop       : BIG_OPERATOR LIMITS? ;
group       : LBRACE row RBRACE ;
argument    : group | symbol | function ;
fraction    : FRAC argument argument ;

// \sqrt [ always opens an index, so a radicand without an index cannot be [.
root        : SQRT ( rootIndex argument | radicand ) ;
rootIndex   : LBRACKET indexRow RBRACKET ;
radicand    : group | function | SYMBOL | SYMBOL_COMMAND | RBRACKET ;

scripts     : UNDERSCORE argument ( CARET argument )?
            | CARET argument ( UNDERSCORE argument )?
            ;

delimited   : LEFT delimiter row RIGHT delimiter ;
delimiter   : { isDelimiter() }? ( SYMBOL | SYMBOL_COMMAND | LBRACKET | RBRACKET ) ;

environment : ( BEGIN_ENV | BEGIN_ARRAY ) cells ( ROW_BREAK cells )* END_ENV { endMatchesBegin() }? ;
cells       : row ( AMPERSAND row )* ;

// The index twins: the same language with ] ending the row and no nested \sqrt [.
indexRow         : indexItem* ;
indexItem        : indexAtom indexScripts? ;
indexAtom        : indexSymbol | function | bigop | group | indexFraction | indexRoot | indexDelimited
                 | indexEnvironment ;
indexSymbol      : SYMBOL | SYMBOL_COMMAND | LBRACKET ;
indexArgument    : group | indexSymbol | function ;
indexFraction    : FRAC indexArgument indexArgument ;
indexRoot        : SQRT indexRadicand ;
indexRadicand    : group | function | SYMBOL | SYMBOL_COMMAND ;
indexScripts     : UNDERSCORE indexArgument ( CARET indexArgument )?
                 | CARET indexArgument ( UNDERSCORE indexArgument )?
                 ;
indexDelimited   : LEFT indexDelimiter indexRow RIGHT indexDelimiter ;
indexDelimiter   : { isDelimiter() }? ( SYMBOL | SYMBOL_COMMAND | LBRACKET ) ;
indexEnvironment : ( BEGIN_ENV | BEGIN_ARRAY ) indexCells ( ROW_BREAK indexCells )* END_ENV { endMatchesBegin() }? ;
indexCells       : indexRow ( AMPERSAND indexRow )* ;

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { inLatexMath, inMarkdownMath, wrapLatex } from '../src/wrap';

test('markdown prose gets inline dollars', () => {
  assert.equal(wrapLatex('x^2', 'markdown', 'Let '), '$x^2$');
  assert.equal(wrapLatex('  x^2 \n', 'markdown', ''), '$x^2$');
});

test('markdown inside dollars, double dollars or a math fence stays bare', () => {
  assert.equal(wrapLatex('x^2', 'markdown', 'Let $a + '), 'x^2');
  assert.equal(wrapLatex('x^2', 'markdown', 'Text\n$$\n'), 'x^2');
  assert.equal(wrapLatex('x^2', 'markdown', 'Text\n```math\n'), 'x^2');
});

test('markdown after closed math, in code, or after an escaped dollar is prose again', () => {
  assert.equal(inMarkdownMath('Let $a$ and '), false);
  assert.equal(inMarkdownMath('$$\na\n$$\n'), false);
  assert.equal(inMarkdownMath('costs \\$5 and '), false);
  assert.equal(inMarkdownMath('see `$x` and '), false);
  assert.equal(inMarkdownMath('```js\nconst a = "$'), false);
  assert.equal(inMarkdownMath('```math\na\n```\n'), false);
  // an unclosed single dollar does not run into the next paragraph
  assert.equal(inMarkdownMath('price $5\n\nnext '), false);
});

test('latex outside math gets inline dollars, inside stays bare', () => {
  assert.equal(wrapLatex('x^2', 'latex', 'We have '), '$x^2$');
  assert.equal(wrapLatex('x^2', 'latex', 'We have $a='), 'x^2');
  assert.equal(wrapLatex('x^2', 'latex', 'We have \\(a='), 'x^2');
  assert.equal(wrapLatex('x^2', 'latex', 'We have \\[a='), 'x^2');
  assert.equal(wrapLatex('x^2', 'latex', 'We have $$a='), 'x^2');
});

test('every math environment, starred or not, counts as math', () => {
  for (const env of ['equation', 'align', 'gather', 'multline', 'math', 'displaymath']) {
    for (const name of [env, `${env}*`]) {
      assert.equal(inLatexMath(`Text\n\\begin{${name}}\n  a = `), true, name);
      assert.equal(inLatexMath(`\\begin{${name}} a \\end{${name}}\nThen `), false, name);
    }
  }
  assert.equal(inLatexMath('\\begin{itemize}\n\\item '), false);
});

test('latex: closed math, comments and escaped dollars are not math', () => {
  assert.equal(inLatexMath('$a$ and \\(b\\) and \\[c\\] then '), false);
  assert.equal(inLatexMath('% a comment with $ in it\nText '), false);
  assert.equal(inLatexMath('costs \\$5 '), false);
  assert.equal(inLatexMath('\\begin{equation}\n% $\n'), true);
  // a nested delimiter does not end the outer environment
  assert.equal(inLatexMath('\\begin{align} a &= \\text{$b$} \\\\ '), true);
});

test('other languages get the LaTeX bare; empty LaTeX stays empty', () => {
  assert.equal(wrapLatex('\\frac{a}{b}', 'python', 'x = '), '\\frac{a}{b}');
  assert.equal(wrapLatex('   ', 'markdown', ''), '');
});

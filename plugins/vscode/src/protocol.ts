/**
 * The messages between the pad (webview) and the extension, and the checks on what the webview
 * sends. The webview is a page that could be confused by anything it draws, so the extension
 * trusts nothing it posts: every message is validated here before use. No `vscode` import.
 *
 * Example: `parsePadMessage({type: 'recognize', id: 1, strokes: [[[0, 0, 0], [5, 5, 16]]]})`
 * gives the same message typed; `parsePadMessage({type: 'recognize'})` throws a
 * {@link ProtocolError} naming the missing field.
 */

/** One pen sample: x, y in CSS pixels of the pad, t in ms since the first pen-down. */
export type Point = readonly [number, number, number];
/** One stroke: the samples from pen-down to pen-up. */
export type Stroke = readonly Point[];

/** Most strokes and points one recognition may carry; beyond, the pad's input is refused. */
export const MAX_STROKES = 1000;
export const MAX_POINTS = 50_000;
/** Longest LaTeX the pad may ask to insert or preview. */
export const MAX_LATEX_LENGTH = 10_000;

/** Messages from the pad to the extension. */
export type PadMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'recognize'; readonly id: number; readonly strokes: readonly Stroke[] }
  | { readonly type: 'preview'; readonly latex: string }
  | { readonly type: 'insert'; readonly latex: string };

/** One candidate of a recognition. */
export interface Candidate {
  readonly latex: string;
  readonly score: number;
}

/** The model the server runs; a status other than "released" is shown with a warning. */
export interface ModelInfo {
  readonly name: string;
  readonly status: string;
  /** The server's own verdict when it gives one; otherwise status "released" means released. */
  readonly released?: boolean;
  /** The server's warning for a model that is not released. */
  readonly warning?: string;
}

/** Messages from the extension to the pad. */
export type HostMessage =
  | { readonly type: 'server'; readonly state: 'starting' | 'ready' | 'failed'; readonly message: string; readonly model?: ModelInfo }
  | {
      readonly type: 'result'; readonly id: number; readonly latex: string; readonly confidence: number;
      readonly valid: boolean; readonly alternatives: readonly Candidate[]; readonly model?: ModelInfo;
    }
  | { readonly type: 'error'; readonly id?: number; readonly message: string }
  | { readonly type: 'preview'; readonly latex: string; readonly image: string }
  | { readonly type: 'inserted'; readonly latex: string; readonly target: string };

/** A message that breaks the protocol; its text names what is wrong. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function latexField(message: Record<string, unknown>): string {
  const latex = message.latex;
  if (typeof latex !== 'string') throw new ProtocolError(`'${String(message.type)}' needs a string 'latex'`);
  if (latex.length > MAX_LATEX_LENGTH) {
    throw new ProtocolError(`the LaTeX is ${latex.length} characters long, more than ${MAX_LATEX_LENGTH}`);
  }
  return latex;
}

/** Checks the strokes of a recognition: arrays of [x, y, t] (t optional) with finite numbers. */
export function parseStrokes(value: unknown): Stroke[] {
  if (!Array.isArray(value)) throw new ProtocolError("'strokes' must be an array of strokes");
  if (value.length === 0) throw new ProtocolError('there is no stroke to recognize');
  if (value.length > MAX_STROKES) throw new ProtocolError(`${value.length} strokes, more than ${MAX_STROKES}`);
  let points = 0;
  return value.map((stroke, s) => {
    if (!Array.isArray(stroke) || stroke.length === 0) {
      throw new ProtocolError(`stroke ${s} must be a non-empty array of points`);
    }
    points += stroke.length;
    if (points > MAX_POINTS) throw new ProtocolError(`more than ${MAX_POINTS} points`);
    return stroke.map((point, p): Point => {
      if (!Array.isArray(point) || point.length < 2 || point.length > 3
          || !point.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        throw new ProtocolError(`point ${p} of stroke ${s} must be [x, y] or [x, y, t] with finite numbers`);
      }
      return [point[0], point[1], point.length === 3 ? point[2] : 0];
    });
  });
}

/** Validates a message posted by the pad; throws {@link ProtocolError} when it is malformed. */
export function parsePadMessage(value: unknown): PadMessage {
  if (!isRecord(value) || typeof value.type !== 'string') {
    throw new ProtocolError('a message from the pad must be an object with a string "type"');
  }
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'recognize': {
      const id = value.id;
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
        throw new ProtocolError("'recognize' needs a non-negative integer 'id'");
      }
      return { type: 'recognize', id, strokes: parseStrokes(value.strokes) };
    }
    case 'preview':
      return { type: 'preview', latex: latexField(value) };
    case 'insert':
      return { type: 'insert', latex: latexField(value) };
    default:
      throw new ProtocolError(`unknown message type '${value.type}'`);
  }
}

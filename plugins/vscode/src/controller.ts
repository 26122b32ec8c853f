/**
 * What the extension does with each message of the pad: start (or find) the server when the pad
 * is ready, send strokes for recognition, fetch a rendering for the chosen formula, insert it.
 * The editor and the server come in as functions, so the protocol is tested without VS Code.
 *
 * Example:
 * ```ts
 * const controller = new PadController({post: (m) => webview.postMessage(m), connect, recognize, render, insert});
 * webview.onDidReceiveMessage((m) => controller.receive(m));
 * ```
 */
import { parsePadMessage, ProtocolError, type HostMessage, type ModelInfo, type Stroke } from './protocol';
import { InkmathError, type Recognition } from './server';

export interface PadHost {
  /** Sends a message to the pad. */
  readonly post: (message: HostMessage) => void;
  /** Makes sure a server answers (starting it if needed); resolves to its model. */
  readonly connect: (onStarting: (what: string) => void) => Promise<ModelInfo | undefined>;
  readonly recognize: (strokes: readonly Stroke[]) => Promise<Recognition>;
  /** A `data:` URI of the formula's image. */
  readonly render: (latex: string) => Promise<string>;
  /** Inserts the formula into the editor; resolves to a description of where it went. */
  readonly insert: (latex: string) => Promise<string>;
  /** Tells the user about an error outside the pad (a VS Code error message). */
  readonly showError: (message: string) => void;
}

function messageOf(error: unknown): string {
  if (error instanceof InkmathError || error instanceof ProtocolError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

export class PadController {
  private connection: Promise<ModelInfo | undefined> | undefined;

  constructor(private readonly host: PadHost) {}

  /** Handles one message posted by the pad; never throws (errors go back to the pad). */
  async receive(raw: unknown): Promise<void> {
    let message;
    try {
      message = parsePadMessage(raw);
    } catch (e) {
      this.host.post({ type: 'error', message: `The pad sent a bad message: ${messageOf(e)}` });
      return;
    }
    switch (message.type) {
      case 'ready':
        await this.connect();
        return;
      case 'recognize':
        try {
          if (!(await this.connect())) return;
          const result = await this.host.recognize(message.strokes);
          this.host.post({ type: 'result', id: message.id, ...result });
        } catch (e) {
          this.host.post({ type: 'error', id: message.id, message: `Recognition failed: ${messageOf(e)}` });
        }
        return;
      case 'preview':
        try {
          const image = await this.host.render(message.latex);
          this.host.post({ type: 'preview', latex: message.latex, image });
        } catch {
          // The preview is a nicety: without it the LaTeX text is still shown and can be inserted.
        }
        return;
      case 'insert':
        try {
          const target = await this.host.insert(message.latex);
          this.host.post({ type: 'inserted', latex: message.latex, target });
        } catch (e) {
          const text = `Cannot insert the formula: ${messageOf(e)}`;
          this.host.post({ type: 'error', message: text });
          this.host.showError(text);
        }
        return;
    }
  }

  /**
   * Connects once; a failure is reported (pad and VS Code) and forgotten, so that the next
   * recognition tries again after the user fixed the settings. Resolves to false on failure.
   */
  private async connect(): Promise<boolean> {
    if (!this.connection) {
      this.connection = this.host.connect((what) => this.host.post({ type: 'server', state: 'starting', message: what }));
      this.connection.then(
        (model) => this.host.post({
          type: 'server', state: 'ready', model,
          message: `Connected to the inkmath server${model ? ` (model ${model.name})` : ''}. Write a formula below.`,
        }),
        (e: unknown) => {
          this.connection = undefined;
          const text = messageOf(e);
          this.host.post({ type: 'server', state: 'failed', message: text });
          this.host.showError(text);
        });
    }
    try {
      await this.connection;
      return true;
    } catch {
      return false;
    }
  }
}

import * as vscode from 'vscode';
import { formatJson, RAW_JSON_LIMITS } from '../core/format';
import type { SpaceDetails } from '../core/model';

const SCHEME = 'spaces-raw';
/** Documents kept at once: the oldest goes first (its tab then says to use Show Raw JSON again). */
const MAX_DOCUMENTS = 20;

/**
 * Read-only JSON documents of what a vendor answered (Show Raw JSON), bounded in depth and size (the
 * document says so when it is cut), and in number: a closed document lets go of its text.
 */
export class RawJsonDocuments implements vscode.TextDocumentContentProvider {
  private readonly documents = new Map<string, string>();
  private readonly didChange = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.didChange.event;

  register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.documents.delete(document.uri.toString())),
      this.didChange,
    );
  }

  async show(details: SpaceDetails): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${details.accountId}/${encodeURIComponent(details.id)}.json` });
    const key = uri.toString();
    const shown = withoutSchemaLink(details.raw);
    const { text, note } = rawJsonText(shown.raw);
    const notes = [shown.note, note].filter(Boolean);
    this.documents.delete(key);
    this.documents.set(key, [...notes.map((line) => `// ${line}\n`), text].join(''));
    for (const oldest of this.documents.keys()) {
      if (this.documents.size <= MAX_DOCUMENTS) break;
      this.documents.delete(oldest);
    }
    this.didChange.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    // A document that says something first starts with a comment, which plain JSON would mark as an error.
    await vscode.languages.setTextDocumentLanguage(document, notes.length ? 'jsonc' : 'json');
    await vscode.window.showTextDocument(document, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? `// ${vscode.l10n.t('This document is no longer kept: use Show Raw JSON again.')}\n`;
  }
}

/** The key under which a JSON document names its schema, which VS Code's JSON support downloads. */
const SCHEMA_KEY = '$schema';

/**
 * The answer with its top-level `$schema` renamed, and a note that says so: VS Code would download the schema
 * it names (from anywhere, before its trusted-domains list), telling the vendor when and where the user looked.
 */
export function withoutSchemaLink(raw: unknown): { raw: unknown; note?: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, SCHEMA_KEY)) return { raw };
  let renamed = `${SCHEMA_KEY} (not loaded)`;
  while (Object.hasOwn(raw, renamed)) renamed += '*';
  const entries = Object.entries(raw).map(([key, value]) => [key === SCHEMA_KEY ? renamed : key, value] as const);
  return { raw: Object.fromEntries(entries), note: vscode.l10n.t('"{0}" is shown as "{1}", so that VS Code does not fetch the schema it names.', SCHEMA_KEY, renamed) };
}

/** The answer as indented JSON within the limits, and what was left out, in words (undefined when nothing). */
export function rawJsonText(raw: unknown): { text: string; note?: string } {
  const { text, cut } = formatJson(raw);
  const reasons = [
    cut.depth ? vscode.l10n.t('values nested deeper than {0} levels are not shown', RAW_JSON_LIMITS.maxDepth) : '',
    cut.size ? vscode.l10n.t('it stops after {0} MB', RAW_JSON_LIMITS.maxChars / (1024 * 1024)) : '',
  ].filter(Boolean);
  return reasons.length ? { text, note: vscode.l10n.t('Cut short: {0}.', reasons.join('; ')) } : { text };
}

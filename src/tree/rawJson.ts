import * as vscode from 'vscode';
import type { SpaceDetails } from '../core/model';

const SCHEME = 'spaces-raw';

/** Read-only JSON documents of what a vendor answered (Show Raw JSON). */
export class RawJsonDocuments implements vscode.TextDocumentContentProvider {
  private readonly documents = new Map<string, string>();
  private readonly didChange = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.didChange.event;

  register(): vscode.Disposable {
    return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(SCHEME, this), this.didChange);
  }

  async show(details: SpaceDetails): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${details.accountId}/${encodeURIComponent(details.id)}.json` });
    this.documents.set(uri.toString(), JSON.stringify(details.raw, null, 2));
    this.didChange.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? '{}';
  }
}

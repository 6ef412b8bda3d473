/**
 * The workbench surfaces that turn text into actions (notifications, modals, progress titles, the status
 * bar), each behind one function that makes the whole text inert (`forMessage`): the extension's own
 * wording has no links or icons, so nothing in a message can be one, whatever vendor text it quotes.
 * ESLint keeps `vscode.window`'s own versions out of the rest of the code.
 */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { LINK_PATH, spaceLinkQuery, type SpaceLink } from '../core/links';
import { forMessage, forPick } from './text';
import { isWebUrl } from './url';

/* eslint-disable no-restricted-syntax -- this file is the one place allowed to call them */

export function showInfo<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(forMessage(message), ...actions);
}

export function showError<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(forMessage(message), ...actions);
}

/** A modal warning (a confirmation): resolves with the action picked, undefined when dismissed. */
export function confirmModal<T extends string>(message: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(forMessage(message), { modal: true }, ...actions);
}

/** A modal warning whose detail lists `lines`, one a line (each made inert on its own): what it is about. */
export function confirmModalListing<T extends string>(message: string, lines: readonly string[], ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(forMessage(message), { modal: true, detail: lines.map(forMessage).join('\n') }, ...actions);
}

export function showStatus(message: string, hideAfterMs: number): vscode.Disposable {
  return vscode.window.setStatusBarMessage(forMessage(message), hideAfterMs);
}

/** Work shown as a cancellable notification titled `title`; `signal` aborts when the user cancels. */
export function withNotificationProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: forMessage(title), cancellable: true }, (_progress, token) => {
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    return work(controller.signal).finally(() => {
      cancel.dispose();
    });
  });
}

/** Work shown as the progress bar of the view `viewId` (no text, so nothing to make inert). */
export function withViewProgress<T>(viewId: string, work: Promise<T>): void {
  void vscode.window.withProgress({ location: { viewId } }, () => work.catch(() => undefined));
}

/* eslint-enable no-restricted-syntax */

/** Copies a space id and says so in the status bar, the id shown as text (never as an icon). */
export function copySpaceId(spaceId: string): Promise<void> {
  return copySpaceIds([spaceId]);
}

/** The ids, one a line; the status bar names the one id, or counts several. */
export async function copySpaceIds(spaceIds: readonly string[]): Promise<void> {
  const [only, ...more] = spaceIds;
  if (only === undefined) return;
  await vscode.env.clipboard.writeText(spaceIds.join('\n'));
  showStatus(more.length === 0 ? vscode.l10n.t('Copied {0}', only) : vscode.l10n.t('Copied {0} space ids', spaceIds.length), 3000);
}

/**
 * A link to the space that opens it in this workbench: `<scheme>://<extension id>/open?account=…&space=…`
 * on the desktop; in a browser, the address the workbench gives for it (its callback page). Ids only.
 */
export async function spaceLinkText(extensionId: string, link: SpaceLink): Promise<string> {
  const uri = vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: extensionId, path: LINK_PATH, query: spaceLinkQuery(link) });
  // Written as made: the ids are encoded already, and toString() would encode `=` and `&` too.
  return (await vscode.env.asExternalUri(uri)).toString(true);
}

/** Copies a link to the space and says so in the status bar. */
export function copySpaceLink(extensionId: string, link: SpaceLink): Promise<void> {
  return copySpaceLinks(extensionId, [link]);
}

/** The links, one a line; the status bar names the one space, or counts several. */
export async function copySpaceLinks(extensionId: string, links: readonly SpaceLink[]): Promise<void> {
  const [only, ...more] = links;
  if (only === undefined) return;
  const texts = await Promise.all(links.map((link) => spaceLinkText(extensionId, link)));
  await vscode.env.clipboard.writeText(texts.join('\n'));
  showStatus(more.length === 0 ? vscode.l10n.t('Copied a link to {0}', only.spaceId) : vscode.l10n.t('Copied {0} links', links.length), 3000);
}

/**
 * Opens a vendor's link in the browser: http(s) only, so a vendor's answer can never open another kind
 * of link; VS Code still asks before an untrusted domain. Passed as the string: a Uri's toString() may
 * re-encode it (%2F, %3A …) into another link, and the extension host opens a string unchanged.
 */
export async function openWebUrl(url: unknown): Promise<void> {
  if (isWebUrl(url)) await vscode.env.openExternal(url as unknown as vscode.Uri);
}

/**
 * Asks where to save a file, suggesting `fileName` (vendor text made safe by `fileNameFor`) in the workspace's
 * first folder, else the home folder; `title` is shown inert. The place picked, undefined when cancelled.
 */
export async function askWhereToSave(fileName: string, title: string, filters: Readonly<Record<string, string[]>>): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(homedir());
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, fileName), title: forPick(title), filters: { ...filters } });
}

/** Writes `text` to `uri` as UTF-8, through the workspace's file systems (a remote or virtual one too). */
export async function writeTextFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

// What both the tree and the panel ask of the workbench for a space, done one way.
import * as vscode from 'vscode';
import { escapeIcons } from './text';
import { isWebUrl } from './url';

/** Copies a space id and says so in the status bar, the id shown as text (never as an icon). */
export async function copySpaceId(spaceId: string): Promise<void> {
  await vscode.env.clipboard.writeText(spaceId);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', escapeIcons(spaceId)), 3000);
}

/**
 * Opens a vendor's link in the browser: http(s) only, so a vendor's answer can never open another kind
 * of link; VS Code still asks before an untrusted domain. Passed as the string: a Uri's toString() may
 * re-encode it (%2F, %3A …) into another link, and the extension host opens a string unchanged.
 */
export async function openWebUrl(url: unknown): Promise<void> {
  if (isWebUrl(url)) await vscode.env.openExternal(url as unknown as vscode.Uri);
}

// Vendor text the extension shows in the workbench's own labels. Pure (no `vscode`), so unit tests check it.

/**
 * Vendor text for the status bar and other labels that render `$(name)` as an icon: every `$(` gets a
 * backslash, which VS Code's label renderer drops while showing the rest as text. (A backslash already
 * before it stays, shown as itself.)
 */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

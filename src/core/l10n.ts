/**
 * The translations of src/core, which cannot reach `vscode.l10n`. Core files call `l10n.t` of
 * `@vscode/l10n` themselves (written `l10n.t('…')` in full, so `npm run l10n` finds them), and always when
 * a message is made, never at load time, so a bundle configured after loading still applies.
 *
 * Each bundle that includes core code (dist/extension.js, and the network stack dist/core.js, loaded later)
 * has its own copy of `@vscode/l10n`: the extension configures each with the bundle VS Code loaded.
 */
import * as l10n from '@vscode/l10n';

/** `contents`: `vscode.l10n.bundle`, undefined where VS Code loaded none (English). */
export function configureL10n(contents: Readonly<Record<string, string>> | undefined): void {
  if (contents) l10n.config({ contents: { ...contents } });
}

import * as vscode from 'vscode';
import { forLog } from './text';
import { showError } from './workbench';

/**
 * Registers the command `spaces.<id>`, run under one error policy: a failure is one error notification in
 * the extension's words (whatever vendor text it quotes made inert) and a log line, never an unhandled
 * rejection, which the workbench would show as "…resulted in an error" with the raw message, links and all.
 * `name` words the failure ("Add Account failed: …"). It hands its caller nothing back: whoever runs it (a
 * command link, another extension) gets no panel, node or client to go around the commands with.
 */
export function registerCommand(log: vscode.LogOutputChannel, id: string, run: (...args: never[]) => unknown, name?: string): vscode.Disposable {
  return vscode.commands.registerCommand(`spaces.${id}`, async (...args: never[]) => {
    try {
      await run(...args);
    } catch (err) {
      reportFailure(log, `spaces.${id}`, err, name);
    }
    return undefined;
  });
}

/** The one error policy: a log line naming `what`, and one error notification in the extension's words. */
export function reportFailure(log: vscode.LogOutputChannel, what: string, err: unknown, name?: string): void {
  const message = err instanceof Error ? err.message : String(err);
  log.error(`${what} failed: ${forLog(message)}`);
  void showError(vscode.l10n.t('{0} failed: {1}', name ?? vscode.l10n.t('The command'), message));
}

import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { VENDORS } from '../core/vendors/catalog';
import { parseAccounts, type AccountProblem, type BrokenAccount, type ParsedAccounts } from '../core/accounts';

export const SETTINGS_SECTION = 'spaces';
const ACCOUNTS_KEY = 'accounts';

/**
 * Reads `spaces.accounts` from user settings only (a workspace must never add or redirect an account)
 * and tells listeners when it changes.
 */
export class AccountSettings extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) this.changed.fire();
      }),
    );
  }

  read(): ParsedAccounts {
    return parseAccounts(this.raw());
  }

  /** The `spaces.accounts` array as it stands in user settings, entries unparsed (broken ones too). */
  raw(): readonly unknown[] {
    const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect<unknown>(ACCOUNTS_KEY)?.globalValue;
    return Array.isArray(value) ? value : [];
  }

  /**
   * Reads the user-settings array, applies `change` and writes the result back to user settings (never
   * to a workspace). Updates run one after another, so two quick changes never lose one another.
   */
  update(change: (entries: readonly unknown[]) => unknown[]): Promise<void> {
    const next = this.writes.then(async () => {
      const entries = change(this.raw());
      const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
      await config.update(ACCOUNTS_KEY, entries.length ? entries : undefined, vscode.ConfigurationTarget.Global);
    });
    this.writes = next.catch(() => undefined);
    return next;
  }

  private writes: Promise<void> = Promise.resolve();
}

/** One sentence naming the broken entry and what is wrong with it. */
export function describeBrokenAccount({ index, id, problem }: BrokenAccount): string {
  const entry = id ?? vscode.l10n.t('entry {0}', index + 1);
  return vscode.l10n.t('Account "{0}": {1}', entry, describeProblem(problem));
}

function describeProblem(problem: AccountProblem): string {
  switch (problem.code) {
    case 'notAnObject':
      return vscode.l10n.t('each entry must be an object with "id" and "vendor"');
    case 'badId':
      return vscode.l10n.t('"id" is missing or not lowercase letters, digits and dashes');
    case 'duplicateId':
      return vscode.l10n.t('another account already uses this id');
    case 'unknownVendor':
      return vscode.l10n.t('unknown vendor "{0}" (use one of {1})', problem.vendor, Object.keys(VENDORS).join(', '));
    case 'missingField':
      return vscode.l10n.t('"{0}" is required for this vendor', problem.field);
    case 'badUrl':
      return vscode.l10n.t('"{0}" is not an http(s) URL', problem.value);
    case 'insecureHttp':
      return vscode.l10n.t('"{0}" is plain http to another machine, so credentials would travel unencrypted: use https, or set "allowInsecureHttp": true on the account to accept that', problem.value);
    case 'badAuthMode':
      return problem.allowed.length
        ? vscode.l10n.t('"authMode" must be one of {0}', problem.allowed.join(', '))
        : vscode.l10n.t('this vendor has no "authMode"');
    case 'badValue':
      return vscode.l10n.t('"{0}" has the wrong type or format', problem.field);
  }
}

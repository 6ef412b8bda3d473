// What a broken `spaces.accounts` entry is told as: one sentence a person can act on.
import * as vscode from 'vscode';
import { VENDORS } from '../core/vendors/catalog';
import type { AccountProblem, BrokenAccount } from '../core/accounts';

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

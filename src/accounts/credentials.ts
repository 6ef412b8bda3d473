/**
 * Update Credentials…: one password box for each secret the account's auth mode asks for, an empty answer
 * keeping the stored one; secrets the account reads from the environment are not asked for. Secrets go to
 * SecretStorage only.
 */
import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { SecretSpec } from '../core/vendors/vendor';
import type { AccountSecrets } from '../services/secrets';
import type { SpacesService } from '../services/spaces';
import { showInfo } from '../util/workbench';
import { runAnswerFlow, type AnswerStep } from './answerFlow';
import { checkSecret, secretSpecsFor } from './answers';
import { describeInputProblem } from './wizard';

export interface CredentialsDeps {
  readonly secrets: AccountSecrets;
  readonly service: SpacesService;
  readonly log: vscode.LogOutputChannel;
}

/** Secret values by key, as typed in this run ('' or absent: keep the stored one). */
type SecretAnswers = Readonly<Record<string, string>>;

/** Asks for the account's secrets and stores those given; resolves with whether any was stored. */
export async function updateCredentials({ secrets, service, log }: CredentialsDeps, account: Account): Promise<boolean> {
  const specs = secretSpecsFor(service.vendor(account.vendor).secretFields, account.authMode);
  const fromEnv = specs.filter((s) => account.credentialsFromEnv[s.key] !== undefined);
  const asked = specs.filter((s) => account.credentialsFromEnv[s.key] === undefined);
  if (fromEnv.length > 0) void showInfo(describeFromEnv(account, fromEnv));
  if (asked.length === 0) return false;
  const current = await secrets.read(account);
  const steps = Object.fromEntries(asked.map((spec) => [spec.key, secretStep(spec, Boolean(current[spec.key]))]));
  const order = asked.map((spec) => spec.key);
  const values = await runAnswerFlow(vscode.l10n.t('Update Credentials: {0}', account.label), {}, steps, () => order);
  if (!values) return false;
  const changed = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
  if (Object.keys(changed).length === 0) return false;
  await secrets.store(account, changed);
  log.info(`credentials of ${account.id} updated (${Object.keys(changed).join(', ')})`);
  return true;
}

function describeFromEnv(account: Account, fromEnv: readonly SecretSpec[]): string {
  return vscode.l10n.t(
    'Account "{0}" reads {1} from the environment variable(s) {2} (its "credentialsFromEnv" setting), so there is nothing to store for it.',
    account.label,
    fromEnv.map((s) => s.label).join(', '),
    fromEnv.map((s) => account.credentialsFromEnv[s.key]).join(', '),
  );
}

/** The password box for one secret; `stored`: one is stored already, and an empty answer keeps it. */
function secretStep(spec: SecretSpec, stored: boolean): AnswerStep<SecretAnswers> {
  return async (input, values) => {
    const value = await input.input({
      prompt: stored ? vscode.l10n.t('{0} (leave empty to keep the stored one)', spec.label) : spec.label,
      value: values[spec.key] ?? '',
      password: true,
      validate: (typed) => describeInputProblem(checkSecret(typed, stored)),
    });
    return { ...values, [spec.key]: value.trim() };
  };
}

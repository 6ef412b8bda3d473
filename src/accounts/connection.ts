/**
 * The words for a connection test's outcome: what was fetched, or what failed in plain words per error kind.
 * Worded with `@vscode/l10n`, as src/core is (the extension gives it VS Code's bundle when it activates), so
 * the wizard's steps that quote them run in Node.
 */
import * as l10n from '@vscode/l10n';
import type { ErrorKind, SpacesError } from '../core/errors';
import type { ConnectionTest } from '../services/spaces';

export function describeSuccess(test: ConnectionTest): string {
  switch (test.kind) {
    case 'space':
      return l10n.t('Connected: fetched the space "{0}".', test.space.name);
    case 'listed':
      return test.spaces.length === 1
        ? l10n.t('Connected: the account lists 1 space.')
        : l10n.t('Connected: the account lists {0} spaces.', test.spaces.length);
    case 'accepted':
      return l10n.t('Connected: the credentials were accepted. No space is configured yet, so none was fetched.');
    case 'untested':
      return l10n.t('Nothing to fetch yet: no space is configured, so the credentials are checked when the first space is added.');
  }
}

/** One plain sentence on what failed, then the vendor's own message (`brief`: its first words only, for a notification). */
export function describeFailure(error: SpacesError, { brief = false } = {}): string {
  if (error.kind === 'cancelled') return failureHeadline(error.kind);
  const words = Array.from(error.message);
  const message = brief && words.length > BRIEF ? `${words.slice(0, BRIEF - 1).join('')}…` : error.message;
  return `${failureHeadline(error.kind)} ${message}`;
}

/** How much of a vendor's message a notification quotes. */
const BRIEF = 120;

/** What a failure of this kind means, in plain words (short enough for a quick pick's placeholder). */
export function failureHeadline(kind: ErrorKind): string {
  switch (kind) {
    case 'auth':
      return l10n.t('The credentials were not accepted.');
    case 'forbidden':
      return l10n.t('The credentials were accepted but may not read this.');
    case 'notFound':
      return l10n.t('The space id does not exist (or these credentials cannot see it).');
    case 'rateLimited':
      return l10n.t('The server asks to slow down: try again later.');
    case 'server':
      return l10n.t('The server failed to answer (a problem on its side).');
    case 'timeout':
      return l10n.t('The server did not answer in time (see spaces.requestTimeoutSeconds).');
    case 'network':
      return l10n.t('Could not reach the server: check the URL, the network and the proxy settings.');
    case 'tls':
      return l10n.t("The server's certificate is not trusted: see spaces.extraCaCertificates.");
    case 'badResponse':
      return l10n.t("The answer was not what this vendor's API sends: check the URL.");
    case 'redirect':
      return l10n.t('The server redirected to another site, which was not followed: check the URL.');
    case 'config':
      return l10n.t('A setting or credential is missing.');
    case 'cancelled':
      return l10n.t('The test was cancelled.');
  }
}

/**
 * Which step of the wizard, answered a moment ago, a failure of this kind points at, for "Back to …".
 * Not `ERROR_ACTIONS`, which says what a saved account's failure offers: here a network failure points at
 * the URL just typed, where for a saved account it is most likely the network.
 */
export function culprit(kind: ErrorKind): 'credentials' | 'server' | 'spaces' | undefined {
  switch (kind) {
    case 'auth':
    case 'forbidden':
      return 'credentials';
    case 'network':
    case 'tls':
    case 'timeout':
    case 'redirect':
    case 'badResponse':
      return 'server';
    case 'notFound':
      return 'spaces';
    default:
      // `config` may be a missing setting or a missing secret: the message says which.
      return undefined;
  }
}


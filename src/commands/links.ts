/**
 * Links to a space: Copy Link writes one; the URI handler opens one. Whoever sent the link is untrusted, like
 * a command argument: the link is parsed strictly (`core/links.ts`), its account must be configured here and
 * its space one the account shows (`CommandTargets`). Nothing from a link is stored or pre-filled anywhere.
 */
import * as vscode from 'vscode';
import { MAX_LINK_VALUE, parseSpaceLink, type LinkProblem, type SpaceLink } from '../core/links';
import { reportFailure } from '../util/commands';
import { forLog } from '../util/text';
import { copySpaceLinks, showError } from '../util/workbench';
import type { CommandDeps } from './deps';
import { openTarget } from './spaces';

/** Copy Link on space rows: a link with the ids of each space its account shows, one a line. */
export async function copyLink({ context, targets }: CommandDeps, arg: unknown, selected?: unknown): Promise<void> {
  const spaces = await targets.spaces(targets.selection(arg, selected));
  const links = spaces.map(({ account, spaceId }) => ({ accountId: account.id, spaceId }));
  const unique = [...new Map(links.map((link) => [`${link.accountId}\n${link.spaceId}`, link])).values()];
  await copySpaceLinks(context.extension.id, unique);
}

/** What became of a link (the host tests read it; the user reads the message). */
export type LinkOutcome =
  | { readonly kind: 'opened' | 'unknownSpace' }
  | { readonly kind: 'unknownAccount'; readonly message: string }
  | { readonly kind: 'refused'; readonly problem: LinkProblem; readonly message: string };

/** The extension's URI handler: each link the workbench hands over is opened, or refused in one message. */
export class SpaceLinks implements vscode.UriHandler {
  private count = 0;
  private last?: Promise<LinkOutcome | undefined>;

  constructor(private readonly deps: CommandDeps) {}

  handleUri(uri: vscode.Uri): void {
    this.count++;
    this.last = openLink(this.deps, uri).catch((err: unknown) => {
      reportFailure(this.deps.log, 'opening a link', err, vscode.l10n.t('Opening the link'));
      return undefined;
    });
  }

  /** How many links the workbench has handed over. */
  get handled(): number {
    return this.count;
  }

  /** What became of the latest link (undefined: it failed, and said so). */
  get latest(): Promise<LinkOutcome | undefined> | undefined {
    return this.last;
  }
}

/** Reveals the linked space's row and opens its panel, as a click on the row would; or says why not. */
async function openLink(deps: CommandDeps, uri: vscode.Uri): Promise<LinkOutcome> {
  const parsed = parseSpaceLink(uri.path, uri.query, uri.fragment);
  if (!parsed.ok) return refuse(deps, uri, parsed.problem);
  const { accountId, spaceId } = parsed.link;
  if (!deps.config.accounts().accounts.some((account) => account.id === accountId)) return unknownAccount(deps, parsed.link);
  // Configured, listed (the account is listed if need be) or a subspace row: else it says why not.
  const target = await deps.targets.space(parsed.link);
  if (!target) {
    deps.log.info(`link: "${forLog(spaceId)}" is not a space account "${accountId}" shows`);
    return { kind: 'unknownSpace' };
  }
  // The panel first, as a click on the row opens it (as fast: `npm run bench` compares them), then the row,
  // shown and selected while the page loads; the focus goes back to the panel, where a click leaves it.
  await openTarget(deps, target);
  await deps.tree.reveal(accountId, spaceId, { focus: true });
  deps.panels.get(accountId, spaceId)?.reveal();
  return { kind: 'opened' };
}

function refuse(deps: CommandDeps, uri: vscode.Uri, problem: LinkProblem): LinkOutcome {
  deps.log.warn(`link refused (${problem.code}): ${forLog(uri.toString(true).slice(0, 600))}`);
  const message = vscode.l10n.t('Spaces Explorer refused the link: {0}. Nothing was opened.', problemText(problem));
  void showError(message);
  return { kind: 'refused', problem, message };
}

/** Says which account is missing, and offers the wizard: empty, whatever the link said. */
function unknownAccount(deps: CommandDeps, { accountId }: SpaceLink): LinkOutcome {
  deps.log.info(`link: account "${forLog(accountId)}" is not configured`);
  const message = vscode.l10n.t('The link names the account "{0}", which is not configured on this machine. Nothing was opened.', accountId);
  const add = vscode.l10n.t('Add Account…');
  void showError(message, add).then((picked) => picked === add && vscode.commands.executeCommand('spaces.addAccount'));
  return { kind: 'unknownAccount', message };
}

function problemText(problem: LinkProblem): string {
  switch (problem.code) {
    case 'path':
      return vscode.l10n.t('it asks for something other than opening a space');
    case 'fragment':
      return vscode.l10n.t('it has a part after "#", which a link to a space never has');
    case 'malformed':
      return vscode.l10n.t('it is not of the form "account=…&space=…"');
    case 'unknownKey':
      return vscode.l10n.t('it has "{0}", which a link to a space does not have', problem.key);
    case 'repeatedKey':
      return vscode.l10n.t('it has "{0}" more than once', problem.key);
    case 'missingKey':
      return vscode.l10n.t('it has no "{0}"', problem.key);
    case 'empty':
      return vscode.l10n.t('its "{0}" is empty', problem.key);
    case 'tooLong':
      return vscode.l10n.t('its "{0}" is longer than {1} characters', problem.key, MAX_LINK_VALUE);
    case 'control':
      return vscode.l10n.t('its "{0}" holds control or invisible characters', problem.key);
  }
}

import * as vscode from 'vscode';
import type { Account } from '../core/accounts';
import type { SpaceDetails } from '../core/model';
import { VENDORS } from '../core/vendors/catalog';
import { RawJsonDocuments } from './rawJson';
import { SpaceNode, toSpacesError } from './nodes';
import type { CommandDeps } from './commands';

/** A space from any account, as the palette's pickers list it. */
interface SpacePick extends vscode.QuickPickItem {
  readonly account?: Account;
  readonly spaceId?: string;
}

/** The commands on spaces: open, find, copy, browse, raw JSON. */
export function registerSpaceCommands({ settings, service }: CommandDeps): vscode.Disposable[] {
  const raw = new RawJsonDocuments();

  /** The node's details, fetched if the row has not loaded them yet. */
  async function detailsOf(node: SpaceNode): Promise<SpaceDetails | undefined> {
    await node.load();
    if (node.details) return node.details;
    void vscode.window.showErrorMessage(node.error?.toString() ?? vscode.l10n.t('The space could not be loaded.'));
    return undefined;
  }

  async function open(account: Account, spaceId: string): Promise<void> {
    try {
      const details = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opening {0}…', spaceId), cancellable: true },
        (_, token) => service.getSpace(account, spaceId, { signal: abortOn(token) }),
      );
      // The space panel replaces this with a rich view; until then Open shows what the vendor answered.
      await raw.show(details);
    } catch (err) {
      const error = toSpacesError(err);
      if (error.kind !== 'cancelled') void vscode.window.showErrorMessage(error.toString());
    }
  }

  /** Every space of every account (listed or configured), each row naming its vendor and account. */
  async function allSpaces(): Promise<SpacePick[]> {
    const { accounts } = settings.read();
    const perAccount = await Promise.all(
      accounts.map(async (account) => {
        const refs = await service.listSpaces(account).catch(() => account.spaces.map((id) => ({ id, name: undefined })));
        return Promise.all(
          refs.map(async ({ id, name }) => {
            const details = await service.getSpace(account, id).catch(() => undefined);
            return {
              label: details?.name ?? name ?? id,
              description: `${VENDORS[account.vendor].name} · ${account.label}`,
              detail: details?.status ? `${id} · ${details.status.label}` : id,
              account,
              spaceId: id,
            } satisfies SpacePick;
          }),
        );
      }),
    );
    return perAccount.flat();
  }

  async function pickAccount(): Promise<Account | undefined> {
    const { accounts } = settings.read();
    const pick = await vscode.window.showQuickPick(
      accounts.map((account) => ({ label: account.label, description: VENDORS[account.vendor].name, account })),
      { title: vscode.l10n.t('Which account?'), placeHolder: vscode.l10n.t('Pick the account the space belongs to') },
    );
    return pick?.account;
  }

  async function openSpace(): Promise<void> {
    const enterId: SpacePick = { label: `$(edit) ${vscode.l10n.t('Enter an id…')}`, alwaysShow: true };
    const quickPick = vscode.window.createQuickPick<SpacePick>();
    quickPick.title = vscode.l10n.t('Open Space');
    quickPick.placeholder = vscode.l10n.t('Type to filter the spaces of every account');
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.busy = true;
    quickPick.items = [enterId];
    quickPick.show();
    void allSpaces().then((items) => {
      quickPick.items = [...items, enterId];
      quickPick.busy = false;
    });
    const chosen = await new Promise<SpacePick | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]));
      quickPick.onDidHide(() => resolve(undefined));
    });
    quickPick.dispose();
    if (!chosen) return;
    if (chosen.account && chosen.spaceId !== undefined) return open(chosen.account, chosen.spaceId);
    const account = await pickAccount();
    if (!account) return;
    const id = await vscode.window.showInputBox({
      title: vscode.l10n.t('Open Space in {0}', account.label),
      prompt: vscode.l10n.t('The space id'),
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter an id')),
    });
    if (id) await open(account, id.trim());
  }

  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(`spaces.${id}`, run);
  return [
    raw.register(),
    command('open', async (node: SpaceNode) => {
      const details = await detailsOf(node);
      if (details) await raw.show(details);
    }),
    command('showRawJson', async (node: SpaceNode) => {
      const details = await detailsOf(node);
      if (details) await raw.show(details);
    }),
    command('openSpace', openSpace),
    command('findSpace', openSpace),
    command('copySpaceId', async (node: SpaceNode) => {
      await vscode.env.clipboard.writeText(node.spaceId);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.spaceId), 3000);
    }),
    command('copyAsJson', async (node: SpaceNode) => {
      const details = await detailsOf(node);
      if (details) await vscode.env.clipboard.writeText(JSON.stringify(details.raw, null, 2));
    }),
    command('openInBrowser', async (node: SpaceNode) => {
      const details = await detailsOf(node);
      const url = details?.webUrl;
      // Only http(s): a vendor's answer must never make us open another kind of link.
      if (url && /^https?:\/\//i.test(url)) await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
  ];
}

function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

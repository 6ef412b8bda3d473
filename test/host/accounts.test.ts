// The account commands inside a real extension host, against the sandbox started in this process.
// Where a command asks through a QuickPick or InputBox, `vscode.window.createQuickPick/createInputBox`
// are replaced by scripted fakes (the extension and this suite share one `vscode` API object), so the
// whole flow runs (steps, Back, validation, the connection test) without typing in the UI.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AccountSettings } from '../../src/accounts/settings';
import { withSpaceRemoved, withSpacesAdded } from '../../src/accounts/entries';
import { parseAccounts, type Account } from '../../src/core/accounts';
import type { SpacesExplorerApi } from '../../src/extension';
import type { SpacesNode } from '../../src/tree/nodes';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { demoProfile } from '../sandbox/demo';
import { ALUMIO_SANDBOX } from '../sandbox/vendors/alumio';
import { BLUEWORKS_SANDBOX } from '../sandbox/vendors/blueworks';
import { ONEDATA_SANDBOX } from '../sandbox/vendors/onedata';

const EXTENSION_ID = 'spaces-explorer.spaces-explorer';

async function api(): Promise<SpacesExplorerApi> {
  const extension = vscode.extensions.getExtension<SpacesExplorerApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
  return extension.activate();
}

const config = () => vscode.workspace.getConfiguration('spaces');
const userAccounts = (): unknown[] => (config().inspect<unknown[]>('accounts')?.globalValue ?? []) as unknown[];

async function setAccounts(accounts: readonly unknown[]): Promise<void> {
  await config().update('accounts', accounts, vscode.ConfigurationTarget.Global);
}

function account(entry: Record<string, unknown>): Account {
  const { accounts, broken } = parseAccounts([entry]);
  assert.deepEqual(broken, []);
  return accounts[0]!;
}

async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

/** Duck-typed: the tree's nodes are the extension bundle's classes, not this bundle's. */
type AccountRow = SpacesNode & { account: Account; refresh(): void };
type SpaceRow = SpacesNode & { account: Account; spaceId: string; configured: boolean; details?: { name: string }; error?: { kind: string }; load(o?: { refresh?: boolean }): Promise<void> };

async function accountRow(tree: SpacesExplorerApi['tree'], id: string): Promise<AccountRow> {
  const rows = await eventually(
    async () => ((await tree.getChildren()) ?? []) as SpacesNode[],
    (nodes) => nodes.some((n) => (n as Partial<AccountRow>).account?.id === id),
    `account row ${id}`,
  );
  return rows.find((n) => (n as Partial<AccountRow>).account?.id === id) as AccountRow;
}

async function spaceRows(node: AccountRow): Promise<SpaceRow[]> {
  const children = ((await node.getChildren()) ?? []) as SpacesNode[];
  const spaces = children.filter((c): c is SpaceRow => 'spaceId' in c);
  await Promise.all(spaces.map((s) => s.load()));
  return spaces;
}

// ---------------------------------------------------------------------------------------------
// Scripted quick inputs

type Fake = FakeInput | FakePick;

class FakeBase {
  title?: string;
  step?: number;
  totalSteps?: number;
  placeholder?: string;
  busy = false;
  enabled = true;
  ignoreFocusOut = false;
  buttons: readonly vscode.QuickInputButton[] = [];
  disposed = false;
  protected readonly emitters = {
    accept: new vscode.EventEmitter<void>(),
    hide: new vscode.EventEmitter<void>(),
    button: new vscode.EventEmitter<vscode.QuickInputButton>(),
  };
  readonly onDidAccept = this.emitters.accept.event;
  readonly onDidHide = this.emitters.hide.event;
  readonly onDidTriggerButton = this.emitters.button.event;

  constructor(private readonly shown: (fake: Fake) => void) {}

  show(): void {
    this.shown(this as unknown as Fake);
  }
  hide(): void {
    if (!this.disposed) this.emitters.hide.fire();
  }
  dispose(): void {
    this.hide();
    this.disposed = true;
  }
  /** Presses Back. */
  back(): void {
    assert.ok(this.buttons.includes(vscode.QuickInputButtons.Back), `no Back button on "${this.placeholder ?? ''}"`);
    this.emitters.button.fire(vscode.QuickInputButtons.Back);
  }
  press(id: string): void {
    const button = this.buttons.find((b) => (b as { id?: string }).id === id);
    assert.ok(button, `no button ${id}`);
    this.emitters.button.fire(button);
  }
  async idle(): Promise<void> {
    await eventually(() => this.busy, (busy) => !busy, 'the input to stop being busy');
  }
}

class FakeInput extends FakeBase {
  readonly kind = 'input';
  prompt?: string;
  value = '';
  password = false;
  validationMessage?: string;
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChangeValue = this.changed.event;

  /** Types `value` and presses Enter. */
  async enter(value: string): Promise<void> {
    this.value = value;
    this.changed.fire(value);
    this.emitters.accept.fire();
    await new Promise((r) => setTimeout(r, 10));
    await this.idle();
  }
}

class FakePick extends FakeBase {
  readonly kind = 'pick';
  items: readonly vscode.QuickPickItem[] = [];
  activeItems: readonly vscode.QuickPickItem[] = [];
  selectedItems: readonly vscode.QuickPickItem[] = [];
  canSelectMany = false;
  matchOnDescription = false;

  /** Waits for the items, then picks the first whose label matches (several when `canSelectMany`). */
  async choose(...labels: RegExp[]): Promise<void> {
    await this.idle();
    const picked = labels.map((label) => {
      const item = this.items.find((i) => label.test(i.label));
      assert.ok(item, `no item matching ${label} in ${JSON.stringify(this.items.map((i) => i.label))} (placeholder "${this.placeholder ?? ''}")`);
      return item;
    });
    this.selectedItems = picked;
    this.emitters.accept.fire();
  }
}

/** Replaces the quick inputs while `run` runs; `answers[i]` handles the i-th input shown. */
async function scripted<T>(answers: ((fake: Fake) => unknown)[], run: () => Thenable<T>): Promise<{ result: T; shown: Fake[] }> {
  const window = vscode.window as { createInputBox: unknown; createQuickPick: unknown };
  const original = { createInputBox: window.createInputBox, createQuickPick: window.createQuickPick };
  const shown: Fake[] = [];
  let current: Fake | undefined;
  const onShow = (fake: Fake) => {
    current = fake;
    shown.push(fake);
  };
  window.createInputBox = () => new FakeInput(onShow);
  window.createQuickPick = () => new FakePick(onShow);
  try {
    const result = Promise.resolve(run());
    try {
      for (const [index, answer] of answers.entries()) {
        await eventually(() => shown.length, (n) => n > index, `input #${index + 1} to show`);
        await answer(shown[index]!);
      }
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the flow did not end after ${answers.length} answers`)), 10_000));
      return { result: await Promise.race([result, timeout]), shown };
    } catch (err) {
      current?.dispose(); // ends the flow, so no command is left waiting
      throw err;
    }
  } finally {
    Object.assign(window, original);
  }
}

const input = (fake: Fake): FakeInput => {
  assert.equal(fake.kind, 'input', `expected an InputBox, got a QuickPick "${fake.placeholder ?? ''}"`);
  return fake as FakeInput;
};
const pick = (fake: Fake): FakePick => {
  assert.equal(fake.kind, 'pick', `expected a QuickPick, got an InputBox "${(fake as FakeInput).prompt ?? ''}"`);
  return fake as FakePick;
};

/** Replaces one `vscode.window` message function while `run` runs, recording its calls. */
async function stubbed<T>(name: 'showWarningMessage' | 'showInformationMessage' | 'showErrorMessage', answer: (message: string, ...rest: unknown[]) => unknown, run: () => Thenable<T>) {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[name];
  const calls: unknown[][] = [];
  window[name] = (...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve(answer(args[0] as string, ...args.slice(1)));
  };
  try {
    return { result: await run(), calls };
  } finally {
    window[name] = original;
  }
}

// ---------------------------------------------------------------------------------------------

describe('Account commands', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let profile: ReturnType<typeof demoProfile>;

  before(async () => {
    sandbox = await startSandbox();
    profile = demoProfile(sandbox.url);
    Object.assign(process.env, profile.env);
    await api();
  });

  after(async () => {
    await setAccounts([]);
    await sandbox?.close();
  });

  it('Add Account: vendor → fields → id → label → secret → spaces → test → saved (secret in SecretStorage only), with Back', async () => {
    const { secrets } = await api();
    const broken = { id: 'Broken Entry', vendor: 'nope', keep: [1, { deep: true }] };
    await setAccounts([broken]);
    await secrets.delete('acme');
    const wrongToken = 'wrong-token-1a2b';

    const { shown } = await scripted(
      [
        (f) => pick(f).choose(/^Alumio$/),
        (f) => input(f).enter(sandbox.url),
        // id: the suggestion is the vendor id; a bad id is refused, then Back to the URL
        async (f) => {
          const box = input(f);
          assert.equal(box.value, 'alumio');
          await box.enter('Not OK');
          assert.match(box.validationMessage ?? '', /lowercase/);
          box.back();
        },
        async (f) => {
          const box = input(f);
          assert.equal(box.value, sandbox.url, 'Back shows the answer given');
          await box.enter(sandbox.url + '/');
        },
        (f) => input(f).enter('acme'),
        (f) => input(f).enter('ACME'),
        async (f) => {
          const box = input(f);
          assert.equal(box.password, true);
          await box.enter('');
          assert.match(box.validationMessage ?? '', /required/);
          await box.enter(wrongToken);
        },
        (f) => input(f).enter(`${ALUMIO_SANDBOX.spaces.seed}, ${ALUMIO_SANDBOX.spaces.minimal}`),
        // The test fails on the wrong token, in plain words, and "Back to the credentials" goes there.
        async (f) => {
          const test = pick(f);
          await test.idle();
          assert.match(test.placeholder ?? '', /credentials were not accepted/);
          assert.ok(test.items.some((i) => /Save Anyway/.test(i.label)));
          await test.choose(/Back to the credentials/);
        },
        (f) => input(f).enter(ALUMIO_SANDBOX.token),
        (f) => input(f).enter(`${ALUMIO_SANDBOX.spaces.seed}, ${ALUMIO_SANDBOX.spaces.minimal}`),
        async (f) => {
          const test = pick(f);
          await test.idle();
          assert.match(test.items[0]?.detail ?? '', /Connected: fetched the space "ACME Production"/);
          await test.choose(/Save/);
        },
      ],
      () => vscode.commands.executeCommand('spaces.addAccount'),
    );

    assert.deepEqual(
      shown.map((f) => [f.title, f.step, f.totalSteps]).slice(0, 3),
      [
        ['Add Account', 1, 7],
        ['Add Account', 2, 7],
        ['Add Account', 3, 7],
      ],
    );
    assert.equal(shown[0]!.buttons.length, 0, 'no Back on the first step');
    assert.ok(shown[1]!.buttons.includes(vscode.QuickInputButtons.Back));

    const entries = await eventually(userAccounts, (e) => e.length === 2, 'the new entry');
    assert.deepEqual(entries[0], broken, 'a broken entry is kept verbatim');
    assert.deepEqual(entries[1], { id: 'acme', vendor: 'alumio', label: 'ACME', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] });
    const settingsJson = JSON.stringify(config().inspect('accounts'));
    assert.ok(!settingsJson.includes(ALUMIO_SANDBOX.token) && !settingsJson.includes(wrongToken), 'no secret in settings');
    assert.deepEqual(await secrets.read(account(entries[1] as Record<string, unknown>)), { token: ALUMIO_SANDBOX.token });

    // The tree uses the stored secret.
    const { tree } = await api();
    const spaces = await spaceRows(await accountRow(tree, 'acme'));
    assert.deepEqual(spaces.map((s) => s.details?.name), ['ACME Production', 'Minimal space']);
  });

  it('Add Account: the steps follow the vendor (Onedata basic auth asks user name and password), Save Anyway keeps a failing account', async () => {
    const { secrets } = await api();
    await setAccounts([]);
    await secrets.delete('zone');
    const { shown } = await scripted(
      [
        (f) => pick(f).choose(/^Onedata$/),
        (f) => input(f).enter('ftp://nope').then(() => assert.match((f as FakeInput).validationMessage ?? '', /http/)).then(() => input(f).enter(sandbox.url)),
        (f) => pick(f).choose(/User name and password/),
        (f) => input(f).enter('zone'),
        (f) => input(f).enter(''),
        (f) => input(f).enter('admin'),
        (f) => input(f).enter('not-the-password'),
        (f) => input(f).enter(''),
        async (f) => {
          await pick(f).idle();
          assert.match(f.placeholder ?? '', /credentials were not accepted/);
          await pick(f).choose(/Save Anyway/);
        },
      ],
      () => vscode.commands.executeCommand('spaces.addAccount'),
    );
    // Alumio's 7 steps until the vendor is picked, Onedata's 8 with a token, 9 once basic auth is picked.
    assert.deepEqual(shown.map((f) => f.totalSteps), [7, 8, 8, 9, 9, 9, 9, 9, 9]);
    const entries = await eventually(userAccounts, (e) => e.length === 1, 'the new entry');
    assert.deepEqual(entries[0], { id: 'zone', vendor: 'onedata', baseUrl: sandbox.url, authMode: 'basic' }, 'an empty label is left out');
    assert.deepEqual(await secrets.read(account(entries[0] as Record<string, unknown>)), { username: 'admin', password: 'not-the-password' });
  });

  it("Add Account (Onedata): the spaces step's list button offers the account's own spaces to pin", async () => {
    const { secrets } = await api();
    await setAccounts([]);
    await secrets.delete('od');
    let pinned = '';
    await scripted(
      [
        (f) => pick(f).choose(/^Onedata$/),
        (f) => input(f).enter(sandbox.url),
        (f) => pick(f).choose(/Access token/),
        (f) => input(f).enter('od'),
        (f) => input(f).enter('Research'),
        (f) => input(f).enter(ONEDATA_SANDBOX.token),
        (f) => input(f).press('list'),
        async (f) => {
          const list = pick(f);
          assert.equal(list.canSelectMany, true);
          await list.choose(/^My Private space$/);
        },
        async (f) => {
          pinned = input(f).value;
          assert.equal(pinned, ONEDATA_SANDBOX.spaces.seed);
          await input(f).enter(pinned);
        },
        async (f) => {
          await pick(f).idle();
          assert.match(pick(f).items[0]?.detail ?? '', /Connected: fetched the space "My Private space"/);
          await pick(f).choose(/Save/);
        },
      ],
      () => vscode.commands.executeCommand('spaces.addAccount'),
    );
    const entries = await eventually(userAccounts, (e) => e.length === 1, 'the new entry');
    assert.deepEqual(entries[0], { id: 'od', vendor: 'onedata', label: 'Research', baseUrl: sandbox.url, authMode: 'token', spaces: [ONEDATA_SANDBOX.spaces.seed] });
  });

  it('Edit Account: prefilled, vendor and id fixed, written back in place; an empty secret keeps the stored one', async () => {
    const { secrets } = await api();
    const other = { id: 'other', vendor: 'openlayer', workspaceId: 'ws-1', custom: 'kept' };
    await setAccounts([{ id: 'acme', vendor: 'alumio', baseUrl: sandbox.url, includeSubspaces: false }, other]);
    await secrets.store('acme', { token: ALUMIO_SANDBOX.token });
    const { tree } = await api();
    const node = await accountRow(tree, 'acme');
    const { shown } = await scripted(
      [
        async (f) => {
          assert.equal(input(f).value, sandbox.url);
          await input(f).enter(sandbox.url);
        },
        async (f) => {
          assert.equal(input(f).value, '');
          await input(f).enter('Renamed');
        },
        async (f) => {
          assert.match(input(f).prompt ?? '', /keep the stored one/);
          await input(f).enter('');
        },
        (f) => input(f).enter(ALUMIO_SANDBOX.spaces.seed),
        async (f) => {
          await pick(f).idle();
          await pick(f).choose(/Save/);
        },
      ],
      () => vscode.commands.executeCommand('spaces.editAccount', node),
    );
    assert.equal(shown[0]!.title, 'Edit Account "acme"');
    assert.equal(shown[0]!.totalSteps, 5);
    const entries = await eventually(userAccounts, (e) => (e[0] as { label?: string }).label === 'Renamed', 'the edited entry');
    assert.deepEqual(entries, [{ id: 'acme', vendor: 'alumio', label: 'Renamed', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], includeSubspaces: false }, other]);
    assert.deepEqual(await secrets.read(account(entries[0] as Record<string, unknown>)), { token: ALUMIO_SANDBOX.token });
  });

  it('Remove Account: asks (modal), then deletes the settings entry and the stored credentials, keeping other entries verbatim', async () => {
    const { tree, secrets } = await api();
    const keep = { id: 'keep', vendor: 'alumio', baseUrl: sandbox.url };
    const broken = { id: 'x', vendor: 'nope' };
    await setAccounts([keep, { id: 'gone', vendor: 'alumio', baseUrl: sandbox.url }, broken]);
    await secrets.store('gone', { token: 'gone-token' });
    await secrets.store('keep', { token: 'keep-token' });
    const node = await accountRow(tree, 'gone');

    // Dismissed: nothing changes.
    await stubbed('showWarningMessage', () => undefined, () => vscode.commands.executeCommand('spaces.removeAccount', node));
    assert.equal(userAccounts().length, 3);

    const { calls } = await stubbed('showWarningMessage', (_m, _o, remove) => remove, () => vscode.commands.executeCommand('spaces.removeAccount', node));
    assert.match(String(calls[0]![0]), /^Remove account "gone"\? Its stored credentials are deleted too\.$/);
    assert.deepEqual(calls[0]![1], { modal: true });
    assert.deepEqual(await eventually(userAccounts, (e) => e.length === 2, 'the entry to go'), [keep, broken]);
    assert.deepEqual(await secrets.read(account({ id: 'gone', vendor: 'alumio', baseUrl: sandbox.url })), { token: undefined });
    assert.deepEqual(await secrets.read(account(keep)), { token: 'keep-token' });
  });

  it('Update Credentials: asks the secret (password input), stores it and refreshes the account; env-mapped fields are not asked', async () => {
    const { tree, secrets } = await api();
    const entry = { id: 'creds', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    await setAccounts([entry, profile.accounts[0]]);
    await secrets.store('creds', { token: 'stale-token' });
    const node = await accountRow(tree, 'creds');
    const [before] = await spaceRows(node);
    assert.equal(before!.error?.kind, 'auth');

    const { shown } = await scripted(
      [
        async (f) => {
          assert.equal(input(f).password, true);
          await input(f).enter(ALUMIO_SANDBOX.token);
        },
      ],
      () => vscode.commands.executeCommand('spaces.setCredentials', node),
    );
    assert.match(shown[0]!.title ?? '', /Update Credentials: creds/);
    assert.deepEqual(await secrets.read(account(entry)), { token: ALUMIO_SANDBOX.token });
    const after = await eventually(
      async () => (await spaceRows(await accountRow(tree, 'creds')))[0],
      (s) => s?.details?.name === 'ACME Production',
      'the space to load with the new token',
    );
    assert.equal(after!.error, undefined);

    // The demo account reads its token from the environment: said, not asked.
    const envNode = await accountRow(tree, String(profile.accounts[0]!.id));
    const { calls } = await stubbed('showInformationMessage', () => undefined, () => vscode.commands.executeCommand('spaces.setCredentials', envNode));
    assert.match(String(calls[0]![0]), /environment variable\(s\) SPACES_DEMO_ALUMIO_TOKEN/);
  });

  it('Test Connection: reports success, and a failure in plain words with the actions its kind calls for', async () => {
    const { tree, secrets } = await api();
    await setAccounts([
      { id: 'good', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] },
      { id: 'bad', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] },
    ]);
    await secrets.store('good', { token: ALUMIO_SANDBOX.token });
    await secrets.store('bad', { token: 'nope' });

    const ok = await stubbed('showInformationMessage', () => undefined, async () => vscode.commands.executeCommand('spaces.testConnection', await accountRow(tree, 'good')));
    assert.match(String(ok.calls[0]![0]), /^good: Connected: fetched the space "ACME Production"\.$/);

    const failed = await stubbed('showErrorMessage', () => undefined, async () => vscode.commands.executeCommand('spaces.testConnection', await accountRow(tree, 'bad')));
    assert.match(String(failed.calls[0]![0]), /^bad: The credentials were not accepted\./);
    assert.deepEqual(failed.calls[0]!.slice(1), ['Update Credentials…', 'Show Log']);
    assert.ok(!String(failed.calls[0]![0]).includes('nope'), 'the secret is not in the message');
  });

  it("a connection test of unsaved settings does not touch the tree's client for that account id", async () => {
    const { tree, secrets } = await api();
    const entry = { id: 'cached', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed] };
    await setAccounts([entry]);
    await secrets.store('cached', { token: ALUMIO_SANDBOX.token });
    const [space] = await spaceRows(await accountRow(tree, 'cached'));
    assert.equal(space!.details?.name, 'ACME Production');
    await assert.rejects(tree.service.testAccount(account(entry), { token: 'wrong' }), (err: Error & { kind?: string }) => err.kind === 'auth');
    const details = await tree.service.getSpace(account(entry), ALUMIO_SANDBOX.spaces.seed, { refresh: true });
    assert.equal(details.name, 'ACME Production');
  });

  it('Add Space by id: validated by fetching it (an unknown id is refused), then added to the account', async () => {
    const { tree, secrets } = await api();
    const entry = { id: 'acme', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed], extra: 'kept' };
    await setAccounts([entry]);
    await secrets.store('acme', { token: ALUMIO_SANDBOX.token });
    await scripted(
      [
        async (f) => {
          const box = input(f);
          await box.enter(ALUMIO_SANDBOX.spaces.seed);
          assert.match(box.validationMessage ?? '', /already shown/);
          await box.enter('no-such-space');
          assert.match(box.validationMessage ?? '', /does not exist/);
          await box.enter(ALUMIO_SANDBOX.spaces.minimal);
        },
      ],
      async () => vscode.commands.executeCommand('spaces.addSpace', await accountRow(tree, 'acme')),
    );
    const entries = await eventually(userAccounts, (e) => ((e[0] as { spaces?: string[] }).spaces ?? []).length === 2, 'the added space');
    assert.deepEqual(entries, [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] }]);
  });

  it('Add Space on Blueworks: find by name, pick from the results', async () => {
    const { tree, secrets } = await api();
    const entry = { id: 'bw', vendor: 'blueworks', baseUrl: sandbox.url, clientId: BLUEWORKS_SANDBOX.clientId };
    await setAccounts([entry]);
    await secrets.store('bw', { clientSecret: BLUEWORKS_SANDBOX.clientSecret });
    const { shown } = await scripted(
      [(f) => pick(f).choose(/Find by name/), (f) => input(f).enter('My Space'), (f) => pick(f).choose(/^My Space$/)],
      async () => vscode.commands.executeCommand('spaces.addSpace', await accountRow(tree, 'bw')),
    );
    // Two steps while "by ID" is the choice, three once "find by name" is.
    assert.deepEqual(shown.map((f) => [f.step, f.totalSteps]), [[1, 2], [2, 3], [3, 3]]);
    assert.equal((shown[2] as FakePick).canSelectMany, true);
    const entries = await eventually(userAccounts, (e) => Array.isArray((e[0] as { spaces?: string[] }).spaces), 'the found space');
    assert.deepEqual((entries[0] as { spaces: string[] }).spaces, [BLUEWORKS_SANDBOX.spaces.seed]);
  });

  it('Remove Space: takes the configured id off the account', async () => {
    const { tree } = await api();
    const entry = { id: 'acme', vendor: 'alumio', baseUrl: sandbox.url, spaces: [ALUMIO_SANDBOX.spaces.seed, ALUMIO_SANDBOX.spaces.minimal] };
    await setAccounts([entry, { id: 'Bad', vendor: 'x' }]);
    const spaces = await spaceRows(await accountRow(tree, 'acme'));
    const minimal = spaces.find((s) => s.spaceId === ALUMIO_SANDBOX.spaces.minimal)!;
    assert.equal(minimal.configured, true);
    await vscode.commands.executeCommand('spaces.removeSpace', minimal);
    const entries = await eventually(userAccounts, (e) => ((e[0] as { spaces?: string[] }).spaces ?? []).length === 1, 'the space to go');
    assert.deepEqual(entries, [{ ...entry, spaces: [ALUMIO_SANDBOX.spaces.seed] }, { id: 'Bad', vendor: 'x' }]);
  });

  it('the settings helper writes user settings only, keeps untouched entries verbatim and serialises quick changes', async () => {
    const broken = { id: 'Broken', vendor: 'nope', nested: { a: [1, 2] } };
    await setAccounts([broken, { id: 'a', vendor: 'alumio', baseUrl: sandbox.url }]);
    const settings = new AccountSettings();
    try {
      await Promise.all([
        settings.update((e) => withSpacesAdded(e, 'a', ['s1'])),
        settings.update((e) => withSpacesAdded(e, 'a', ['s2'])),
        settings.update((e) => withSpaceRemoved(e, 'a', 's1')),
      ]);
      assert.deepEqual(userAccounts(), [broken, { id: 'a', vendor: 'alumio', baseUrl: sandbox.url, spaces: ['s2'] }]);
      assert.equal(config().inspect('accounts')?.workspaceValue, undefined);
    } finally {
      settings.dispose();
    }
  });
});

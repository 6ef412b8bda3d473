// The host tier's reader of the menus' `when` clauses (test/host/whenClause.ts), against package.json itself:
// it reads every clause the manifest uses, shows each kind of row the commands VS Code would, and throws on a
// clause it cannot read rather than hide a menu item.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWhen, selectionMenu, shownCommands, type MenuItem } from '../../host/whenClause';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const MENUS = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } }).contributes.menus;
const ROW_MENUS = MENUS['view/item/context'] ?? [];

const row = (viewItem: string) => ({ view: 'spaces.explorer', viewItem, listMultiSelection: false });
const inline = (viewItem: string) => shownCommands(ROW_MENUS, row(viewItem), (group) => group.startsWith('inline'));
const contextMenu = (viewItem: string) => shownCommands(ROW_MENUS, row(viewItem), (group) => !group.startsWith('inline'));
const selectedMenu = (...viewItems: string[]) => selectionMenu(ROW_MENUS, viewItems.map(row), (group) => !group.startsWith('inline'));

/** The commands that act on every selected row (`CommandTargets.selection`): the only ones a selection's menu may show. */
const SELECTION_COMMANDS = ['spaces.open', 'spaces.refresh', 'spaces.pin', 'spaces.unpin', 'spaces.copySpaceId', 'spaces.copyLink', 'spaces.removeSpace', 'spaces.hideAccount'];

describe("the host tier's reader of the menus' when clauses", () => {
  it("reads every clause of package.json's menus", () => {
    const clauses = Object.values(MENUS).flatMap((items) => items.flatMap((item) => (item.when === undefined ? [] : [item.when])));
    assert.ok(clauses.length > 40, `read ${clauses.length} clauses`);
    for (const clause of clauses) assert.doesNotThrow(() => parseWhen(clause), clause);
  });

  it('shows each kind of row the inline actions its clauses give it', () => {
    assert.deepEqual(inline('account.alumio'), ['spaces.refresh', 'spaces.addSpace']);
    assert.deepEqual(inline('space.alumio.configured'), ['spaces.open', 'spaces.refresh']);
    assert.deepEqual(inline('error.auth.credentials'), ['spaces.retry', 'spaces.setCredentials', 'spaces.showLog']);
    assert.deepEqual(inline('error.config.credentials.settings'), ['spaces.retry', 'spaces.setCredentials', 'spaces.openSettings', 'spaces.showLog']);
    assert.deepEqual(inline('brokenAccount'), ['spaces.openSettings']);
    assert.deepEqual(inline('group.goals'), []);
  });

  it("shows a space's context menu by its traits: a web URL, configured, pinned", () => {
    assert.deepEqual(contextMenu('space.alumio'), ['spaces.open', 'spaces.showRawJson', 'spaces.refresh', 'spaces.pin', 'spaces.copySpaceId', 'spaces.copyAsJson', 'spaces.copyLink']);
    assert.deepEqual(contextMenu('space.onedata.web.configured.pinned'), [
      'spaces.open',
      'spaces.openInBrowser',
      'spaces.showRawJson',
      'spaces.refresh',
      'spaces.unpin',
      'spaces.copySpaceId',
      'spaces.copyAsJson',
      'spaces.copyLink',
      'spaces.removeSpace',
    ]);
  });

  it("shows several selected rows only the commands that act on them all, and that every row's own menu has", () => {
    assert.deepEqual(selectedMenu('space.alumio.configured', 'space.onedata.web.loaded'), ['spaces.open', 'spaces.refresh', 'spaces.pin', 'spaces.copySpaceId', 'spaces.copyLink']);
    assert.deepEqual(selectedMenu('space.alumio.configured', 'space.sharely.configured.loaded'), [
      'spaces.open',
      'spaces.refresh',
      'spaces.pin',
      'spaces.copySpaceId',
      'spaces.copyLink',
      'spaces.removeSpace',
    ]);
    // Pinned and not: neither Pin nor Unpin fits them all.
    assert.deepEqual(selectedMenu('space.alumio.pinned', 'space.alumio.configured'), ['spaces.open', 'spaces.refresh', 'spaces.copySpaceId', 'spaces.copyLink']);
    assert.deepEqual(selectedMenu('space.alumio.pinned', 'space.onedata.unlisted.pinned'), ['spaces.open', 'spaces.refresh', 'spaces.unpin', 'spaces.copySpaceId', 'spaces.copyLink']);
    assert.deepEqual(selectedMenu('account.alumio', 'space.alumio.configured'), ['spaces.refresh']);
    // Whatever rows are selected, a command that acts on one row only never shows.
    const kinds = ['account.alumio', 'account.onedata', 'space.alumio.configured.web.loaded', 'space.onedata.sub.pinned', 'error.auth.credentials', 'error.config.settings', 'brokenAccount', 'pinned', 'group.goals'];
    for (const first of kinds) {
      for (const second of kinds) {
        const shown = selectedMenu(first, second).filter((command) => !['spaces.openSettings', 'spaces.showLog'].includes(command));
        assert.deepEqual(shown.filter((command) => !SELECTION_COMMANDS.includes(command)), [], `${first} + ${second}`);
      }
    }
  });

  it('reads constants, a bare key, "!", "&&" before "||", parentheses and regex flags as VS Code does', () => {
    const context = { view: 'spaces.explorer', viewItem: 'Space.x', 'spaces.filtered': false };
    assert.equal(parseWhen('false')(context), false);
    assert.equal(parseWhen('!spaces.filtered')(context), true);
    assert.equal(parseWhen('view == spaces.explorer && spaces.filtered')(context), false);
    assert.equal(parseWhen('spaces.filtered && false || true')(context), true);
    assert.equal(parseWhen('spaces.filtered && (false || true)')(context), false);
    assert.equal(parseWhen('viewItem =~ /^space\\b/')(context), false);
    assert.equal(parseWhen('viewItem =~ /^space\\b/i')(context), true);
    assert.equal(parseWhen('viewItem =~ /^[/a-z]+\\.x$/i')(context), true, 'a "/" inside a character class');
  });

  it('throws on a clause it cannot read, and on a context key it is given no value for', () => {
    for (const clause of ['viewItem in spaces.rows', 'view != spaces.explorer', 'count > 2', "view == 'spaces.explorer'", 'view ==', '(view == x', 'view == x)', '&& view', 'viewItem =~ /open', 'viewItem =~ /x/g']) {
      assert.throws(() => parseWhen(clause)(row('space.x')), /cannot read the when clause/, clause);
    }
    assert.throws(() => parseWhen('spaces.filtered')(row('space.x')), /reads "spaces\.filtered", which this test gives no value/);
  });
});

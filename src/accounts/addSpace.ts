/**
 * Add Space…: how to find the space (where the vendor can search), then its id, checked by fetching it, or
 * a search and the spaces it found to pick from. The ids join the account's entry in user settings.
 */
import * as vscode from 'vscode';
import type { Config } from '../config/config';
import type { Account } from '../core/accounts';
import { asSpacesError } from '../core/errors';
import type { SpaceRef } from '../core/model';
import type { SpacesService } from '../services/spaces';
import { forPick } from '../util/text';
import { showStatus } from '../util/workbench';
import {
  addAnyway,
  addSpaceSteps,
  checkNewSpaceId,
  findQueryOf,
  NO_ANSWERS,
  searchResults,
  type AddSpaceAnswers,
  type AddSpaceStepId,
  type SearchResults,
} from './addSpaceAnswers';
import { runAnswerFlow, type AnswerStep } from './answerFlow';
import { checkRequired, type InputProblem } from './answers';
import { describeFailure } from './connection';
import { withSpacesAdded } from './entries';
import type { MultiStepInput } from './multiStep';
import { describeInputProblem } from './wizard';

export interface AddSpaceDeps {
  readonly config: Config;
  readonly service: SpacesService;
}

/** Where the spaces come from: the account, through the vendors' door. */
interface SpaceSource {
  readonly service: SpacesService;
  readonly account: Account;
}

/** Asks which spaces to add to `account` and adds their ids to its settings; nothing when closed or none is picked. */
export async function addSpaces({ config, service }: AddSpaceDeps, account: Account): Promise<void> {
  const { find } = await service.capabilities(account);
  const title = vscode.l10n.t('Add Space to "{0}"', account.label);
  const answers = await runAnswerFlow(title, NO_ANSWERS, stepsFor({ service, account }), (sofar) => addSpaceSteps(sofar, find));
  if (!answers || answers.chosen.length === 0) return;
  const { chosen } = answers;
  await config.updateAccounts((entries) => withSpacesAdded(entries, account.id, chosen.map((s) => s.id)));
  const names = chosen.map((s) => s.name ?? s.id).join(', ');
  showStatus(vscode.l10n.t('Added {0} to "{1}".', names, account.label), 5000);
}

function stepsFor(source: SpaceSource): Record<AddSpaceStepId, AnswerStep<AddSpaceAnswers>> {
  return {
    how: askHowToFind,
    id: (input, answers) => askSpaceId(source, input, answers),
    query: askSearchText,
    results: (input, answers) => pickFoundSpaces(source, input, answers),
  };
}

/** By id, by name or by tag. */
async function askHowToFind(input: MultiStepInput, answers: AddSpaceAnswers): Promise<AddSpaceAnswers> {
  const items = [
    { label: `$(symbol-key) ${vscode.l10n.t('Enter a space ID…')}`, how: 'id' as const },
    { label: `$(search) ${vscode.l10n.t('Find by name…')}`, how: 'name' as const },
    { label: `$(tag) ${vscode.l10n.t('Find by tag…')}`, how: 'tag' as const },
  ];
  const picked = await input.pick({ placeholder: vscode.l10n.t('How to find the space?'), items, active: items.find((i) => i.how === answers.how) });
  return { ...answers, how: picked.how };
}

/** A space id, accepted once fetching it worked, or when typed and accepted again after a failure that may pass. */
async function askSpaceId({ service, account }: SpaceSource, input: MultiStepInput, answers: AddSpaceAnswers): Promise<AddSpaceAnswers> {
  let name: string | undefined;
  /** A failed id typed again and accepted again is added anyway (except one that does not exist). */
  let failedId: string | undefined;
  const id = await input.input({
    prompt: vscode.l10n.t('Space ID (checked by fetching it)'),
    validate: (value) => describeSpaceIdProblem(checkNewSpaceId(value, account.spaces)),
    accept: async (value, signal) => {
      const spaceId = value.trim();
      try {
        name = (await service.getSpace(account, spaceId, { signal, refresh: true })).name;
        return undefined;
      } catch (err) {
        const error = asSpacesError(err);
        if (addAnyway(error.kind, spaceId, failedId)) return undefined;
        failedId = spaceId;
        const again = error.kind === 'notFound' ? '' : ` ${vscode.l10n.t('Press Enter again to add it anyway.')}`;
        return describeFailure(error) + again;
      }
    },
  });
  return { ...answers, chosen: [name === undefined ? { id: id.trim() } : { id: id.trim(), name }] };
}

function describeSpaceIdProblem(problem: InputProblem | 'alreadyShown' | undefined): string | undefined {
  return problem === 'alreadyShown' ? vscode.l10n.t('This space is already shown under the account.') : describeInputProblem(problem);
}

/** The exact name or the tag to search for. */
async function askSearchText(input: MultiStepInput, answers: AddSpaceAnswers): Promise<AddSpaceAnswers> {
  const query = await input.input({
    prompt: answers.how === 'name' ? vscode.l10n.t('The exact name of the space') : vscode.l10n.t('A tag of the spaces'),
    value: answers.query,
    validate: (value) => describeInputProblem(checkRequired(value)),
  });
  return { ...answers, query: query.trim() };
}

type FoundItem = vscode.QuickPickItem & { ref: SpaceRef };

/** The spaces the search finds that the account does not show yet, to pick from (any number). */
async function pickFoundSpaces(source: SpaceSource, input: MultiStepInput, answers: AddSpaceAnswers): Promise<AddSpaceAnswers> {
  const picked = await input.pickMany<FoundItem>({
    placeholder: vscode.l10n.t('Spaces to add'),
    items: (signal) => searchFor(source, answers, signal),
  });
  return { ...answers, chosen: picked.map((i) => i.ref) };
}

/** The search's results as the list shows them; a failure is said in the list's placeholder. */
async function searchFor({ service, account }: SpaceSource, answers: AddSpaceAnswers, signal: AbortSignal): Promise<{ items: FoundItem[]; selected?: FoundItem[]; placeholder: string }> {
  try {
    const found = (await service.findSpaces(account, findQueryOf(answers), { signal, refresh: true })) ?? [];
    const results = searchResults(found, account.spaces);
    const items = results.fresh.map((ref): FoundItem => ({ label: forPick(ref.name ?? ref.id), description: forPick(ref.id), ref }));
    return { items, selected: results.preselect ? items : [], placeholder: describeResults(results) };
  } catch (err) {
    return { items: [], placeholder: describeFailure(asSpacesError(err)) };
  }
}

function describeResults({ empty, fresh }: SearchResults): string {
  if (empty === 'noneFound') return vscode.l10n.t('No space found: go back and try another search.');
  if (empty === 'allShown') return vscode.l10n.t('Every space found is shown already.');
  return vscode.l10n.t('Spaces to add ({0} found)', fresh.length);
}

// Add Space without its UI: the steps each answer leads to, the search it makes, the typed id's checks,
// when a failed id is added anyway, and which spaces a search offers.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { addAnyway, addSpaceSteps, checkNewSpaceId, findQueryOf, NO_ANSWERS, searchResults } from '../../../src/accounts/addSpaceAnswers';

describe('Add Space steps', () => {
  it('asks an account whose vendor cannot search for an id only, whatever the answers', () => {
    assert.deepEqual(addSpaceSteps(NO_ANSWERS, false), ['id']);
    assert.deepEqual(addSpaceSteps({ how: 'name' }, false), ['id']);
  });

  it('asks how to find the space first where the vendor can search, then an id or a search and its results', () => {
    assert.deepEqual(addSpaceSteps(NO_ANSWERS, true), ['how', 'id']);
    assert.deepEqual(addSpaceSteps({ how: 'name' }, true), ['how', 'query', 'results']);
    assert.deepEqual(addSpaceSteps({ how: 'tag' }, true), ['how', 'query', 'results']);
  });

  it('starts from an id, nothing searched and nothing chosen', () => {
    assert.deepEqual(NO_ANSWERS, { how: 'id', query: '', chosen: [] });
  });

  it('searches by name or by tag as answered', () => {
    assert.deepEqual(findQueryOf({ how: 'name', query: 'Acme Production' }), { name: 'Acme Production' });
    assert.deepEqual(findQueryOf({ how: 'tag', query: 'prod' }), { tag: 'prod' });
  });
});

describe('Add Space: a typed id', () => {
  it('is required and must not be shown under the account already (spaces around it ignored)', () => {
    assert.equal(checkNewSpaceId('', ['a']), 'required');
    assert.equal(checkNewSpaceId('   ', []), 'required');
    assert.equal(checkNewSpaceId(' a ', ['a']), 'alreadyShown');
    assert.equal(checkNewSpaceId('b', ['a']), undefined);
  });

  it('whose check failed is added anyway when the same id is accepted again, unless it does not exist', () => {
    assert.equal(addAnyway('network', 'a', undefined), false, 'the first failure is shown');
    assert.equal(addAnyway('network', 'a', 'a'), true, 'the same id again is added');
    assert.equal(addAnyway('auth', 'b', 'a'), false, 'another id is a first failure');
    assert.equal(addAnyway('notFound', 'a', 'a'), false, 'a space that does not exist never is');
    assert.equal(addAnyway('cancelled', 'a', 'a'), false, 'a cancelled check is no answer');
  });
});

describe('Add Space: what a search offers', () => {
  it('says when nothing was found', () => {
    assert.deepEqual(searchResults([], ['a']), { fresh: [], empty: 'noneFound', preselect: false });
  });

  it('says when every space found is shown already', () => {
    assert.deepEqual(searchResults([{ id: 'a', name: 'A' }], ['a']), { fresh: [], empty: 'allShown', preselect: false });
  });

  it('offers the spaces not shown yet, in the order found, and picks a single one already', () => {
    const found = [{ id: 'a' }, { id: 'b', name: 'B' }, { id: 'c' }];
    assert.deepEqual(searchResults(found, ['a']), { fresh: [{ id: 'b', name: 'B' }, { id: 'c' }], empty: undefined, preselect: false });
    assert.deepEqual(searchResults(found, ['a', 'c']), { fresh: [{ id: 'b', name: 'B' }], empty: undefined, preselect: true });
  });
});

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { FieldProblem } from '../../../../src/core/model';
import { fieldProblemsNote } from '../../../../src/core/vendors/fieldWording';

const unreadable = (field: string): FieldProblem => ({ field, kind: 'unreadable' });
const missing = (field: string): FieldProblem => ({ field, kind: 'missing' });

describe('the sentence that says an answer did not match its vendor\'s documentation', () => {
  it('names what could not be read, then what is missing, in one sentence that points at Show Raw JSON', () => {
    assert.equal(
      fieldProblemsNote('Openlayer', [unreadable('projectCount'), unreadable('dateCreated'), missing('name')]),
      'This answer did not match what Openlayer documents: `projectCount`, `dateCreated` could not be read; `name` is missing. Show Raw JSON shows what came.',
    );
    // The order within a kind is the order met; the unreadable ones come first whatever the order.
    assert.equal(
      fieldProblemsNote('Openlayer', [missing('id'), unreadable('projectCount'), missing('name')]),
      'This answer did not match what Openlayer documents: `projectCount` could not be read; `id`, `name` are missing. Show Raw JSON shows what came.',
    );
  });

  it('says only what there is: one kind, one field or several', () => {
    assert.equal(fieldProblemsNote('Alumio', [missing('identifier')]), 'This answer did not match what Alumio documents: `identifier` is missing. Show Raw JSON shows what came.');
    assert.equal(
      fieldProblemsNote('Sharely.ai', [unreadable('createdAt'), unreadable('workspace.name')]),
      'This answer did not match what Sharely.ai documents: `createdAt`, `workspace.name` could not be read. Show Raw JSON shows what came.',
    );
  });

  it('says nothing of an answer that broke no documented field', () => {
    assert.equal(fieldProblemsNote('Onedata', undefined), undefined);
    assert.equal(fieldProblemsNote('Onedata', []), undefined);
  });
});

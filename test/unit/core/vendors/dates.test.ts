// Every date format a vendor sends, read by the function of dates.ts its vendor file calls, and hostile values
// besides: each row is an input and the ISO string it becomes, or undefined when it is no date. The real
// examples come from the sandbox's fixtures and vendors (test/sandbox) and the vendor tests.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { fromEpochSeconds, parseBlueworksDate, parseIsoDate } from '../../../../src/core/vendors/dates';

/** Input, the ISO string expected (undefined: no date), and what the row stands for. */
type Row = readonly [input: unknown, expected: string | undefined, what: string];

/**
 * A wall-clock time in the machine's time zone, as ISO: ECMAScript reads text without an offset (and what
 * its engine guesses at in garbage) as local time, so those rows expect this and hold in every zone.
 */
const local = (year: number, month: number, day: number, hours = 0, minutes = 0): string => new Date(year, month - 1, day, hours, minutes).toISOString();

/** The input as a row's title shows it: strings quoted and escaped, long ones cut. */
function show(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `${JSON.stringify(value.slice(0, 12))}… (${value.length} chars)` : JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

/** Hostile values no parser takes for a date: nothing, garbage, and values of the wrong type. */
const NO_DATE: readonly Row[] = [
  [undefined, undefined, 'absent'],
  [null, undefined, 'null'],
  ['', undefined, 'empty'],
  ['   ', undefined, 'blank'],
  ['garbage', undefined, 'garbage'],
  ['tomorrow', undefined, 'a word'],
  ['null', undefined, 'the word null'],
  ['NaN', undefined, 'NaN as text'],
  ['\u0000', undefined, 'a NUL'],
  ['9'.repeat(10_000), undefined, 'huge digits as text'],
  [true, undefined, 'a boolean'],
  [{}, undefined, 'an object'],
  [['2024-03-01T09:15:00+00:00'], undefined, 'a date inside a list'],
];

const ISO_ROWS: readonly Row[] = [
  // Alumio (Symfony): `+00:00` offsets.
  ['2024-03-01T09:15:00+00:00', '2024-03-01T09:15:00.000Z', 'Alumio createdAt'],
  ['2024-06-12T16:40:05+00:00', '2024-06-12T16:40:05.000Z', 'Alumio updatedAt'],
  ['2025-03-01T00:00:00+00:00', '2025-03-01T00:00:00.000Z', 'Alumio expireDate'],
  ['2024-07-01T08:00:00+00:00', '2024-07-01T08:00:00.000Z', 'Alumio cancelDate'],
  ['2024-03-01T09:15:00.123456+00:00', '2024-03-01T09:15:00.123Z', 'microseconds, cut to milliseconds'],
  // Openlayer: `Z` with milliseconds.
  ['2024-01-10T12:00:00.000Z', '2024-01-10T12:00:00.000Z', 'Openlayer dateCreated'],
  ['2024-06-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', 'Openlayer periodStartDate'],
  // Sharely: `Z` without milliseconds.
  ['2025-01-15T10:30:00Z', '2025-01-15T10:30:00.000Z', 'Sharely createdAt'],
  ['2025-01-16T14:20:00Z', '2025-01-16T14:20:00.000Z', 'Sharely lastMessageAt'],
  // Other offsets and shapes ISO 8601 allows.
  ['2024-03-01T09:15:00+02:00', '2024-03-01T07:15:00.000Z', 'an offset east'],
  ['2024-03-01T09:15:00-05:30', '2024-03-01T14:45:00.000Z', 'a half-hour offset west'],
  ['2024-05-01', '2024-05-01T00:00:00.000Z', 'a date alone, read as UTC'],
  ['2024-01-01T24:00:00Z', '2024-01-02T00:00:00.000Z', '24:00, the end of the day'],
  [' 2025-01-15T10:30:00Z\n', '2025-01-15T10:30:00.000Z', 'surrounding whitespace'],
  ['2017-01-13T04:34:47.073+0000', '2017-01-13T04:34:47.073Z', 'an offset without colon (the engine reads it)'],
  // Hostile text.
  ...NO_DATE,
  ['2024-03-01T09:15:00+00:00 trailing', undefined, 'a date and garbage'],
  ['2024-13-01T00:00:00Z', undefined, 'month 13'],
  ['2024-01-01T25:00:00Z', undefined, 'hour 25'],
  ['2024-02-30T00:00:00Z', '2024-03-01T00:00:00.000Z', 'February 30th, rolled over by the engine'],
  ['+275760-09-13T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', 'the last date there is'],
  ['+275760-09-13T00:00:00.001Z', undefined, 'past the last date'],
  ['-271821-04-20T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', 'the first date there is'],
  ['-271821-04-19T23:59:59.999Z', undefined, 'before the first date'],
  ['1576152793', undefined, 'epoch seconds as text'],
  ['12', local(2001, 12, 1), 'a small number as text, which the engine guesses is December 2001'],
  ['２０２４-03-01', local(2001, 3, 1), 'full-width digits, which the engine skips'],
  ['2024-03-01T09:15:00', local(2024, 3, 1, 9, 15), 'no offset: local time'],
  [1576152793, undefined, 'a number'],
  [0, undefined, 'zero'],
  [Number.NaN, undefined, 'NaN'],
];

const BLUEWORKS_ROWS: readonly Row[] = [
  // As the sandbox's fixture and vendor write them: milliseconds and an offset without colon.
  ['2017-01-13T04:34:47.073+0000', '2017-01-13T04:34:47.073Z', 'last-modified-date'],
  ['2017-01-12T22:29:51.106+0000', '2017-01-12T22:29:51.106Z', 'created-date'],
  ['2017-01-13T20:34:11.362+0000', '2017-01-13T20:34:11.362Z', 'published-snapshot-date'],
  ['2023-06-30T23:59:59.999+0000', '2023-06-30T23:59:59.999Z', 'the last millisecond of a day'],
  ['2018-03-04T05:06:07.089-0500', '2018-03-04T10:06:07.089Z', 'an offset west'],
  ['2024-02-29T23:59:59.999+0100', '2024-02-29T22:59:59.999Z', 'an offset east, on a leap day'],
  ['2017-01-13T04:34:47.073+0530', '2017-01-12T23:04:47.073Z', 'a half-hour offset'],
  ['2017-01-13T04:34:47+0000', '2017-01-13T04:34:47.000Z', 'no milliseconds'],
  ['  2017-01-13T04:34:47.073+0000  ', '2017-01-13T04:34:47.073Z', 'surrounding whitespace'],
  ['2017-01-13T04:34:47.073+00:00', '2017-01-13T04:34:47.073Z', 'an offset with colon'],
  ['2017-01-13T04:34:47.073Z', '2017-01-13T04:34:47.073Z', 'Z'],
  [1484282087073, '2017-01-13T04:34:47.073Z', 'a number: epoch milliseconds'],
  // Hostile.
  ...NO_DATE,
  ['+0000', undefined, 'an offset alone'],
  ['-0500', undefined, 'a western offset alone'],
  ['2017-01-13T04:34:47.073+2400', undefined, 'offset hour 24'],
  ['2017-01-13T04:34:47.073+0060', undefined, 'offset minute 60'],
  ['2017-01-13T04:34:47.073+00', undefined, 'an offset without minutes'],
  ['2017-01-13T04:34:47.073 +0000', undefined, 'a space before the offset'],
  ['2017-01-13+0000', undefined, 'a date alone with an offset'],
  ['2017-13-13T04:34:47.073+0000', undefined, 'month 13'],
  ['1484282087073', undefined, 'epoch milliseconds as text'],
  [-1, '1969-12-31T23:59:59.999Z', 'a negative epoch'],
  [1.5, '1970-01-01T00:00:00.001Z', 'a fraction of a millisecond, cut'],
  [8.64e15, '+275760-09-13T00:00:00.000Z', 'the last date there is'],
  [8.64e15 + 1, undefined, 'past the last date'],
  [Number.NaN, undefined, 'NaN'],
  [Number.POSITIVE_INFINITY, undefined, 'Infinity'],
];

const EPOCH_SECONDS_ROWS: readonly Row[] = [
  // Onedata's creationTime, as its documentation's example and the sandbox send it.
  [1576152793, '2019-12-12T12:13:13.000Z', 'the documented example'],
  [1700000000, '2023-11-14T22:13:20.000Z', 'a sandbox space'],
  [1563819329, '2019-07-22T18:15:29.000Z', 'another sandbox space'],
  [1_600_000_000 + 499 * 3600, '2020-10-04T07:26:40.000Z', 'the sandbox bulk space 500'],
  [0, '1970-01-01T00:00:00.000Z', 'zero'],
  [-0, '1970-01-01T00:00:00.000Z', 'minus zero'],
  [1576152793.123, '2019-12-12T12:13:13.123Z', 'a fraction of a second'],
  [0.0009, '1970-01-01T00:00:00.000Z', 'less than a millisecond, cut'],
  // Hostile.
  ...NO_DATE,
  [-1, '1969-12-31T23:59:59.000Z', 'a negative epoch'],
  [-1576152793, '1920-01-21T11:46:47.000Z', 'a large negative epoch'],
  [1576152793000, '+051916-04-18T04:16:40.000Z', 'milliseconds sent as seconds: far in the future'],
  [8.64e12, '+275760-09-13T00:00:00.000Z', 'the last date there is'],
  [8.64e12 + 1, undefined, 'past the last date'],
  [-8.64e12, '-271821-04-20T00:00:00.000Z', 'the first date there is'],
  [-8.64e12 - 1, undefined, 'before the first date'],
  [Number.MAX_SAFE_INTEGER, undefined, 'the largest safe integer'],
  [Number.MAX_VALUE, undefined, 'the largest number'],
  [Number.NaN, undefined, 'NaN'],
  [Number.POSITIVE_INFINITY, undefined, 'Infinity'],
  [Number.NEGATIVE_INFINITY, undefined, '-Infinity'],
  ['1576152793', undefined, 'seconds as text'],
  ['2019-12-12T12:13:13Z', undefined, 'ISO text'],
  [1576152793n, undefined, 'a bigint'],
];

const TABLE = [
  { parse: parseIsoDate, who: 'Alumio, Openlayer, Sharely', rows: ISO_ROWS },
  { parse: parseBlueworksDate, who: 'Blueworks', rows: BLUEWORKS_ROWS },
  { parse: fromEpochSeconds, who: 'Onedata', rows: EPOCH_SECONDS_ROWS },
];

for (const { parse, who, rows } of TABLE) {
  describe(`${parse.name} (${who})`, () => {
    for (const [input, expected, what] of rows) {
      it(`${show(input)} → ${expected ?? 'undefined'}: ${what}`, () => assert.equal(parse(input), expected));
    }
  });
}

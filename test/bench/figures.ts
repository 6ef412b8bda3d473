// What a bench run found: each figure printed as it comes, with its target where it has one, and the lot
// written as JSON to .bench/<bench>.json (ignored by git) when the run ends, to compare runs by.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Figure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** The most the figure may be (or, for a count, what it must be); absent for a figure without a target. */
  readonly target?: number;
  readonly meets?: boolean;
}

export class Figures {
  private readonly figures: Figure[] = [];

  constructor(private readonly bench: string) {}

  /** A figure with no target; `line` is what is printed. */
  note(label: string, value: number, unit: string, line: string): void {
    this.figures.push({ label, value, unit });
    console.log(line);
  }

  /** A figure that must be at most `target`: printed with whether it meets it. */
  atMost(label: string, value: number, unit: string, target: number, line: string): void {
    const meets = value <= target;
    this.figures.push({ label, value, unit, target, meets });
    console.log(`${line} (target ≤ ${target}): ${meets ? 'meets' : 'MISSES'}`);
  }

  /** A figure that must be exactly `target` (a count): printed with whether it is. */
  exactly(label: string, value: number, unit: string, target: number, line: string): void {
    const meets = value === target;
    this.figures.push({ label, value, unit, target, meets });
    console.log(`${line} (target = ${target}): ${meets ? 'meets' : 'MISSES'}`);
  }

  /** Writes the figures, with when and where they were measured. */
  write(): void {
    const dir = path.resolve(__dirname, '..', '..', '.bench');
    mkdirSync(dir, { recursive: true });
    const machine = { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version, load: os.loadavg()[0] };
    const file = path.join(dir, `${this.bench}.json`);
    writeFileSync(file, `${JSON.stringify({ bench: this.bench, date: new Date().toISOString(), machine, figures: this.figures }, null, 2)}\n`);
    console.log(`figures written to ${path.relative(process.cwd(), file)}`);
  }
}

/**
 * One small driver for multi-step quick inputs: each step shows one QuickPick or InputBox with the flow's
 * title, "step/total", a Back button from the second step on, and validation; Back goes to the previous
 * step, Escape ends the flow. The plan of steps is asked for anew before each step, so an answer can
 * change the steps that follow (the vendor's fields, the auth mode's secrets).
 */
import * as vscode from 'vscode';
import { forPick } from '../util/text';
import { BackPressed } from './backPressed';

export { BackPressed };

export interface Step {
  /** Names the step, for `{ goto }`. */
  readonly id: string;
  /** Shows the step's input(s) and records the answer. Return `{ goto }` to jump instead of going on. */
  run(input: MultiStepInput): Promise<void | { goto: string }>;
}


/** Thrown out of an input when the user closes it: ends the flow. */
class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface InputOptions {
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** A problem with the value as typed, or undefined when it is fine. Checked as one types and on Enter. */
  readonly validate?: (value: string) => string | undefined;
  /**
   * Runs on Enter once `validate` passes, with the box busy: a problem keeps the box open and shows it
   * (e.g. a space id that does not exist). `signal` aborts when the box goes away.
   */
  readonly accept?: (value: string, signal: AbortSignal) => Promise<string | undefined>;
  readonly buttons?: readonly ActionButton[];
  /** Shows Back even on the first step (an input that goes back to a pick of the same step). */
  readonly back?: boolean;
}

/** A button on the input's title bar that ends the input with `{ button: id }`. */
export interface ActionButton extends vscode.QuickInputButton {
  readonly id: string;
}

export interface PickOptions<T extends vscode.QuickPickItem> {
  readonly placeholder: string;
  /** The items, or how to load them (the list is busy meanwhile; `signal` aborts when it goes away). */
  readonly items: readonly T[] | ((signal: AbortSignal) => Promise<{ items: readonly T[]; placeholder?: string }>);
  readonly active?: T;
  readonly matchOnDescription?: boolean;
}

export interface PickManyOptions<T extends vscode.QuickPickItem> {
  readonly placeholder: string;
  /** The items and which are picked already, or how to load them (busy meanwhile). */
  readonly items: Loadable<{ items: readonly T[]; selected?: readonly T[]; placeholder?: string }>;
}

/** A value, or how to load it (`signal` aborts when the input goes away). */
export type Loadable<T> = T | ((signal: AbortSignal) => Promise<T>);

export class MultiStepInput implements vscode.Disposable {
  private current?: vscode.QuickInput;
  private step = 1;
  private total = 1;

  constructor(private readonly title: string) {}

  /**
   * Runs the steps `plan()` returns until the last one is done (true) or the user closes an input
   * (false). Other errors are thrown.
   */
  async run(plan: () => readonly Step[]): Promise<boolean> {
    let index = 0;
    try {
      for (;;) {
        const steps = plan();
        const step = steps[index];
        if (!step) return true;
        this.step = index + 1;
        this.total = steps.length;
        try {
          const outcome = await step.run(this);
          const target = outcome ? plan().findIndex((s) => s.id === outcome.goto) : -1;
          index = target >= 0 ? target : index + 1;
        } catch (err) {
          if (!(err instanceof BackPressed)) throw err;
          index = Math.max(0, index - 1);
        }
      }
    } catch (err) {
      if (err instanceof Cancelled) return false;
      throw err;
    } finally {
      this.dispose();
    }
  }

  /** An InputBox; resolves with the accepted value. */
  async input(options: InputOptions): Promise<string> {
    const result = await this.inputOrButton({ ...options, buttons: [] });
    return result.value;
  }

  /** An InputBox with buttons: resolves with the value, and the button's id when a button ended it. */
  inputOrButton(options: InputOptions): Promise<{ value: string; button?: string }> {
    const box = vscode.window.createInputBox();
    this.prepare(box);
    // Prompts and validation messages render links and icons: whatever vendor text they quote stays inert.
    box.prompt = forPick(options.prompt);
    box.value = options.value ?? '';
    box.placeholder = options.placeholder;
    box.password = options.password ?? false;
    box.buttons = [...this.backButton(options.back), ...(options.buttons ?? [])];
    const controller = new AbortController();
    return this.show(box, controller, (resolve, reject) => [
      box.onDidChangeValue((value) => (box.validationMessage = inertOrUndefined(options.validate?.(value)))),
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) reject(new BackPressed());
        else resolve({ value: box.value, button: (button as ActionButton).id });
      }),
      box.onDidAccept(async () => {
        const value = box.value;
        const problem = options.validate?.(value);
        box.validationMessage = inertOrUndefined(problem);
        if (problem !== undefined || box.busy) return;
        if (options.accept) {
          box.busy = true;
          box.enabled = false;
          let failure: string | undefined;
          try {
            failure = await options.accept(value, controller.signal);
          } catch (err) {
            return reject(err);
          } finally {
            box.busy = false;
            box.enabled = true;
          }
          if (controller.signal.aborted) return;
          if (failure !== undefined) {
            box.validationMessage = forPick(failure);
            return;
          }
        }
        resolve({ value });
      }),
    ]);
  }

  /** A QuickPick of one item; resolves with the picked item. */
  pick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    this.prepare(pick);
    pick.placeholder = options.placeholder;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    pick.buttons = this.backButton();
    const controller = new AbortController();
    return this.show(pick, controller, (resolve, reject) => {
      const source = typeof options.items === 'function' ? options.items : { items: options.items };
      this.load(pick, controller.signal, source, ({ items, placeholder }: { items: readonly T[]; placeholder?: string }) => {
        if (placeholder !== undefined) pick.placeholder = forPick(placeholder);
        pick.items = items;
        if (options.active && items.includes(options.active)) pick.activeItems = [options.active];
      }, reject);
      return [
        pick.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) reject(new BackPressed());
        }),
        pick.onDidAccept(() => {
          const [item] = pick.selectedItems;
          if (item) resolve(item);
        }),
      ];
    });
  }

  /** A QuickPick of several items (may be none); resolves with the picked items. */
  pickMany<T extends vscode.QuickPickItem>(options: PickManyOptions<T>): Promise<readonly T[]> {
    const pick = vscode.window.createQuickPick<T>();
    this.prepare(pick);
    pick.canSelectMany = true;
    pick.placeholder = options.placeholder;
    pick.buttons = this.backButton(true);
    const controller = new AbortController();
    return this.show(pick, controller, (resolve, reject) => {
      this.load(pick, controller.signal, options.items, ({ items, selected, placeholder }) => {
        if (placeholder !== undefined) pick.placeholder = forPick(placeholder);
        pick.items = items;
        pick.selectedItems = selected ?? [];
      }, reject);
      return [
        pick.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) reject(new BackPressed());
        }),
        pick.onDidAccept(() => {
          if (!pick.busy) resolve(pick.selectedItems);
        }),
      ];
    });
  }

  /** Fills `input` from `source`, busy while it loads; a failure to load ends the input with it. */
  private load<T>(input: vscode.QuickInput, signal: AbortSignal, source: Loadable<T>, fill: (value: T) => void, reject: (err: unknown) => void): void {
    if (typeof source !== 'function') return fill(source);
    input.busy = true;
    (source as (signal: AbortSignal) => Promise<T>)(signal).then(
      (value) => {
        input.busy = false;
        if (!signal.aborted) fill(value);
      },
      (err: unknown) => reject(err),
    );
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }

  private prepare(input: vscode.QuickInput): void {
    input.title = forPick(this.title);
    input.step = this.step;
    input.totalSteps = this.total;
    input.ignoreFocusOut = true;
  }

  private backButton(force = false): vscode.QuickInputButton[] {
    return force || this.step > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  /** Shows `input` in place of the previous one until `listen`'s handlers resolve or reject, or it is hidden. */
  private show<R>(
    input: vscode.QuickInput,
    controller: AbortController,
    listen: (resolve: (value: R) => void, reject: (err: unknown) => void) => vscode.Disposable[],
  ): Promise<R> {
    const listeners: vscode.Disposable[] = [];
    return new Promise<R>((resolve, reject) => {
      listeners.push(...listen(resolve, reject), input.onDidHide(() => reject(new Cancelled())));
      this.current?.dispose();
      this.current = input;
      input.show();
    }).finally(() => {
      controller.abort();
      for (const listener of listeners) listener.dispose();
    });
  }
}

function inertOrUndefined(text: string | undefined): string | undefined {
  return text === undefined ? undefined : forPick(text);
}

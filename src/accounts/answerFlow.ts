/**
 * A multi-step flow whose answers are values: each step is a function that takes the answers so far and
 * resolves with the next ones, so no step writes to a variable another step reads. `MultiStepInput` drives
 * them (title, "step/total", Back, Escape) and asks for the plan anew before each step. The account wizard,
 * Add Space and Update Credentials all run this way.
 */
import { MultiStepInput, type Step } from './multiStep';

/** A step's outcome: the next answers, or the answers and the step to go to instead of the next one. */
export type StepOutcome<A> = A | { readonly goto: string; readonly answers: A };

/** One step of a flow: named (for `goto`), given the answers so far, resolving with its outcome. */
export interface FlowStep<A> {
  readonly id: string;
  run(input: MultiStepInput, answers: A): Promise<StepOutcome<A>>;
}

/** Shows the step's input(s) and resolves with the answers it makes; Back and Escape end it by throwing. */
export type AnswerStep<A> = (input: MultiStepInput, answers: A) => Promise<A>;

/**
 * Runs the steps `plan(answers)` gives, from the answers `first`, until the last one is done (resolves with
 * the answers it made) or the user closes an input (undefined). Other errors are thrown.
 */
export async function runFlow<A extends object>(title: string, first: A, plan: (answers: A) => readonly FlowStep<A>[]): Promise<A | undefined> {
  // The one place the answers change: a step's outcome replaces them once the step is done.
  let answers = first;
  const asStep = (step: FlowStep<A>): Step => ({
    id: step.id,
    run: async (input) => {
      const outcome = await step.run(input, answers);
      const jump = isJump(outcome) ? outcome : undefined;
      answers = jump ? jump.answers : (outcome as A);
      return jump && { goto: jump.goto };
    },
  });
  const done = await new MultiStepInput(title).run(() => plan(answers).map(asStep));
  return done ? answers : undefined;
}

/** `runFlow` over steps named in a table: `plan(answers)` lists the ids of the steps to ask. */
export function runAnswerFlow<A extends object, Id extends string>(
  title: string,
  first: A,
  steps: Readonly<Record<Id, AnswerStep<A>>>,
  plan: (answers: A) => readonly Id[],
): Promise<A | undefined> {
  return runFlow(title, first, (answers) => plan(answers).map((id) => ({ id, run: steps[id] })));
}

function isJump<A>(outcome: StepOutcome<A>): outcome is { readonly goto: string; readonly answers: A } {
  const candidate = outcome as { goto?: unknown; answers?: unknown };
  return typeof candidate.goto === 'string' && candidate.answers !== undefined;
}

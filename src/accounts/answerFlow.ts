/**
 * A multi-step flow whose answers are values: each step is a function that takes the answers so far and
 * resolves with the next ones, so no step writes to a variable another step reads. `MultiStepInput` drives
 * them (title, "step/total", Back, Escape) and asks for the plan anew before each step.
 */
import { MultiStepInput, type Step } from './multiStep';

/** Shows the step's input(s) and resolves with the answers it makes; Back and Escape end it by throwing. */
export type AnswerStep<A> = (input: MultiStepInput, answers: A) => Promise<A>;

/**
 * Runs the steps `plan(answers)` names, from the answers `first`, until the last one is done (resolves with
 * the answers it made) or the user closes an input (undefined). Other errors are thrown.
 */
export async function runAnswerFlow<A, Id extends string>(
  title: string,
  first: A,
  steps: Readonly<Record<Id, AnswerStep<A>>>,
  plan: (answers: A) => readonly Id[],
): Promise<A | undefined> {
  // The one place the answers change: a step's result replaces them once the step is done.
  let answers = first;
  const asStep = (id: Id): Step => ({
    id,
    run: async (input) => {
      answers = await steps[id](input, answers);
    },
  });
  const done = await new MultiStepInput(title).run(() => plan(answers).map(asStep));
  return done ? answers : undefined;
}

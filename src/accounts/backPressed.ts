/**
 * Thrown out of a multi-step input when the user presses Back: the driver (`MultiStepInput.run`) catches it,
 * and a step may first (an input that goes back to a pick of the same step). No `vscode`, so the wizard's
 * steps that throw or catch it run in Node.
 */
export class BackPressed extends Error {
  constructor() {
    super('back');
  }
}

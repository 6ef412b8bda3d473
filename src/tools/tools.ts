/**
 * The tools for AI assistants as VS Code sees them (`vscode.lm.registerTool`), registered while
 * `spaces.ai.tools.enabled` is on and unregistered as soon as it is turned off. Every call is untrusted: its
 * input is checked (`core/tools/inputs.ts`), an unknown id is a refusal in words, and a request with the
 * user's credentials is sent only for an input whose `prepareInvocation` asked the user first.
 */
import * as vscode from 'vscode';
import type { Config } from '../config/config';
import { checkInput, TOOL_NAMES, type ToolInput, type ToolName } from '../core/tools/inputs';
import { refusal } from '../core/tools/results';
import { TOOLS, type ToolDeps } from './definitions';

/**
 * The inputs whose requests the user was asked about (`prepareInvocation` returned a confirmation, which
 * VS Code shows before it calls `invoke`): each lets one call send its requests. Bounded, oldest first out.
 */
class Approvals {
  private readonly granted = new Set<string>();

  grant(key: string): void {
    this.granted.add(key);
    for (const oldest of this.granted) {
      if (this.granted.size <= 32) break;
      this.granted.delete(oldest);
    }
  }

  /** Whether `key` was asked about, using that up. */
  take(key: string): boolean {
    return this.granted.delete(key);
  }
}

export class SpacesTool<T extends ToolName> implements vscode.LanguageModelTool<unknown> {
  constructor(
    readonly name: T,
    private readonly deps: ToolDeps,
    private readonly approvals: Approvals,
  ) {}

  async prepareInvocation({ input }: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): Promise<vscode.PreparedToolInvocation> {
    const checked = checkInput(this.name, input);
    if (!checked.ok) return { invocationMessage: vscode.l10n.t('Checking what Spaces Explorer was asked') };
    const plan = await TOOLS[this.name].plan(this.deps, checked.value);
    if (plan.requests === undefined) return { invocationMessage: plan.reads };
    this.approvals.grant(this.key(checked.value));
    return { invocationMessage: plan.reads, confirmationMessages: { title: vscode.l10n.t('Send requests with your credentials?'), message: plan.requests } };
  }

  async invoke({ input }: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const checked = checkInput(this.name, input);
    if (!checked.ok) return result(refusal(checked.problem));
    const plan = await TOOLS[this.name].plan(this.deps, checked.value);
    const mayRequest = plan.requests !== undefined && this.approvals.take(this.key(checked.value));
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    try {
      return result(await TOOLS[this.name].answer(this.deps, checked.value, mayRequest, controller.signal));
    } finally {
      cancel.dispose();
    }
  }

  private key(input: ToolInput<T>): string {
    return JSON.stringify([this.name, input]);
  }
}

function result(json: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(json)]);
}

/** The tools, registered with VS Code while the setting is on (its changes followed at once). */
export class AssistantTools implements vscode.Disposable {
  readonly tools: readonly SpacesTool<ToolName>[];
  private registrations: vscode.Disposable[] = [];
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly config: Config,
    deps: ToolDeps,
  ) {
    const approvals = new Approvals();
    this.tools = TOOL_NAMES.map((name) => new SpacesTool(name, deps, approvals));
    this.listener = config.onDidChangeAiTools(() => this.follow());
    this.follow();
  }

  /** Whether the tools are registered now. */
  get registered(): boolean {
    return this.registrations.length > 0;
  }

  private follow(): void {
    const enabled = this.config.aiToolsEnabled();
    if (enabled && !this.registered) this.registrations = this.tools.map((tool) => vscode.lm.registerTool(tool.name, tool));
    if (!enabled) this.unregister();
  }

  private unregister(): void {
    for (const registration of this.registrations) registration.dispose();
    this.registrations = [];
  }

  dispose(): void {
    this.listener.dispose();
    this.unregister();
  }
}

// Runs inside the space panel's webview (browser, no Node, no `vscode`). It tells the extension it is
// ready, then renders whatever the extension posts.
interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
vscode.postMessage({ type: 'ready' });
